/// Why a row of a file was rejected, with its line: `line 7: billsec "abc" is not a whole number of seconds`.
public struct RowError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var reason: String

    public init(_ line: Int, _ reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line): \(reason)" }
}

/// A value from a file as a reason shows it: in quotes, at most 40 characters, control and format characters
/// (escape sequences, bidi overrides: they would garble a terminal) as `?`.
func quoted(_ text: String) -> String {
    var shown = ""
    var count = 0
    for scalar in text.unicodeScalars {
        if count == 40 {
            shown += "…"
            break
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: shown.unicodeScalars.append("?")
        default: shown.unicodeScalars.append(scalar)
        }
        count += 1
    }
    return "\"\(shown)\""
}

func quoted(_ bytes: UnsafeBufferPointer<UInt8>) -> String { quoted(String(decoding: bytes, as: UTF8.self)) }

/// A whole number of at most 18 digits, nothing else (no sign, no spaces); nil otherwise.
func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
    var value = 0
    for byte in bytes {
        let digit = byte &- 48
        guard digit <= 9 else { return nil }
        value = value &* 10 &+ Int(digit)
    }
    return value
}
