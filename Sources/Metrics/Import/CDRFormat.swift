/// The CDR file formats `termdash import` reads. The raw values are what `--format` and the config accept.
public enum CDRFormat: String, Sendable, CaseIterable {
    /// Asterisk `cdr_csv` (Master.csv): no header, 16 to 21 columns in a fixed order.
    case asterisk
    /// Asterisk `cdr_custom`: no header, the sample 19-column mapping or a mapping declared in the config.
    case asteriskCustom = "asterisk-custom"
    /// FreeSWITCH `mod_cdr_csv`: no header, the 13-column default template or the 15-column "example" one.
    case freeswitch
    /// TermDash's own CSV with a header row (docs/native-csv.md).
    case native

    /// How a person would name it in a message.
    public var title: String {
        switch self {
        case .asterisk: return "Asterisk cdr_csv"
        case .asteriskCustom: return "Asterisk cdr_custom"
        case .freeswitch: return "FreeSWITCH mod_cdr_csv"
        case .native: return "TermDash native CSV"
        }
    }
}

/// The canonical column names of the formats without a header, in file order.
public enum CDRColumns {
    /// Asterisk `cdr_csv`: the first 16 are always written; uniqueid and userfield follow in every current
    /// Asterisk, and peeraccount, linkedid and sequence with `newcdrcolumns`.
    public static let asterisk = [
        "accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel", "lastapp", "lastdata",
        "start", "answer", "end", "duration", "billsec", "disposition", "amaflags",
        "uniqueid", "userfield", "peeraccount", "linkedid", "sequence",
    ]
    public static let asteriskCount = 16...21

    /// The mapping of Asterisk's configs/samples/cdr_custom.conf.sample (its `Master.csv =>` line).
    public static let asteriskCustomSample = [
        "clid", "src", "dst", "dcontext", "channel", "dstchannel", "lastapp", "lastdata", "start", "answer", "end",
        "duration", "billsec", "disposition", "amaflags", "accountcode", "uniqueid", "userfield", "sequence",
    ]

    /// FreeSWITCH mod_cdr_csv's built-in default template.
    public static let freeswitchDefault = [
        "caller_id_name", "caller_id_number", "destination_number", "context", "start_stamp", "answer_stamp",
        "end_stamp", "duration", "billsec", "hangup_cause", "uuid", "bleg_uuid", "accountcode",
    ]
    /// The "example" template of FreeSWITCH's shipped cdr_csv.conf.xml: the default plus the codecs.
    public static let freeswitchExample = freeswitchDefault + ["read_codec", "write_codec"]
}
