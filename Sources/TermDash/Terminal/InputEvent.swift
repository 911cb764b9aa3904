/// One thing that happened at the terminal.
enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// A mouse event at a zero-based cell.
    case mouse(x: Int, y: Int, kind: MouseKind)
}
