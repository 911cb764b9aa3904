import Foundation
import Metrics

/// The monitor's event loop: one thread, blocking on input until the next tick, drawing only when something
/// visible changed. Store reads happen on the SnapshotFeed's thread; the state changes only by key and mouse actions.
final class MonitorSession {
    struct Options {
        var identity: StatusIdentity
        /// The zones the zone key steps through, with the names the status bar shows; the first is the configured one.
        var zones: [(name: String, zone: TimeZone)]
        var theme: Theme
        var graphs: String
        var refreshSeconds: Double
        var tableRows: Int
        var mouse: Bool
        var keys: [KeyBinding] = KeyBinding.defaults
        var copy = CopySettings()
        /// Where `e` writes CSV files.
        var exportDirectory: String
        var checklist = ChecklistThresholds()
        var moneyDecimals = 2
    }

    private let engine: MetricsEngine
    private let options: Options
    private var state = MonitorState()
    private var message: (text: String, until: Date)?

    init(engine: MetricsEngine, options: Options) {
        self.engine = engine
        self.options = options
    }

    private var zoneChoice: (name: String, zone: TimeZone) { options.zones[state.zoneIndex % max(1, options.zones.count)] }
    private var zone: TimeZone { zoneChoice.zone }

    /// Runs until the user quits or a terminating signal arrives; the terminal is restored on every exit path.
    /// Returns the signal that ended it, or nil when the user quit.
    func run() throws -> Int32? {
        SignalTrap.install()
        let terminal = try NcursesTerminal(mouse: options.mouse, theme: options.theme)
        defer { terminal.shutdown() }
        let glyphs = GlyphSet.choose(options.graphs, capabilities: terminal.capabilities)
        let size = SizeBox(terminal.size)
        let wanted = RequestBox(request(for: terminal.size, glyphs: glyphs))
        let feed = SnapshotFeed(engine: engine, interval: options.refreshSeconds) { wanted.value }
        feed.start()
        defer { feed.stop() }
        // Give the first read a moment so the first frame shows figures rather than "loading…".
        let firstReadDeadline = Date().addingTimeInterval(0.5)
        while feed.current().generation == 0, Date() < firstReadDeadline { usleep(10_000) }

        var clockFormatter = ClockFormat.formatter(for: zone)
        var drawnGeneration = -1
        var drawnClock = ""
        var needsDraw = true
        var summary: SummaryGrid?
        while SignalTrap.pending == 0 {
            let (frame, error, generation) = feed.current()
            // A grid read for another period than the one now chosen is not shown (the cursor would be wrong).
            if let grid = frame?.summary, grid.period == state.grid.period {
                if summary != grid { state.grid.update(to: grid) }
                summary = grid
            }
            let clock = clockFormatter.string(from: Date())
            if let until = message?.until, until < Date() {
                message = nil
                needsDraw = true
            }
            if needsDraw || generation != drawnGeneration || clock != drawnClock {
                let (width, height) = terminal.size
                if state.view == .summary, let summary, let rect = MonitorScreen.summaryRect(width: width, height: height) {
                    SummaryGridWidget.reveal(&state.grid, grid: summary, in: rect)
                }
                clampLists(frame?.dashboard, width: width, height: height)
                var buffer = CellBuffer(width: width, height: height)
                let snapshot = frame?.dashboard
                var model = ScreenModel(
                    snapshot: snapshot, summary: state.view == .summary ? summary : nil, state: state,
                    context: ViewContext(
                        version: options.identity.version, zone: zoneChoice.name, clock: clock, glyphs: glyphs,
                        message: error ?? message?.text),
                    lowASR: options.checklist.minimumASR, minimumAttempts: options.checklist.minimumAttempts,
                    keys: options.keys)
                if let history = snapshot?.history {
                    model.graphZone = GraphZone.of(zone, from: history.from, to: history.to)
                }
                MonitorScreen.render(model, into: &buffer)
                terminal.draw(buffer)
                drawnGeneration = generation
                drawnClock = clock
                needsDraw = false
            }
            // Block until a key or the next whole second, whichever comes first: no CPU between ticks.
            let now = Date().timeIntervalSince1970
            let untilNextSecond = Int32(((now.rounded(.down) + 1.03 - now) * 1_000).rounded(.up))
            guard let event = terminal.nextEvent(timeoutMilliseconds: max(10, untilNextSecond)) else { continue }
            needsDraw = true
            switch event {
            case .resize(let width, let height):
                size.value = (width, height)
                wanted.value = request(for: (width, height), glyphs: glyphs)
                feed.refreshNow()
            case .key(let key):
                if key == .escape, state.showHelp {
                    state.showHelp = false
                    continue
                }
                guard let action = KeyBinding.action(for: key, in: state.view, table: options.keys) else { continue }
                let (width, height) = terminal.size
                var lists = MonitorState.Lists(
                    carriers: frame?.dashboard.quality?.carriers.map(\.id) ?? [],
                    checklistItems: frame?.dashboard.checklist?.count ?? 0,
                    pageRows: MonitorScreen.listRows(state.view, width: width, height: height))
                if state.view == .summary, let summary, let rect = MonitorScreen.summaryRect(width: width, height: height) {
                    lists.pageRows = SummaryGridWidget.layout(summary, metric: state.grid.metric, in: rect).visibleRows
                }
                let before = request(for: terminal.size, glyphs: glyphs)
                switch state.apply(action, zoneCount: options.zones.count, lists: lists) {
                case .none: break
                case .quit: return nil
                case .refresh, .reloadGrid: feed.refreshNow()
                case .zoneChanged:
                    clockFormatter = ClockFormat.formatter(for: zone)
                    say("Zone \(zoneChoice.name) for the clock and graphs (summaries stay in UTC)")
                case .copySelection(let headers):
                    guard let summary, let copy = state.grid.clipboardText(summary, headers: headers,
                                                                          moneyDecimals: options.moneyDecimals)
                    else {
                        say("Nothing to copy yet")
                        break
                    }
                    say(CopyPipeline.copy(copy.text, what: copy.what, settings: options.copy,
                                          writeTerminal: terminal.writeRaw).message)
                case .exportSelection:
                    guard let summary, let export = state.grid.csvExport(
                        summary, now: Int64(Date().timeIntervalSince1970), moneyDecimals: options.moneyDecimals)
                    else {
                        say("Nothing to export yet")
                        break
                    }
                    say(CSVExport.export(export.csv, what: export.what, directory: options.exportDirectory,
                                         fileName: export.fileName).message)
                case .copySupport:
                    let block = SupportBlock.text(
                        identity: options.identity, zone: zoneChoice.name, now: Date(),
                        storePath: frame?.dashboard.storePath ?? "")
                    say(CopyPipeline.copy(block, what: "the support block", settings: options.copy,
                                          writeTerminal: terminal.writeRaw).message)
                }
                let after = request(for: terminal.size, glyphs: glyphs)
                if after != before || wanted.value != after {
                    wanted.value = after
                    feed.refreshNow()
                }
            case .mouse(let x, let y, let kind):
                let (width, height) = terminal.size
                if state.view == .summary, let summary, let rect = MonitorScreen.summaryRect(width: width, height: height) {
                    SummaryGridWidget.handleMouse(x: x, y: y, kind: kind, grid: summary, state: &state.grid, in: rect)
                } else if y == 0, kind == .press || kind == .click {
                    // A click on the tab line picks that view.
                    if let view = ViewTabs.view(at: x, current: state.view, keys: options.keys, width: width,
                                                unicode: glyphs.unicode) {
                        state.view = view
                        wanted.value = request(for: terminal.size, glyphs: glyphs)
                        feed.refreshNow()
                    }
                }
            }
        }
        return SignalTrap.pending
    }

