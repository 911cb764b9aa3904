/// A JSON-RPC call that got no answer, or an answer that is an error.
public struct RPCError: Error, CustomStringConvertible {
    public var endpoint: String
    public var reason: String

    public init(endpoint: String, reason: String) {
        self.endpoint = endpoint
        self.reason = reason
    }

    public var description: String { "\(endpoint): \(reason)" }
}
