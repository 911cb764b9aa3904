/// One row of Kamailio's `acc_cdrs`, as its columns (`AccColumns`) state it; empty for NULL.
public struct AccCDR: Sendable, Equatable {
    /// `acc_cdrs.id`: the feed's cursor.
    public var id: Int64
    public var callID: String
    public var customer: String
    public var carrier: String
    public var src: String
    public var dst: String
    public var code: String
    public var dtmf: String
    /// Epoch seconds; nil when the column is empty.
    public var inviteTime: Double?
    public var answerTime: Double?
    public var endTime: Double?
    /// Empty when the DID column is not mapped.
    public var did: String

    public init(
        id: Int64, callID: String = "", customer: String = "", carrier: String = "", src: String = "", dst: String = "",
        code: String = "", dtmf: String = "", inviteTime: Double? = nil, answerTime: Double? = nil,
        endTime: Double? = nil, did: String = ""
    ) {
        self.id = id
        self.callID = callID
        self.customer = customer
        self.carrier = carrier
        self.src = src
        self.dst = dst
        self.code = code
        self.dtmf = dtmf
        self.inviteTime = inviteTime
        self.answerTime = answerTime
        self.endTime = endTime
        self.did = did
    }
}
