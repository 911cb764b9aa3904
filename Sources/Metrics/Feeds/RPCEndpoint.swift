/// Where Kamailio's JSON-RPC answers: jsonrpcs over xhttp (`http://127.0.0.1:5080/RPC`), or its datagram socket
/// (`unix:/run/kamailio/kamailio_rpc.sock`).
public enum RPCEndpoint: Sendable, Equatable, CustomStringConvertible {
    case http(host: String, port: UInt16, path: String)
    case datagram(path: String)

    /// `http://HOST:PORT/PATH` or `unix:PATH` (a path starting with `/` is a socket too); nil for anything else.
    public init?(_ text: String) {
        if text.hasPrefix("unix:") {
            let path = String(text.dropFirst(5))
            guard !path.isEmpty else { return nil }
            self = .datagram(path: path)
        } else if text.hasPrefix("/") {
            self = .datagram(path: text)
        } else if text.hasPrefix("http://") {
            let rest = text.dropFirst(7)
            let slash = rest.firstIndex(of: "/") ?? rest.endIndex
            let authority = rest[..<slash]
            let path = slash == rest.endIndex ? "/RPC" : String(rest[slash...])
            guard let colon = authority.lastIndex(of: ":"), let port = UInt16(authority[authority.index(after: colon)...]),
                  colon > authority.startIndex else { return nil }
            self = .http(host: String(authority[..<colon]), port: port, path: path)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .http(let host, let port, let path): return "http://\(host):\(port)\(path)"
        case .datagram(let path): return "unix:\(path)"
        }
    }
}
