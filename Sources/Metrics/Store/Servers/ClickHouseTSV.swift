/// Rows as ClickHouse's TSV, written byte by byte into one buffer: a file's million CDRs built as Strings (26
/// fields each, then joined) cost the importer seconds. The escapes are `ClickHouseText.escaped`'s; all of them are
/// ASCII, which never occurs inside a multi-byte UTF-8 sequence, so escaping the UTF-8 bytes is the same.
struct ClickHouseTSV {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func int(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    mutating func flag(_ value: Bool) { bytes.append(value ? UInt8(ascii: "1") : UInt8(ascii: "0")) }

    /// A string field, escaped.
    mutating func text(_ value: String) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "'"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "'")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "0")]
            default: bytes.append(byte)
            }
        }
    }

    /// Text known to need no escape (a disposition, a batch id).
    mutating func plain(_ value: String) { bytes += value.utf8 }

    mutating func tab() { bytes.append(UInt8(ascii: "\t")) }

    mutating func endRow() { bytes.append(UInt8(ascii: "\n")) }
}
