/// Rows as ClickHouse's TSV, written byte by byte into one buffer: a file's million CDRs built as Strings (26
/// fields each, then joined) cost the importer seconds. The escapes are `ClickHouseText.escaped`'s; all of them are
/// ASCII, which never occurs inside a multi-byte UTF-8 sequence, so escaping the UTF-8 bytes is the same.
///
/// Written through a pointer, room made once per field: appending to an array byte by byte (a uniqueness and a
/// capacity check each) was about a third of the importer's writing thread (`perf`, a 20 M-CDR load).
struct ClickHouseTSV {
    private var storage: [UInt8]
    private var count = 0

    init(capacity: Int) { storage = [UInt8](repeating: 0, count: max(capacity, 64)) }

    /// What was written.
    var bytes: [UInt8] { Array(storage[..<count]) }

    /// What was written, the buffer itself handed over (no copy of some 40 MB per request).
    consuming func finished() -> [UInt8] {
        storage.removeSubrange(count...)
        return storage
    }

    /// Room for `needed` more bytes: half as much again (doubling a request's 40 MB, with a zeroed array to append,
    /// once raised the importer's peak by a quarter).
    private mutating func reserve(_ needed: Int) {
        guard count + needed > storage.count else { return }
        storage.append(contentsOf: repeatElement(0, count: max(storage.count / 2, needed)))
    }

    /// Two digits at a time: "00" to "99".
    private static let pairs: [UInt8] = (0..<100).flatMap { [UInt8(ascii: "0") + UInt8($0 / 10), UInt8(ascii: "0") + UInt8($0 % 10)] }

    mutating func int(_ value: Int64) {
        reserve(20)
        var magnitude = value.magnitude
        // Digits from the last, right to left, then moved into place.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let length = withUnsafeMutableBytes(of: &digits) { scratch -> Int in
            var at = 24
            Self.pairs.withUnsafeBufferPointer { pairs in
                while magnitude >= 100 {
                    let pair = Int(magnitude % 100) * 2
                    magnitude /= 100
                    at -= 2
                    scratch[at] = pairs[pair]
                    scratch[at + 1] = pairs[pair + 1]
                }
                if magnitude >= 10 {
                    let pair = Int(magnitude) * 2
                    at -= 2
                    scratch[at] = pairs[pair]
                    scratch[at + 1] = pairs[pair + 1]
                } else {
                    at -= 1
                    scratch[at] = UInt8(ascii: "0") + UInt8(magnitude)
                }
            }
            if value < 0 {
                at -= 1
                scratch[at] = UInt8(ascii: "-")
            }
            let length = 24 - at
            let start = count
            storage.withUnsafeMutableBufferPointer { out in
                for index in 0..<length { out[start + index] = scratch[at + index] }
            }
            return length
        }
        count += length
    }

    mutating func flag(_ value: Bool) { byte(value ? UInt8(ascii: "1") : UInt8(ascii: "0")) }

    /// A string field, escaped.
    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            // The usual field needs no escape: copied whole.
            guard utf8.contains(where: { Self.escape(of: $0) != nil }) else { return raw(utf8) }
            reserve(utf8.count * 2)
            let start = count
            count += storage.withUnsafeMutableBufferPointer { out -> Int in
                var at = start
                for byte in utf8 {
                    if let escape = Self.escape(of: byte) {
                        out[at] = UInt8(ascii: "\\")
                        out[at + 1] = escape
                        at += 2
                    } else {
                        out[at] = byte
                        at += 1
                    }
                }
                return at - start
            }
        }
    }

    /// The letter after a backslash that stands for `byte`, or nil when it goes as it is.
    private static func escape(of byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case UInt8(ascii: "'"): UInt8(ascii: "'")
        case UInt8(ascii: "\t"): UInt8(ascii: "t")
        case UInt8(ascii: "\n"): UInt8(ascii: "n")
        case UInt8(ascii: "\r"): UInt8(ascii: "r")
        case 0: UInt8(ascii: "0")
        default: nil
        }
    }

    /// Text known to need no escape (a disposition, a batch id).
    mutating func plain(_ value: String) {
        var value = value
        value.withUTF8 { raw($0) }
    }

    private mutating func raw(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard !utf8.isEmpty else { return }
        reserve(utf8.count)
        let start = count
        storage.withUnsafeMutableBufferPointer { out in
            UnsafeMutableRawPointer(out.baseAddress! + start).copyMemory(from: utf8.baseAddress!, byteCount: utf8.count)
        }
        count += utf8.count
    }

    private mutating func byte(_ value: UInt8) {
        reserve(1)
        storage[count] = value
        count += 1
    }

    mutating func tab() { byte(UInt8(ascii: "\t")) }

    mutating func endRow() { byte(UInt8(ascii: "\n")) }
}
