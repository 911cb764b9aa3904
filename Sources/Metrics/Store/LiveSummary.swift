/// The calls in progress counted by group and by start second, as the store keeps them while calls start and end:
/// its size depends on the accounts and on the seconds calls in progress started in, not on how many there are.
/// Group 0 stands for calls without a known customer, carrier or DID.
public struct LiveSummary: Sendable, Equatable {
    public var byCustomer: [Int64: Int]
    public var byCarrier: [Int64: Int]
    public var byDID: [Int64: Int]
    /// Calls in progress per start second (UTC Unix seconds).
    public var byStart: [Int64: Int]

    public init(byCustomer: [Int64: Int] = [:], byCarrier: [Int64: Int] = [:], byDID: [Int64: Int] = [:],
                byStart: [Int64: Int] = [:]) {
        self.byCustomer = byCustomer
        self.byCarrier = byCarrier
        self.byDID = byDID
        self.byStart = byStart
    }

    /// The same counts taken from the calls themselves.
    public init(_ calls: [LiveCall]) {
        self.init()
        for call in calls {
            byCustomer[call.customer, default: 0] += 1
            byCarrier[call.carrier, default: 0] += 1
            byDID[call.did, default: 0] += 1
            byStart[call.start, default: 0] += 1
        }
    }

    /// Every call in progress.
    public var count: Int { byStart.values.reduce(0, +) }
}
