/// What counts as an extension (an internal number of a customer's PBX) when checking number blocks: a string of 2
/// to 6 ASCII digits, without a leading zero (0… is a trunk or national prefix), taken from
/// - a registration's endpoint: its user part (`sip:1001@host`, `1001@host via kamailio` or `1001`), and
/// - a CDR's caller number (`src`), the number the customer's PBX sent.
/// Anything longer is a public number (E.164 numbers of 7 digits and more), not an extension.
public enum Extension {
    public static func number(_ text: Substring) -> Int64? {
        guard (2...6).contains(text.count), text.first != "0",
              text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(text)
    }

    /// The extension a CDR's caller number is, if it is one.
    public static func fromCaller(_ src: String) -> Int64? { number(Substring(src)) }

    /// The extension a registration's endpoint names, if it names one.
    public static func fromEndpoint(_ endpoint: String) -> Int64? {
        var user = Substring(endpoint)
        for scheme in ["sips:", "sip:"] where user.hasPrefix(scheme) { user = user.dropFirst(scheme.count) }
        // A feed's endpoint is "AOR via NAME"; a URI may carry parameters.
        if let cut = user.firstIndex(where: { $0 == "@" || $0 == " " || $0 == ";" }) { user = user[..<cut] }
        return number(user)
    }
}
