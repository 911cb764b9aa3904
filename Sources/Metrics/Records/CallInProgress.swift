/// A call that has started and not ended, as a switch integration reports it: the live table's row. It holds a
/// channel from `startAt` until the writer ends it (and stores its CDR in the same transaction).
public struct CallInProgress: Sendable, Equatable {
    /// The writer's key for the call, unique among calls in progress.
    public var callKey: String
    public var source: String
    public var startAt: Int64
    /// Nil until the call is answered.
    public var answerAt: Int64?
    public var customerID: Int64?
    public var carrierID: Int64?
    public var didID: Int64?
    public var src: String
    public var dst: String
    public var callerName: String

    public init(
        callKey: String, source: String, startAt: Int64, answerAt: Int64? = nil, customerID: Int64? = nil,
        carrierID: Int64? = nil, didID: Int64? = nil, src: String = "", dst: String = "", callerName: String = ""
    ) {
        self.callKey = callKey
        self.source = source
        self.startAt = startAt
        self.answerAt = answerAt
        self.customerID = customerID
        self.carrierID = carrierID
        self.didID = didID
        self.src = src
        self.dst = dst
        self.callerName = callerName
    }
}
