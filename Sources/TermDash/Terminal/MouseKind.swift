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
