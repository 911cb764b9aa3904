/// An RFC 4180 reader that survives what real switch files contain: CRLF or LF line ends, quoted fields with
/// doubled quotes and embedded newlines, bytes that are not UTF-8 (replaced, never fatal), and quotes that never
/// close (reported for that record, which then ends at the end of its physical line so the rest still reads).
public struct CSVReader: Sequence, IteratorProtocol {
    public struct Record: Equatable, Sendable {
        /// The physical line the record starts on (1-based).
        public var line: Int
        public var fields: [String]
        /// The record's text as read, for reject reports.
        public var raw: String
        /// Set when the record could not be read cleanly.
        public var error: String?
    }

    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private let separator: UInt8

    public init(bytes: [UInt8], separator: UInt8 = UInt8(ascii: ",")) {
        // A UTF-8 byte-order mark is not part of the first field.
        self.bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        self.separator = separator
    }

    public init(text: String, separator: Character = ",") {
        self.init(bytes: Array(text.utf8), separator: separator.asciiValue ?? UInt8(ascii: ","))
    }

    public mutating func next() -> Record? {
        // Blank lines are not records.
        while position < bytes.count, bytes[position] == 0x0A || bytes[position] == 0x0D {
            if bytes[position] == 0x0A { line += 1 }
            position += 1
        }
        guard position < bytes.count else { return nil }
        let startLine = line
        let start = position
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var fieldWasQuoted = false
        var error: String?
        while position < bytes.count {
            let byte = bytes[position]
            if quoted {
                if byte == 0x22 {
                    if position + 1 < bytes.count, bytes[position + 1] == 0x22 {
                        field.append(0x22)
                        position += 2
                        continue
                    }
                    quoted = false
                    position += 1
                    continue
                }
                if byte == 0x0A { line += 1 }
                field.append(byte)
                position += 1
                continue
            }
            if byte == separator {
                fields.append(Self.decode(field))
                field.removeAll(keepingCapacity: true)
                fieldWasQuoted = false
                position += 1
                continue
            }
            if byte == 0x0A || byte == 0x0D {
                break
            }
            if byte == 0x22, field.isEmpty, !fieldWasQuoted {
                quoted = true
                fieldWasQuoted = true
                position += 1
                continue
            }
            // A quote inside an unquoted field, or text after a closing quote: keep it as text.
            field.append(byte)
            position += 1
        }
        if quoted {
            // The quote never closed: give up on this record at the end of its first physical line, so that the
            // records after it are still read.
            error = "a quoted field is not closed"
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            position = end
            line = startLine
            let raw = Self.decode(Array(bytes[start..<end]))
            return Record(line: startLine, fields: [], raw: raw, error: error)
        }
        fields.append(Self.decode(field))
        let raw = Self.decode(Array(bytes[start..<position]))
        return Record(line: startLine, fields: fields, raw: raw, error: error)
    }

    /// UTF-8 where it is; other bytes (Latin-1 caller names, say) become U+FFFD rather than failing the row.
    private static func decode(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
