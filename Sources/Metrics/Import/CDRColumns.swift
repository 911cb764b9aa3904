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
