import Foundation
import Metrics

/// The live monitor on the user's terminal: ncurses for the screen, the store read on the SnapshotFeed's thread, and
/// `MonitorLoop` between them.
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
        /// Writes on an explicit key (a ticket, draft invoices); nil: the monitor cannot write.
        var writer: (any MonitorWriter)? = nil
        /// The views keys reach, in Tab order (fewer in a customer's portal).
        var views: [MonitorView] = MonitorView.operatorViews
        /// Where custom pages and their panes' outcomes are read, beside each snapshot; nil: no custom pages.
        var pages: PageSource? = nil
        /// A customer's portal: whose it is and what it may write (nil: the operator's monitor).
        var portal: PortalSessionOptions? = nil
    }

    private let engine: MetricsEngine
    private let options: Options

    init(engine: MetricsEngine, options: Options) {
        self.engine = engine
        self.options = options
    }

    /// Runs until the user quits or a terminating signal arrives; the terminal is restored on every exit path.
    /// Returns the signal that ended it, or nil when the user quit.
    func run() throws -> Int32? {
        SignalTrap.install()
        let terminal = try NcursesTerminal(mouse: options.mouse, theme: options.theme)
        defer { terminal.shutdown() }
        let feed = SnapshotFeed(engine: engine, interval: options.refreshSeconds, pages: options.pages)
        return MonitorLoop(options: options).run(on: terminal, snapshots: feed, interrupted: { SignalTrap.pending })
    }
}
