#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An RFC 4180 reader that survives what real switch files contain: CRLF, LF or CR line ends, quoted fields with
/// doubled quotes and embedded newlines, bytes that are not UTF-8 (replaced, never fatal), quotes that never
/// close (reported for that record, which then ends at the end of its physical line so the rest still reads), and
/// NUL bytes (reported for their record: stored text would end at them).
///
/// It works on bytes: a record keeps a slice of the input and where each field lies in it, and a field becomes a
/// `String` only when it is asked for, so a parser that needs 8 of 18 columns pays for 8.
/// Lenient where switches are: spaces before an opening quote are dropped (FreeSWITCH's default template writes
/// `, "${accountcode}"`), and text after a closing quote is kept as text.
public struct CSVReader: Sequence, IteratorProtocol {
    public struct Record: Equatable, Sendable {
        /// The physical line the record starts on (1-based).
        public var line: Int
        /// The physical line it ends on (later than `line` when a quoted field holds line breaks).
        public var lastLine: Int
        /// The record's bytes as read, without its line end.
        public var rawBytes: ArraySlice<UInt8>
        /// Set when the record could not be read cleanly (it then has no fields).
        public var error: String?
        /// Two entries per field, offsets from `rawBytes.startIndex`: start and end of the field's text. A start
        /// stored as `-(start + 1)` marks a field whose span still holds quotes to undo.
        var bounds: [Int]

        /// The record's text as read, for reject reports (bytes that are not UTF-8 become U+FFFD).
        public var raw: String { String(decoding: rawBytes, as: UTF8.self) }
        /// The fields, each decoded when read.
        public var fields: CSVFields { CSVFields(self) }
        public var fieldCount: Int { bounds.count / 2 }

        /// A record made of given fields, e.g. for tests.
        public init(line: Int, fields: [String], separator: UInt8 = UInt8(ascii: ",")) {
            var text: [UInt8] = []
            var bounds: [Int] = []
            for (index, field) in fields.enumerated() {
                if index > 0 { text.append(separator) }
                bounds.append(-(text.count + 1))
                text.append(0x22)
                for byte in field.utf8 {
                    text.append(byte)
                    if byte == 0x22 { text.append(0x22) }
                }
                text.append(0x22)
                bounds.append(text.count)
            }
            self.init(line: line, lastLine: line, rawBytes: text[...], error: nil, bounds: bounds)
        }

        init(line: Int, lastLine: Int, rawBytes: ArraySlice<UInt8>, error: String?, bounds: [Int]) {
            self.line = line
            self.lastLine = lastLine
            self.rawBytes = rawBytes
            self.error = error
            self.bounds = bounds
        }

        /// Field `index` as text; non-UTF-8 bytes become U+FFFD.
        public func field(_ index: Int) -> String {
            withField(index) { String(decoding: $0, as: UTF8.self) }
        }

        /// Whether field `index` is empty (no allocation).
        public func isEmptyField(_ index: Int) -> Bool {
            let start = bounds[2 * index]
            return start >= 0 ? bounds[2 * index + 1] == start : withField(index) { $0.isEmpty }
        }

        /// Calls `body` with the bytes of field `index`, unquoted.
        public func withField<R, E: Error>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
            try withView { (view) throws(E) -> R in try view.withField(index, body) }
        }

        /// Calls `body` with a view of the fields whose pointers are valid during the call only.
        func withView<R, E: Error>(_ body: (View) throws(E) -> R) throws(E) -> R {
            try rawBytes.withUnsafeBufferPointer { (buffer) throws(E) -> R in
                try bounds.withUnsafeBufferPointer { (bounds) throws(E) -> R in
                    try body(View(buffer: buffer, bounds: bounds))
                }
            }
        }

        /// The fields of a record over its bytes, for reading many of them in one go.
        struct View {
            let buffer: UnsafeBufferPointer<UInt8>
            let bounds: UnsafeBufferPointer<Int>

            var count: Int { bounds.count &>> 1 }