    /// A note in the status bar for a few seconds.
    private func say(_ text: String) {
        message = (text, Date().addingTimeInterval(6))
    }

    /// Keeps list cursors on a row and in view after the data or the terminal changed.
    private func clampLists(_ snapshot: DashboardSnapshot?, width: Int, height: Int) {
        state.quality.clamp(count: snapshot?.quality?.carriers.count ?? 0,
                            pageRows: MonitorScreen.listRows(.quality, width: width, height: height))
        state.checklist.clampScroll(count: snapshot?.checklist?.count ?? 0,
                                    pageRows: MonitorScreen.listRows(.checklist, width: width, height: height))
    }

    /// What the feed should read for this terminal size and the current state.
    private func request(for size: (width: Int, height: Int), glyphs: GlyphSet) -> FeedRequest {
        let wide = size.width >= MonitorScreen.wideOverview.width && size.height >= MonitorScreen.wideOverview.height
        let graphWidth = max(10, (wide ? size.width / 2 : size.width) - 4)
        var snapshot = SnapshotRequest(
            liveWindow: SparklineWidget.liveWindow(width: graphWidth, glyphs: glyphs),
            tableRows: min(options.tableRows, max(1, size.height)), history: state.range, channelTables: true,
            checklist: options.checklist, balance: true)
        snapshot.excludedCarriers = state.view == .quality ? state.excludedCarriers : []
        return FeedRequest(snapshot: snapshot, summary: state.view == .summary ? state.grid.period : nil)
    }
}

/// The request the feed reads with, changed by the loop when the view, range or size changes.
final class RequestBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: FeedRequest

    init(_ value: FeedRequest) { stored = value }

    var value: FeedRequest {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// The terminal size, shared with the feed thread so reads are sized for the screen.
final class SizeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (width: Int, height: Int)

    init(_ value: (width: Int, height: Int)) { stored = value }

    var value: (width: Int, height: Int) {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
