/// Why a custom page's query gave no rows; `description` is what its pane shows.
public enum CustomQueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The query would write, or is not one read-only statement.
    case refused(String)
    /// It ran past its time limit (seconds) and was interrupted.
    case timedOut(Double)
    /// SQLite's own error (syntax, unknown table, …), or the store could not be opened.
    case failed(String)

    public var description: String {
        switch self {
        case .refused(let reason): return "refused: \(reason)"
        case .timedOut(let seconds): return "interrupted after \(seconds) s (the time limit)"
        case .failed(let message): return message
        }
    }
}