            @inline(__always)
            func withField<R, E: Error>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
                let start = bounds[2 &* index]
                let end = bounds[2 &* index &+ 1]
                if start >= 0 {
                    return try body(UnsafeBufferPointer(rebasing: buffer[start..<end]))
                }
                let span = UnsafeBufferPointer(rebasing: buffer[(-start - 1)..<end])
                return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: span.count) { (scratch) throws(E) -> R in
                    try body(UnsafeBufferPointer(rebasing: scratch[..<CSVReader.unquote(span, into: scratch)]))
                }
            }

            func string(_ index: Int) -> String { withField(index) { String(decoding: $0, as: UTF8.self) } }

            func isEmpty(_ index: Int) -> Bool {
                let start = bounds[2 &* index]
                return start >= 0 ? bounds[2 &* index &+ 1] == start : withField(index) { $0.isEmpty }
            }
        }
    }

    /// The error of a record whose quoted field never closes: it is read to the end of the input for its closing
    /// quote first (`CSVRecords` reads on before it believes one).
    public static let unclosedQuote = "a quoted field is not closed"

    private let bytes: [UInt8]
    /// Where the next record is looked for, and its physical line.
    private(set) var position: Int
    private(set) var line = 1
    private let separator: UInt8

    public init(bytes: [UInt8], separator: UInt8 = UInt8(ascii: ",")) {
        self.init(bytes: bytes, line: 1, atStart: true, separator: separator)
    }

    /// A reader of `bytes` whose first physical line is `line`; `atStart`: they begin the input (a UTF-8
    /// byte-order mark there is not part of the first field).
    init(bytes: [UInt8], line: Int, atStart: Bool, separator: UInt8 = UInt8(ascii: ",")) {
        self.bytes = bytes
        position = atStart && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        self.line = line
        self.separator = separator
    }

    public init(text: String, separator: Character = ",") {
        self.init(bytes: Array(text.utf8), separator: separator.asciiValue ?? UInt8(ascii: ","))
    }

    public mutating func next() -> Record? {
        let separator = self.separator
        return bytes.withUnsafeBufferPointer { buffer -> Record? in
            let count = buffer.count
            var position = self.position
            var line = self.line
            defer {
                self.position = position
                self.line = line
            }
            // Blank lines are not records.
            while position < count, buffer[position] == 0x0A || buffer[position] == 0x0D {
                if Self.endsLine(buffer, position) { line += 1 }
                position += 1
            }
            guard position < count else { return nil }
            let startLine = line
            let start = position
            var bounds: [Int] = []
            bounds.reserveCapacity(48)
            // The first field (1-based) holding a NUL byte: SQLite's C strings end at one, so such a field could
            // not be stored as read. The record is then rejected whole.
            var nulField = 0
            while true {
                // One field, from `position` to a separator, a line end or the end of the input.
                let fieldStart = position
                var scan = position
                while scan < count, buffer[scan] == 0x20 { scan += 1 }
                if scan < count, buffer[scan] == 0x22 {
                    // Quoted. The common shape is "text" followed by a separator or a line end.
                    let contentStart = scan + 1
                    var close = contentStart
                    var lines = 0
                    while true {
                        close = Self.nextSpecial(buffer, from: close, target: 0x22)
                        if close == count || buffer[close] == 0x22 { break }
                        if buffer[close] == 0, nulField == 0 { nulField = bounds.count / 2 + 1 }
                        if Self.endsLine(buffer, close) { lines += 1 }
                        close += 1
                    }
                    let after = close + 1
                    if close < count, after == count || buffer[after] == separator || buffer[after] == 0x0A || buffer[after] == 0x0D {
                        bounds.append(contentStart - start)
                        bounds.append(close - start)
                        line += lines
                        position = after
                    } else {
                        // Doubled quotes, text after the closing quote, or no closing quote at all.
                        var quoted = true
                        var index = contentStart
                        while index < count {
                            let byte = buffer[index]
                            if byte == 0, nulField == 0 { nulField = bounds.count / 2 + 1 }
                            if quoted {
                                if byte == 0x22 {
                                    if index + 1 < count, buffer[index + 1] == 0x22 {
                                        index += 2
                                        continue
                                    }
                                    quoted = false
                                } else if Self.endsLine(buffer, index) {
                                    line += 1
                                }
                            } else if byte == separator || byte == 0x0A || byte == 0x0D {
                                break
                            }
                            index += 1
                        }
                        if quoted {
                            // The quote never closed: give up on this record at the end of its first physical
                            // line, so that the records after it are still read.
                            var end = start
                            while end < count, buffer[end] != 0x0A, buffer[end] != 0x0D { end += 1 }
                            position = end
                            line = startLine
                            return Record(line: startLine, lastLine: startLine, rawBytes: bytes[start..<end],
                                          error: Self.unclosedQuote, bounds: [])
                        }
                        bounds.append(-(fieldStart - start + 1))
                        bounds.append(index - start)
                        position = index
                    }
                } else {
                    // Unquoted: a quote inside it is text.
                    while true {
                        scan = Self.nextSpecial(buffer, from: scan, target: separator)
                        if scan == count { break }
                        let byte = buffer[scan]
                        if byte == separator || byte == 0x0A || byte == 0x0D { break }
                        if byte == 0, nulField == 0 { nulField = bounds.count / 2 + 1 }
                        scan += 1
                    }
                    bounds.append(fieldStart - start)
                    bounds.append(scan - start)
                    position = scan
                }
                if position < count, buffer[position] == separator {
                    position += 1
                    continue
                }
                break
            }
            if nulField > 0 {
                return Record(line: startLine, lastLine: line, rawBytes: bytes[start..<position],
                              error: "field \(nulField) holds a NUL byte, which TermDash does not store", bounds: [])
            }
            return Record(line: startLine, lastLine: line, rawBytes: bytes[start..<position], error: nil, bounds: bounds)
        }
    }

    /// The index of the first byte from `from` that is `target` or below 0x0E (CR, LF and other controls), or the
    /// end of the buffer: eight bytes at a time (the "has zero byte" and "has byte less than" bit tricks; the lowest
    /// flagged byte of each is exact, a borrow only flags bytes above it).
    @inline(__always)
    private static func nextSpecial(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, target: UInt8) -> Int {
        var index = from
        let end = buffer.count
        #if _endian(little)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let pattern = ones &* UInt64(target)
        let raw = UnsafeRawPointer(buffer.baseAddress!)
        while index &+ 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let matched = word ^ pattern
            let mask = ((matched &- ones) & ~matched & highs) | ((word &- ones &* 0x0E) & ~word & highs)
            if mask != 0 { return index &+ (mask.trailingZeroBitCount &>> 3) }
            index &+= 8
        }
        #endif
        while index < end {
            let byte = buffer[index]
            if byte == target || byte < 0x0E { return index }
            index += 1
        }
        return end
    }

    /// Whether the byte at `index` ends a physical line: a LF, or a CR not followed by a LF.
    @inline(__always)
    private static func endsLine(_ buffer: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = buffer[index]
        return byte == 0x0A || (byte == 0x0D && (index + 1 == buffer.count || buffer[index + 1] != 0x0A))
    }

    /// The text of a field whose span holds quotes: spaces before an opening quote dropped, doubled quotes inside
    /// quotes made single, other quotes removed where they open or close, kept where they are text. Written to
    /// `out` (at least as long as `span`); returns its length.
    static func unquote(_ span: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var length = 0
        var index = 0
        while index < span.count, span[index] == 0x20 { index += 1 }
        guard index < span.count, span[index] == 0x22 else {
            for byte in span {
                out[length] = byte
                length += 1
            }
            return length
        }
        index += 1
        var quoted = true
        while index < span.count {
            let byte = span[index]
            if quoted, byte == 0x22 {
                if index + 1 < span.count, span[index + 1] == 0x22 {
                    out[length] = 0x22
                    length += 1
                    index += 2
                    continue
                }
                quoted = false
            } else {
                out[length] = byte
                length += 1
            }
            index += 1
        }
        return length
    }
}
