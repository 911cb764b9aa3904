enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case cannotInitialize(term: String)
    /// The terminal cannot place the cursor (no `cup` in its terminfo), so frames would overwrite each other.
    case noCursorAddressing(term: String)

    var description: String {
        switch self {
        case .notATerminal: return "the monitor needs a terminal (use `termdash snapshot` for plain text)"
        case .cannotInitialize(let term): return "cannot drive terminal type \"\(term)\" (check TERM)"
        case .noCursorAddressing(let term):
            return "terminal type \"\(term)\" (TERM) cannot move the cursor: the monitor needs a terminal with cursor "
                + "addressing (terminfo cup), e.g. TERM=xterm-256color or vt100; `termdash snapshot` prints a frame as plain text"
        }
    }
}
