extension ClickHouseText {
    /// A TSV field as ClickHouse writes it, its escapes undone (the inverse of `escaped`, plus the escapes
    /// ClickHouse's TSV output may use: \b \f \v \a).
    static func unescaped(_ field: Substring) -> String {
        guard field.contains("\\") else { return String(field) }
        var result = ""
        var escaping = false
        for scalar in field.unicodeScalars {
            if escaping {
                escaping = false
                switch scalar {
                case "t": result += "\t"
                case "n": result += "\n"
                case "r": result += "\r"
                case "0": result += "\0"
                case "b": result += "\u{08}"
                case "f": result += "\u{0C}"
                case "v": result += "\u{0B}"
                case "a": result += "\u{07}"
                default: result.unicodeScalars.append(scalar)
                }
            } else if scalar == "\\" {
                escaping = true
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
