/// One CDR as the writers hand it to the store. Times are UTC Unix seconds.
public struct CallRecord: Sendable, Equatable {
    /// The longest a CDR may last (start to end, duration, billed seconds): 31 days. Longer is no call, and would
    /// make its occupancy span years of minutes and its sums leave 64 bits: such a row is rejected.
    public static let longestSeconds = 31 * 86_400
    /// The most DTMF digits a CDR may count.
    public static let mostDigits = 1_000_000

    public var source: String
    /// What makes this row unique (the hash of a key text: a record's content for files, the call id for the
    /// simulator); writing the same key with the same start twice adds nothing.
    public var rowKey: RowKey
    /// The call this leg belongs to (Asterisk linkedid, FreeSWITCH uuid), for call-level figures.
    public var callKey: String?
    public var legID: String?
    public var startAt: Int64
    public var answerAt: Int64?
    public var endAt: Int64
    public var duration: Int
    public var billsec: Int
    public var disposition: Disposition
    public var hangupCause: String?
    public var customerID: Int64?
    public var carrierID: Int64?
    public var didID: Int64?
    public var src: String
    public var dst: String
    public var callerName: String
    /// nil: the source does not record DTMF ("unknown", left out of the DTMF ratio).
    public var dtmfDigits: Int?
    /// nil: no rate matched ("unrated", never priced at zero silently).
    public var sell: Money?
    public var buy: Money?
    public var fileID: Int64?
    public var line: Int?

    public init(
        source: String, rowKey: RowKey, callKey: String? = nil, legID: String? = nil, startAt: Int64,
        answerAt: Int64?, endAt: Int64, duration: Int, billsec: Int, disposition: Disposition,
        hangupCause: String? = nil, customerID: Int64?, carrierID: Int64?, didID: Int64? = nil,
        src: String = "", dst: String = "", callerName: String = "", dtmfDigits: Int?,
        sell: Money?, buy: Money?, fileID: Int64? = nil, line: Int? = nil
    ) {
        self.source = source
        self.rowKey = rowKey
        self.callKey = callKey
        self.legID = legID
        self.startAt = startAt
        self.answerAt = answerAt
        self.endAt = endAt
        self.duration = duration
        self.billsec = billsec
        self.disposition = disposition
        self.hangupCause = hangupCause
        self.customerID = customerID
        self.carrierID = carrierID
        self.didID = didID
        self.src = src
        self.dst = dst
        self.callerName = callerName
        self.dtmfDigits = dtmfDigits
        self.sell = sell
        self.buy = buy
        self.fileID = fileID
        self.line = line
    }

    /// DESIGN.md: answered means an answer time is present and billsec > 0.
    public var isAnswered: Bool { answerAt != nil && billsec > 0 }

    /// The outcome a summary counts it under: answered by the definition above; otherwise by disposition, with
    /// an "ANSWERED" row of 0 billsec counted as not answered.
    public var outcome: Outcome {
        if isAnswered { return .answered }
        switch disposition {
        case .busy: return .busy
        case .failed, .congestion: return .failed
        case .answered, .noAnswer: return .noAnswer
        }
    }
}
