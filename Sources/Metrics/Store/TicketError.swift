/// Why a ticket could not be opened or closed.
public enum TicketError: Error, Equatable, CustomStringConvertible {
    case unknown(Int64)
    case alreadyClosed(Int64, at: Int64)
    case emptySubject

    public var description: String {
        switch self {
        case .unknown(let id): return "no ticket \(id)"
        case .alreadyClosed(let id, _): return "ticket \(id) is already closed"
        case .emptySubject: return "a ticket needs a subject"
        }
    }
}
