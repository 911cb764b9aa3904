import ArgumentParser
import Foundation
import Metrics

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot", abstract: "Print the frame the monitor would show, as plain text (no terminal needed).")

    @OptionGroup var options: CommonOptions

    @OptionGroup var scope: ScopeOption

    @Option(help: "Columns of the frame.")
    var width = 100

    @Option(help: "Rows of the frame.")
    var height = 30

    @Flag(help: "Draw with ASCII only (no box-drawing or block characters).")
    var ascii = false

    // Optional so that the help names the default: ArgumentParser would show an enum's raw value, 1.
    @Option(help: "The view; overview if not given.")
    var view: MonitorView?

    @Option(help: ArgumentHelp(
        "A custom page instead of a view: its title or key ([[pages]] in the config, or stored with page push).",
        valueName: "title or key"))
    var page: String?

    @Option(help: "History and quality range: 1h, 24h or 7d.")
    var range: HistoryRange = .oneHour

    func validate() throws {
        guard (0...1_000).contains(width), (0...1_000).contains(height) else {
            throw ValidationError("--width and --height must be between 0 and 1000")
        }
        if scope.customer != nil, let view, !KeyBinding.portalViews.contains(view) {
            throw ValidationError("--view \(view.title.lowercased()) is not among a customer's views")
        }
        if scope.customer == nil, view == .invoices || view == .account {
            throw ValidationError("--view \(view?.title.lowercased() ?? "") is a customer's view: give --customer")
        }
        if page != nil, view != nil { throw ValidationError("give --view or --page, not both") }
        if ascii, let graphs = options.graphs, graphs != .ascii {
            throw ValidationError("--ascii draws ASCII graphs; leave out --graphs \(graphs.rawValue)")
        }
    }

    func run() throws {
        let settings = try options.settings()
        let store = try scope.reader(try settings.openStore(readOnly: true),
                                     settings: settings)
        let now = Date()
        let capabilities = TerminalCapabilities.detect(
            environment: ProcessInfo.processInfo.environment, codeset: ascii ? "ANSI_X3.4-1968" : currentCodeset(),
            terminalColors: 0)
        let glyphs = GlyphSet.choose(ascii ? "ascii" : settings.config.graphs, capabilities: capabilities)
        let engine = MetricsEngine(store: store, retention: settings.config.retention)
        let seconds = Int64(now.timeIntervalSince1970)
        let wide = width >= MonitorScreen.wideOverview.width && height >= MonitorScreen.wideOverview.height
        var request = SnapshotRequest(
            liveWindow: SparklineWidget.liveWindow(width: max(10, (wide ? width / 2 : width) - 4), glyphs: glyphs),
            tableRows: min(settings.config.tableRows, max(1, height)), history: range, channelTables: true,
            checklist: settings.config.checklist, balance: true)
        request.billing = view == .billing
        request.invoices = view == .invoices
        request.account = view == .account
        let snapshot = try engine.dashboard(at: seconds, request: request)
        var state = MonitorState()
        state.view = view ?? .overview
        if scope.customer != nil { state.views = KeyBinding.portalViews }
        var keys = scope.customer != nil ? KeyBinding.portal : KeyBinding.defaults
        var shownPage: (page: CustomPage, results: PageResults)?
        if let page {
            // The pages this session may see (a customer's: only those marked for customers), read once.
            let pages = try settings.customPages(
                store: try settings.openStore(readOnly: true),
                customer: engine.scope?.customerID, keys: keys)
            let found = pages.read(shown: nil, now: now).pages
            keys = KeyBinding.withPages(found.pages, base: keys).table
            guard let chosen = found.pages.first(where: { $0.title == page || $0.key == page }) else {
                let names = found.pages.map { "\($0.key) \(QuotedText.quoted($0.title))" }.joined(separator: ", ")
                throw CLIError("no page \(QuotedText.quoted(page)) (title or key)"
                    + (names.isEmpty ? "; there are no pages" : "; there are: \(names)"))
            }
            state.setPages(found.pages.map(\.title))
            _ = state.apply(.showPage(chosen.title), zoneCount: 1, lists: MonitorState.Lists())
            shownPage = (chosen, pages.read(shown: chosen.title, now: now).results
                ?? PageResults(title: chosen.title, outcomes: []))
        }
        state.range = range
        let summary = state.view == .summary ? try engine.summary(state.grid.period, at: seconds) : nil
        if let summary {
            state.grid.update(to: summary)
            if let rect = MonitorScreen.summaryRect(width: width, height: height) {
                SummaryGridWidget.reveal(&state.grid, grid: summary, in: rect)
            }
        }
        let formatter = ClockFormat.formatter(for: settings.timeZone)
        var model = ScreenModel(
            snapshot: snapshot, summary: summary, state: state,
            context: ViewContext(version: BuildInfo.version, zone: settings.config.zone,
                                 clock: formatter.string(from: now), glyphs: glyphs, message: nil),
            lowASR: settings.config.checklist.minimumASR, minimumAttempts: settings.config.checklist.minimumAttempts,
            keys: keys, moneyDecimals: settings.config.moneyDecimals)
        model.page = shownPage?.page
        model.pageResults = shownPage?.results
        if let history = snapshot.history {
            model.graphZone = GraphZone.of(settings.timeZone, from: history.from, to: history.to)
        }
        var buffer = CellBuffer(width: width, height: height)
        MonitorScreen.render(model, into: &buffer)
        for line in buffer.lines() {
            print(line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
        }
    }
}

/// The character set of the user's locale, as the monitor would see it after setlocale(LC_ALL, "").
func currentCodeset() -> String {
    setlocale(LC_ALL, "")
    return String(cString: nl_langinfo(nl_item(CODESET)))
}

extension MonitorView: ExpressibleByArgument {
    init?(argument: String) {
        guard let view = MonitorView.builtIn.first(where: { $0.title.lowercased() == argument.lowercased() })
        else { return nil }
        self = view
    }

    static var allValueStrings: [String] { builtIn.map { $0.title.lowercased() } }
}

extension HistoryRange: ExpressibleByArgument {}
