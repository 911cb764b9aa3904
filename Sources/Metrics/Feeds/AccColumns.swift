/// The columns of Kamailio's `acc_cdrs` that carry what a CDR needs: the extra columns a site maps from dialog
/// variables with the acc module's `cdr_extra` (integrations/kamailio/kamailio.cfg). Times are epoch seconds with
/// a fraction (`$TV(Sn)`); db_sqlite's own `start_time`/`end_time` (Julian days) are understood too.
public struct AccColumns: Sendable, Equatable {
    public var callID = "callid"
    public var customer = "customer"
    public var carrier = "carrier"
    public var src = "src"
    public var dst = "dst"
    /// The final SIP code: 200 answered, 486/600 busy, 408/480/487 no answer, anything else failed.
    public var code = "sip_code"
    /// SIP INFO DTMF digits counted by the switch; empty for "unknown".
    public var dtmf = "dtmf"
    public var inviteTime = "invite_ts"
    public var answerTime = "answer_ts"
    public var endTime = "end_ts"
    /// The column holding the DID (the number called, for inbound traffic); empty: DIDs are not mapped.
    public var did = ""

    public init() {}

    /// Every column, by the setting that names it (`--column NAME=COLUMN`, `columns` in the config).
    public static var settings: [(setting: String, path: WritableKeyPath<AccColumns, String>)] { [
        ("callid", \.callID), ("customer", \.customer), ("carrier", \.carrier), ("src", \.src), ("dst", \.dst),
        ("code", \.code), ("dtmf", \.dtmf), ("invite", \.inviteTime), ("answer", \.answerTime), ("end", \.endTime),
        ("did", \.did),
    ] }

    /// The names in reading order: callid, customer, carrier, src, dst, code, dtmf, invite, answer, end, did (empty
    /// when not mapped).
    public var names: [String] { Self.settings.map { self[keyPath: $0.path] } }

    /// Why `name` cannot be a column's name, or nil: names are SQL identifiers (letters, digits, underscores).
    public static func problem(with name: String) -> String? {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return "a column name starts with a letter or an underscore" }
        guard name.unicodeScalars.allSatisfy({ $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic)
            || ("0"..."9").contains($0) }) else { return "a column name has letters, digits and underscores only" }
        return nil
    }
}
