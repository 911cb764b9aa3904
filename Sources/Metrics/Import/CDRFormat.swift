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
