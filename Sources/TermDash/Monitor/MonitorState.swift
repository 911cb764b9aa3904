import Metrics

/// A cursor over a list that scrolls: the quality table's carriers, the checklist's items.
struct ListCursor: Equatable, Sendable {
    var row = 0
    /// The first row shown.
    var offset = 0

    mutating func apply(_ command: ListCommand, count: Int, pageRows: Int) {
        let page = max(1, pageRows)
        switch command {
        case .up: row -= 1
        case .down: row += 1
        case .pageUp: row -= page
        case .pageDown: row += page
        case .top: row = 0
        case .bottom: row = count - 1
        case .toggle, .all: break
        }
        clamp(count: count, pageRows: page)
    }

    /// Keeps the cursor on a row and in view after the list or the pane changed size.
    mutating func clamp(count: Int, pageRows: Int) {
        row = max(0, min(row, count - 1))
        let page = max(1, pageRows)
        if row < offset { offset = row }
        if row >= offset + page { offset = row - page + 1 }
        offset = max(0, min(offset, max(0, count - page)))
    }

    /// A list with no cursor on screen (the checklist): the keys scroll it, a row or a screen at a time, so every
    /// press shows. `pageRows` is the rows the list has; when the items do not all fit, the last row counts the
    /// rest (`ChecklistWidget`), so a screen is one row less and the last offset puts the last item above that row.
    mutating func scroll(_ command: ListCommand, count: Int, pageRows: Int) {
        let page = max(1, pageRows - 1)
        switch command {
        case .up: offset -= 1
        case .down: offset += 1
        case .pageUp: offset -= page
        case .pageDown: offset += page
        case .top: offset = 0
        case .bottom: offset = count
        case .toggle, .all: break
        }
        clampScroll(count: count, pageRows: pageRows)
    }

    /// Keeps a scrolled list's offset where it still shows rows after the list or the pane changed size.
    mutating func clampScroll(count: Int, pageRows: Int) {
        offset = max(0, min(offset, ChecklistWidget.maximumOffset(count: count, height: max(1, pageRows))))
        row = offset
    }
}

/// Everything the user has chosen in the monitor, changed only by actions: pure, so every key's effect is testable
/// without a terminal.
struct MonitorState: Equatable, Sendable {
    var view: MonitorView = .overview
    var showHelp = false
    var range: HistoryRange = .oneHour
    /// Into the zones the zone key steps through.
    var zoneIndex = 0
    var grid = SummaryGridViewState()
    var quality = ListCursor()
    /// Carriers taken out of the quality total and graphs, by id.
    var excludedCarriers: Set<Int64> = []
    var checklist = ListCursor()

    /// What the session must do besides drawing again.
    enum Effect: Equatable {
        case none, quit, refresh, reloadGrid, copySelection(headers: Bool), exportSelection, copySupport, zoneChanged
    }

    /// What the lists on screen hold, for actions that move through them.
    struct Lists {
        var carriers: [Int64] = []
        var checklistItems = 0
        var pageRows = 10
    }

    mutating func apply(_ action: MonitorAction, zoneCount: Int, lists: Lists) -> Effect {
        switch action {
        case .quit: return .quit
        case .help: showHelp.toggle()
        case .refresh: return .refresh
        case .nextView: view = MonitorView(rawValue: view.rawValue % MonitorView.allCases.count + 1) ?? .overview
        case .previousView:
            let count = MonitorView.allCases.count
            view = MonitorView(rawValue: (view.rawValue + count - 2) % count + 1) ?? .overview
        case .show(let target): view = target
        case .cycleRange:
            let all = HistoryRange.allCases
            range = all[((all.firstIndex(of: range) ?? 0) + 1) % all.count]
            return .refresh
        case .cycleZone:
            zoneIndex = (zoneIndex + 1) % max(1, zoneCount)
            return .zoneChanged
        case .copySupport: return .copySupport
        case .grid(let command):
            switch grid.apply(command, pageRows: lists.pageRows) {
            case .redraw: return .none
            case .reloadGrid: return .reloadGrid
            case .copy(let headers): return .copySelection(headers: headers)
            case .export: return .exportSelection
            }
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
