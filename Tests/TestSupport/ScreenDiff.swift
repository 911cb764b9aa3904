/// Two screens (rows of text) compared line by line and described for the person reading a failed test: each line
/// that differs with its number, the expected and the actual text between bars (so trailing spaces show) and a caret
/// under the first character that differs; then the whole actual screen as a Swift array, to paste once it is right.
public enum ScreenDiff {
    /// Nil when the screens are equal.
    public static func describe(actual: [String], expected: [String]) -> String? {
        guard actual != expected else { return nil }
        var out = ["screens differ"]
        if actual.count != expected.count {
            out[0] += " (expected \(expected.count) lines, got \(actual.count))"
        }
        for index in 0..<max(actual.count, expected.count) {
            let wanted = index < expected.count ? expected[index] : nil
            let got = index < actual.count ? actual[index] : nil
            guard wanted != got else { continue }
            out.append("line \(index + 1):")
            out.append("  expected: " + (wanted.map { "|" + $0 + "|" } ?? "(no line)"))
            out.append("  actual:   " + (got.map { "|" + $0 + "|" } ?? "(no line)"))
            if let wanted, let got {
                let column = zip(wanted, got).prefix { $0 == $1 }.count
                out.append(String(repeating: " ", count: 13 + column) + "^ character \(column + 1)")
            }
        }
        out.append("actual screen:")
        out.append(literal(actual))
        return out.joined(separator: "\n")
    }

    /// The lines as a Swift array literal, escaped so it compiles back to the same strings.
    static func literal(_ lines: [String]) -> String {
        guard !lines.isEmpty else { return "[]" }
        return "[\n" + lines.map { "    \"" + escaped($0) + "\",\n" }.joined() + "]"
    }

    private static func escaped(_ line: String) -> String {
        var text = ""
        for scalar in line.unicodeScalars {
            switch scalar {
            case "\\": text += "\\\\"
            case "\"": text += "\\\""
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    text += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text
    }
}
