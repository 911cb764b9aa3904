/// One row of a channels table: a customer, carrier or DID and the channels it holds now.
public struct ChannelUsage: Sendable, Equatable {
    /// As stored; views must sanitise it before drawing.
    public var name: String
    public var inUse: Int
    /// Channels configured for it, or nil where it has no limit.
    public var configured: Int?

    public init(name: String, inUse: Int, configured: Int?) {
        self.name = name
        self.inUse = inUse
        self.configured = configured
    }
}
