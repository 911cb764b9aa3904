/// What goes wrong with a servers store. Every message names the server (its URL without credentials) and never
/// carries a password.
public enum ServerStoreError: Error, CustomStringConvertible, Equatable {
    /// The server did not answer (refused, timed out, closed): the monitor shows "store unreachable since …".
    case unreachable(server: String, reason: String)
    /// The server answered with an error.
    case refused(server: String, answer: String)
    /// A sum left the 64-bit range (ClickHouse's Int64 sum would wrap silently: sums are taken as Decimal128).
    case overflow(server: String, what: String)
    /// A connection setting that cannot be used.
    case badSetting(String)

    public var description: String {
        switch self {
        case .unreachable(let server, let reason): return "\(server): store unreachable: \(reason)"
        case .refused(let server, let answer): return "\(server): the server refused the query: \(answer)"
        case .overflow(let server, let what): return "\(server): \(what) does not fit in 64 bits"
        case .badSetting(let reason): return reason
        }
    }
}
