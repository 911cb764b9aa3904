/// What the monitor loop needs of a terminal. `NcursesTerminal` is the one the program runs on (and the only file that
/// calls ncurses); tests drive the loop through an in-memory one, so keys → state → frame → output is checked
/// without a real terminal.
protocol TerminalBackend: AnyObject {
    /// What the terminal can draw, found when it was set up.
    var capabilities: TerminalCapabilities { get }
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// Shows the next frame by applying its diff from the frame shown before, all at once.
    func draw(_ diff: FrameDiff)
    /// Waits up to `timeoutMilliseconds` (negative: for ever) for input; nil when none came.
    func nextEvent(timeoutMilliseconds: Int32) -> InputEvent?
    /// Bytes straight to the terminal between frames (OSC 52 clipboard requests).
    func writeRaw(_ bytes: [UInt8])
    /// Gives the terminal back as it was. Safe to call more than once.
    func shutdown()
}
