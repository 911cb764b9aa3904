/// Text put into ClickHouse SQL and TSV: ClickHouse 18.16 has no query parameters, so only integers and escaped
/// strings go into a statement.
enum ClickHouseText {
    /// A quoted string literal: backslash and quote escaped, control characters as escapes.
    static func literal(_ text: String) -> String {
        "'" + escaped(text) + "'"
    }

    /// A TSV field (the same escapes: tab, newline and backslash never appear raw).
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "'": result += "\\'"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\0": result += "\\0"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
