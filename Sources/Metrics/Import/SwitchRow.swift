/// One CDR as a switch file states it, before customer/carrier mapping and rating. Times are UTC Unix seconds
/// (local times already converted with the source's zone).
public struct SwitchRow: Sendable, Equatable {
    /// The first physical line of the record (1-based).
    public var line: Int
    /// The raw values in file order, for config mappings by column name (`ColumnLayout.value(of:in:)`); each is
    /// decoded to a `String` when read.
    public var fields: CSVFields
    public var accountCode: String
    public var src: String
    public var dst: String
    /// The caller's name: FreeSWITCH caller_id_name, native caller_name, or the name part of an Asterisk clid
    /// (`"Alice" <1000>` gives `Alice`; a clid without `<number>` is taken whole).
    public var callerName: String
    /// Empty where the format has none.
    public var channel: String
    public var dstChannel: String
    public var startAt: Int64
    public var answerAt: Int64?
    public var endAt: Int64
    public var duration: Int
    public var billsec: Int
    public var disposition: Disposition
    /// The Q.850 name (FreeSWITCH, native), nil where the format has none.
    public var hangupCause: String?
    /// Asterisk uniqueid, FreeSWITCH uuid, native leg_id; nil when empty. Not unique per row: one leg can be
    /// written more than once.
    public var legID: String?
    /// The call this leg belongs to: Asterisk linkedid (else uniqueid); FreeSWITCH bleg_uuid when set (an A leg
    /// and the B leg it bridged to then share it), else uuid; native call_id (else leg_id).
    public var callKey: String?
    /// nil: the format does not record DTMF ("unknown", never zero).
    public var dtmfDigits: Int?
    /// Only native files set these directly.
    public var customer: String?
    public var carrier: String?
    public var did: String?
    /// The record's exact bytes, without its line end (for row keys).
    public var rawBytes: ArraySlice<UInt8>

    /// The record's text as read, for rejects (bytes that are not UTF-8 become U+FFFD).
    public var rawText: String { String(decoding: rawBytes, as: UTF8.self) }

    /// DESIGN.md: answered means an answer time is present and billsec > 0.
    public var isAnswered: Bool { answerAt != nil && billsec > 0 }

    public init(
        line: Int, fields: CSVFields = [], accountCode: String = "", src: String = "", dst: String,
        callerName: String = "", channel: String = "", dstChannel: String = "", startAt: Int64, answerAt: Int64?,
        endAt: Int64, duration: Int, billsec: Int, disposition: Disposition, hangupCause: String? = nil,
        legID: String? = nil, callKey: String? = nil, dtmfDigits: Int? = nil, customer: String? = nil,
        carrier: String? = nil, did: String? = nil, rawBytes: ArraySlice<UInt8> = []
    ) {
        self.line = line
        self.fields = fields
        self.accountCode = accountCode
        self.src = src
        self.dst = dst
        self.callerName = callerName
        self.channel = channel
        self.dstChannel = dstChannel
        self.startAt = startAt
        self.answerAt = answerAt
        self.endAt = endAt
        self.duration = duration
        self.billsec = billsec
        self.disposition = disposition
        self.hangupCause = hangupCause
        self.legID = legID
        self.callKey = callKey
        self.dtmfDigits = dtmfDigits
        self.customer = customer
        self.carrier = carrier
        self.did = did
        self.rawBytes = rawBytes
    }
}
