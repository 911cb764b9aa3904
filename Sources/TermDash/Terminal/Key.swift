/// A key as the monitor sees it, independent of how the terminal encoded it.
enum Key: Hashable, Sendable {
    /// A printable character, or a control character such as "\u{0C}" (Ctrl-L).
    case character(Character)
    case up, down, left, right
    case shiftUp, shiftDown, shiftLeft, shiftRight
    case pageUp, pageDown, home, end
    case insert, delete
    case tab, backTab, enter, escape, backspace
    /// F1 is `.function(1)`.
    case function(Int)
}
