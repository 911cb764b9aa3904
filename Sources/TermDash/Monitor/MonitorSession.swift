import Foundation
import Metrics

/// The monitor's event loop: one thread, blocking on input until the next tick, drawing only when something
/// visible changed. Store reads happen on the SnapshotFeed's thread.
final class MonitorSession {
    struct Options {
        var identity: StatusIdentity
        var timeZone: TimeZone
        var theme: Theme
        var graphs: String
        var refreshSeconds: Double
        var tableRows: Int
        var mouse: Bool
    }

    private let engine: MetricsEngine
    private let options: Options
    private let clockFormatter: DateFormatter
    private var showHelp = false
    private var message: String?

    init(engine: MetricsEngine, options: Options) {
        self.engine = engine
        self.options = options
        clockFormatter = ClockFormat.formatter(for: options.timeZone)
    }

    /// Runs until the user quits or a terminating signal arrives; the terminal is restored on every exit path.
    /// Returns the signal that ended it, or nil when the user quit.
    func run() throws -> Int32? {
        SignalTrap.install()
        let terminal = try NcursesTerminal(mouse: options.mouse, theme: options.theme)
        defer { terminal.shutdown() }
        let glyphs = GlyphSet.choose(options.graphs, capabilities: terminal.capabilities)
        let size = SizeBox(terminal.size)
        let tableRows = options.tableRows
        let feed = SnapshotFeed(engine: engine, interval: options.refreshSeconds) {
            let current = size.value
            return (liveWindow: DashboardView.liveWindow(width: current.width, height: current.height, glyphs: glyphs),
                    tableRows: min(tableRows, max(1, current.height)))
        }
        feed.start()
        defer { feed.stop() }
        // Give the first read a moment so the first frame shows figures rather than "loading…".
        let firstReadDeadline = Date().addingTimeInterval(0.5)
        while feed.current().generation == 0, Date() < firstReadDeadline { usleep(10_000) }

        var drawnGeneration = -1
        var drawnClock = ""
        var needsDraw = true
        while SignalTrap.pending == 0 {
            let (snapshot, error, generation) = feed.current()
            let clock = clockFormatter.string(from: Date())
            if needsDraw || generation != drawnGeneration || clock != drawnClock {
                let (width, height) = terminal.size
                var buffer = CellBuffer(width: width, height: height)
                let context = ViewContext(
                    version: options.identity.version, zone: options.identity.zone, clock: clock, glyphs: glyphs,
                    message: error ?? message)
                DashboardView.render(snapshot, context: context, into: &buffer)
                if showHelp { HelpOverlay.render(KeyBinding.defaults, glyphs: glyphs, into: &buffer) }
                terminal.draw(buffer)
                drawnGeneration = generation
                drawnClock = clock
                needsDraw = false
            }
            // Block until a key or the next whole second, whichever comes first: no CPU between ticks.
            let now = Date().timeIntervalSince1970
            let untilNextSecond = Int32(((now.rounded(.down) + 1.03 - now) * 1_000).rounded(.up))
            guard let event = terminal.nextEvent(timeoutMilliseconds: max(10, untilNextSecond)) else { continue }
            switch event {
            case .resize(let width, let height):
                size.value = (width, height)
                feed.refreshNow()
                needsDraw = true
            case .key(let key):
                needsDraw = true
                switch KeyBinding.action(for: key, in: .overview, table: KeyBinding.defaults) {
                case .quit: return nil
                case .help: showHelp.toggle()
                case .refresh: feed.refreshNow()
                default: if key == .escape { showHelp = false }
                }
            case .mouse:
                break
            }
        }
        return SignalTrap.pending
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
