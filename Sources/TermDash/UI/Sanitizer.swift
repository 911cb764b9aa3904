/// Makes text from the store safe to show: no byte of it can drive the terminal.
///
/// Whole escape sequences are removed rather than just their ESC byte, so a name stored as
/// `ESC [31m EVIL BEL` shows as `EVIL` instead of `[31mEVIL`. Line breaks and tabs become spaces so a
/// value never escapes its row. Bidi controls and other invisible characters (zero-width spaces and joiners, soft
/// hyphens, tag characters: Unicode's format and default-ignorable characters, variation selectors aside) are
/// dropped: they would reorder the cells around them, or make two different names look the same.
///
/// This one rule serves every output a terminal may show: the monitor's cells, the table and CSV of `report`,
/// `files` and `rates list`, and error messages. JSON keeps the data and escapes the same characters instead
/// (`JSONEscaping`).
enum Sanitizer {
    static func clean(_ s: String) -> String {
        // Fast path: plain printable ASCII, the overwhelming majority of names and figures.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s }

        var out = String.UnicodeScalarView()
        var state = State.text
        for scalar in s.unicodeScalars {
            var pending: Unicode.Scalar? = scalar
            while let current = pending {
                pending = nil
                switch state {
                case .text:
                    state = text(current, into: &out)
                case .escape:
                    state = escape(current, reprocess: &pending)
                case .escapeIntermediate:
                    switch current.value {
                    case 0x20...0x2F: break
                    case 0x30...0x7E: state = .text
                    default: state = .text; pending = current
                    }
                case .controlSequence:
                    switch current.value {
                    case 0x20...0x3F: break
                    case 0x40...0x7E: state = .text
                    default: state = .text; pending = current  // malformed: show what follows
                    }
                case .controlString:
                    switch current.value {
                    case 0x07, 0x9C: state = .text  // BEL or ST ends OSC, DCS, APC, PM, SOS
                    case 0x1B: state = .controlStringEscape
                    default: break
                    }
                case .controlStringEscape:
                    if current == "\\" {
                        state = .text  // ESC \ is ST
                    } else {
                        state = .escape
                        pending = current
                    }
                }
            }
        }
        return String(out)
    }

    private enum State {
        case text, escape, escapeIntermediate, controlSequence, controlString, controlStringEscape
    }

    private static func text(_ scalar: Unicode.Scalar, into out: inout String.UnicodeScalarView) -> State {
        switch scalar.value {
        case 0x1B: return .escape
        case 0x9B: return .controlSequence  // C1 CSI
        case 0x90, 0x98, 0x9D, 0x9E, 0x9F: return .controlString  // C1 DCS, SOS, OSC, PM, APC
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: out.append(" ")  // breaks and tabs
        case 0x00...0x1F, 0x7F, 0x80...0x9F: break  // other C0, DEL, other C1
        default: if !isInvisible(scalar) { out.append(scalar) }
        }
        return .text
    }

    /// Whether `scalar` must never reach a terminal as it is: C0 and C1 controls, DEL, line and paragraph
    /// separators, and the invisible characters `clean` drops.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
        case 0x20...0x7E: return false
        default: return isInvisible(scalar)
        }
    }

    /// Bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), zero-width and other format
    /// characters. Variation selectors stay: they choose how the character before them looks, and show nothing
    /// themselves.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0xA0 else { return false }
        let properties = scalar.properties
        if properties.isVariationSelector { return false }
        return properties.generalCategory == .format || properties.isDefaultIgnorableCodePoint
    }

    /// `clean` for text of several lines (an error with its usage, help): each line cleaned, the line breaks kept.
    static func cleanLines(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { clean(String($0)) }.joined(separator: "\n")
    }

    private static func escape(_ scalar: Unicode.Scalar, reprocess pending: inout Unicode.Scalar?) -> State {
        switch scalar.value {
        case 0x5B: return .controlSequence  // ESC [
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: return .controlString  // ESC ] P X ^ _
        case 0x20...0x2F: return .escapeIntermediate
        case 0x30...0x7E: return .text  // a two-byte escape such as ESC c (reset) or ESC 7
        default:
            pending = scalar  // a lone ESC: drop it, keep what follows
            return .text
        }
    }
}
