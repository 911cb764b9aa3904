@testable import TermDash

/// An in-memory terminal for driving the monitor loop without tmux: a size tests set, input scripted in advance, and
/// a record of what the loop sent — each frame's diff, applied to a screen as a terminal would apply it, and the raw
/// bytes written between frames.
final class TestBackend: TerminalBackend {
    /// One wait for input: an event, or nothing before the timeout (a tick of the clock).
    enum Step {
        case event(InputEvent)
        case tick
        /// Events made when the script reaches this step (input that depends on what the session did before).
        case later(() -> [InputEvent])
    }

    var capabilities: TerminalCapabilities
    var size: (width: Int, height: Int)
    /// What the terminal shows now.
    private(set) var screen: CellBuffer
    /// Every diff drawn, in order.
    private(set) var diffs: [FrameDiff] = []
    /// The screen after each draw, as lines.
    private(set) var frames: [[String]] = []
    private(set) var written: [UInt8] = []
    private(set) var isShutDown = false
    /// Waits for input so far (a test clock can step a second with each).
    private(set) var reads = 0
    /// The loop asked for input after the script ran out (tests end the loop then).
    private(set) var isExhausted = false
    private var script: [Step]

    /// An ASCII terminal without colour by default, so screens read as plain text.
    init(width: Int, height: Int, capabilities: TerminalCapabilities = TerminalCapabilities(unicode: false, colors: .none),
         script: [Step] = []) {
        self.capabilities = capabilities
        size = (width, height)
        screen = CellBuffer(width: width, height: height)
        self.script = script
    }

    /// The screen's rows as text.
    var lines: [String] { screen.lines() }

    func draw(_ diff: FrameDiff) {
        // As a terminal: an erase leaves a blank screen of the terminal's size; cells beyond it are lost.
        if diff.repaint { screen = CellBuffer(width: size.width, height: size.height) }
        for change in diff.changes where change.x < screen.width && change.y < screen.height {
            screen[change.x, change.y] = change.cell
        }
        diffs.append(diff)
        frames.append(screen.lines())
    }

    func nextEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        reads += 1
        guard !script.isEmpty else {
            isExhausted = true
            return nil
        }
        switch script.removeFirst() {
        case .tick:
            return nil
        case .later(let make):
            script.insert(contentsOf: make().map { Step.event($0) }, at: 0)
            return nil
        case .event(let event):
            // The terminal has its new size by the time the loop reads the event, as with SIGWINCH.
            if case .resize(let width, let height) = event { size = (width, height) }
            return event
        }
    }

    func writeRaw(_ bytes: [UInt8]) { written += bytes }

    func shutdown() { isShutDown = true }
}
