/// JSON that is safe to print on a terminal and still carries the data exactly: every character the sanitiser
/// would not let through (`Sanitizer.isUnsafe`: controls, DEL, C1, bidi and invisible characters) is written as a
/// `\uXXXX` escape (a surrogate pair beyond the BMP), so a JSON reader gets the original string back.
enum JSONEscaping {
    /// `json` (a serialiser's output) with those characters escaped. Outside strings JSON holds only ASCII
    /// punctuation, digits, letters and whitespace, which are never touched, so the escapes land inside strings.
    static func escapingUnsafe(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { $0.value >= 0x7F && Sanitizer.isUnsafe($0) }) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            // Below DEL only the serialiser's own whitespace between tokens can appear; it escapes the rest.
            guard scalar.value >= 0x7F, Sanitizer.isUnsafe(scalar) else {
                out.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                out.append(contentsOf: ("\\u" + hex(unit)).unicodeScalars)
            }
        }
        return String(out)
    }

    private static func hex(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16, uppercase: false)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
