import Metrics

/// Everything the user has chosen in the monitor, changed only by actions: pure, so every key's effect is testable
/// without a terminal.
struct MonitorState: Equatable, Sendable {
    var view: MonitorView = .overview
    /// The views this session may show, in Tab order: a customer's portal leaves out those that describe the
    /// network (billing, channels), and no key reaches them.
    var views: [MonitorView] = MonitorView.operatorViews
    /// The custom pages this session may show (titles), after the views in Tab order.
    var pages: [String] = []
    /// The custom page shown while `view` is `.page`.
    var page: String?
    var showHelp = false
    var range: HistoryRange = .oneHour
    /// Into the zones the zone key steps through.
    var zoneIndex = 0
    var grid = SummaryGridViewState()
    var quality = ListCursor()
    /// Carriers taken out of the quality total and graphs, by id.
    var excludedCarriers: Set<Int64> = []
    var checklist = ListCursor()
    /// The portal's invoice list.
    var invoices = ListCursor()
    /// The portal form open on the Account view; while one is, keys go to it (`PortalFormKey`).
    var form: PortalForm?

    /// What the session must do besides drawing again.
    enum Effect: Equatable {
        case none, quit, refresh, reloadGrid, copySelection(headers: Bool), exportSelection, copySupport, zoneChanged
        case openTicket, generateInvoices
        case exportInvoice(PortalExports.Kind), openForm(PortalFormKind), switchLanguage
    }

    /// What the lists on screen hold, for actions that move through them.
    struct Lists {
        var carriers: [Int64] = []
        var checklistItems = 0
        var invoices = 0
        var pageRows = 10
    }

    /// Takes the pages there are now; when the one shown is gone, the first view is shown instead.
    mutating func setPages(_ titles: [String]) {
        pages = titles
        if view == .page, !titles.contains(page ?? "") {
            view = views.first ?? .overview
            page = nil
        }
    }

    mutating func apply(_ action: MonitorAction, zoneCount: Int, lists: Lists) -> Effect {
        switch action {
        case .quit: return .quit
        case .help: showHelp.toggle()
        case .refresh: return .refresh
        case .nextView, .previousView:
            // Views then pages, one ring.
            let tabs: [MonitorAction] = views.map { .show($0) } + pages.map { .showPage($0) }
            guard !tabs.isEmpty else { return .none }
            let current: MonitorAction = view == .page ? .showPage(page ?? "") : .show(view)
            let index = tabs.firstIndex(of: current) ?? 0
            let step = action == .nextView ? 1 : tabs.count - 1
            return apply(tabs[(index + step) % tabs.count], zoneCount: zoneCount, lists: lists)
        case .show(let target):
            if views.contains(target) {
                view = target
                page = nil
            }
        case .showPage(let title):
            if pages.contains(title) {
                view = .page
                page = title
            }
        case .cycleRange:
            let all = HistoryRange.allCases
            range = all[((all.firstIndex(of: range) ?? 0) + 1) % all.count]
            return .refresh
        case .cycleZone:
            zoneIndex = (zoneIndex + 1) % max(1, zoneCount)
            return .zoneChanged
        case .copySupport: return .copySupport
        case .openTicket: return .openTicket
        case .grid(let command):
            switch grid.apply(command, pageRows: lists.pageRows) {
            case .redraw: return .none
            case .reloadGrid: return .reloadGrid
            case .copy(let headers): return .copySelection(headers: headers)
            case .export: return .exportSelection
            case .generateInvoices: return .generateInvoices
            }
        case .invoiceList(let command):
            invoices.apply(command, count: lists.invoices, pageRows: lists.pageRows)
        case .exportInvoice(let kind): return .exportInvoice(kind)
        case .openForm(let kind): return .openForm(kind)
        case .switchLanguage: return .switchLanguage
        case .list(let command):
            if view == .checklist {
                checklist.scroll(command, count: lists.checklistItems, pageRows: lists.pageRows)
                return .none
            }
            switch command {
            case .toggle:
                guard lists.carriers.indices.contains(quality.row) else { return .none }
                let carrier = lists.carriers[quality.row]
                if excludedCarriers.contains(carrier) {
                    excludedCarriers.remove(carrier)
                } else {
                    excludedCarriers.insert(carrier)
                }
                return .refresh
            case .all:
                excludedCarriers.removeAll()
                return .refresh
            default:
                quality.apply(command, count: lists.carriers.count, pageRows: lists.pageRows)
            }
        }
        return .none
    }
}
