/// A call in progress as the read side sees it (the writers' `CallInProgress` reduced to what figures need): when it started and whom it involves (0 where unknown).
public struct LiveCall: Sendable, Equatable {
    /// UTC Unix seconds.
    public var start: Int64
    public var customer: Int64
    public var carrier: Int64
    public var did: Int64

    public init(start: Int64, customer: Int64, carrier: Int64, did: Int64) {
        self.start = start
        self.customer = customer
        self.carrier = carrier
        self.did = did
    }
}
