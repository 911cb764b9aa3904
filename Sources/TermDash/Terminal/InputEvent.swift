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

/// What a mouse did.
enum MouseKind: Hashable, Sendable {
    case press
    /// The pointer moved with button 1 held (ncurses reports REPORT_MOUSE_POSITION while a button is down
    /// when motion tracking, xterm mode 1002, is on).
    case drag
    case release
    case click
    case scrollUp
    case scrollDown
    case other
}

/// One thing that happened at the terminal.
enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// A mouse event at a zero-based cell.
    case mouse(x: Int, y: Int, kind: MouseKind)
}
