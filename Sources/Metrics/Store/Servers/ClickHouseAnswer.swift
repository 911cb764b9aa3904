/// A `FORMAT TSV` answer kept as the bytes it came in, its fields found once and read in place. A snapshot reads
/// tens of thousands of fields; a String and a Substring per field cost more than the query itself did (30 ms of the
/// 53 ms live summary at 100 M CDRs, measured with perf).
struct ClickHouseAnswer: Sendable {
    /// The server that answered, as messages name it.
    let server: String
    private var bytes: [UInt8]
    /// Each field's end in `bytes` (its tab or newline), field after field, row after row: 4 bytes a field, as a
    /// snapshot's answers hold some 300,000 fields.
    private var ends: [UInt32] = []
    /// Each row's first field (its index in `ends`) and first byte, and past the last row, the number of fields.
    private var rowFields: [UInt32] = [0]
    private var rowBytes: [UInt32] = []

    init(server: String, bytes: [UInt8]) {
        self.server = server
        self.bytes = bytes
        parse()
    }

    /// The answers of several servers to one query, as one answer (their rows one after the other).
    init(joining answers: [ClickHouseAnswer]) {
        server = answers.first?.server ?? ""
        bytes = []
        bytes.reserveCapacity(answers.reduce(0) { $0 + $1.bytes.count })
        for answer in answers {
            let (byteShift, fieldShift) = (UInt32(bytes.count), rowFields[rowFields.count - 1])
            bytes += answer.bytes
            ends += answer.ends.map { $0 + byteShift }
            rowBytes += answer.rowBytes.map { $0 + byteShift }
            rowFields += answer.rowFields.dropFirst().map { $0 + fieldShift }
        }
    }

    /// Finds the fields: tab-separated within a line, one row per line; empty lines are no row.
    private mutating func parse() {
        // About one field per 8 bytes in the figures' answers: one allocation, most times.
        ends.reserveCapacity(bytes.count / 6 + 1)
        var rowStart = 0
        var fields = 0
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "\t"):
                ends.append(UInt32(index))
                fields += 1
            case UInt8(ascii: "\n"):
                if fields > 0 || index > rowStart {
                    ends.append(UInt32(index))
                    rowBytes.append(UInt32(rowStart))
                    rowFields.append(UInt32(ends.count))
                } else {
                    ends.removeLast(fields)
                }
                fields = 0
                rowStart = index + 1
            default: continue
            }
        }
        if fields > 0 || bytes.count > rowStart {
            ends.append(UInt32(bytes.count))
            rowBytes.append(UInt32(rowStart))
            rowFields.append(UInt32(ends.count))
        }
    }

    /// The number of rows.
    var count: Int { rowFields.count - 1 }

    /// The number of fields of `row`.
    func width(_ row: Int) -> Int { Int(rowFields[row + 1] - rowFields[row]) }

    /// The field `column` of `row` as text (its escapes left as sent).
    func text(_ row: Int, _ column: Int) -> String {
        let (start, end) = range(row, column)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// What an integer field holds.
    enum Integer: Equatable {
        case value(Int64)
        /// Digits beyond Int64.
        case overflow
        /// Not an integer.
        case invalid
    }

    /// The field `column` of `row` read as an integer: an optional sign, then digits; a decimal part (a Decimal sum
    /// may print ".0") is ignored, as at scale 0 only the integer part is meaningful. Nothing is allocated.
    func integer(_ row: Int, _ column: Int) -> Integer {
        let (start, end) = range(row, column)
        var index = start
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < end, bytes[index] != UInt8(ascii: ".") else { return .invalid }
        var value: Int64 = 0
        var overflow = false
        while index < end, bytes[index] != UInt8(ascii: ".") {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return .invalid }
            if !overflow {
                // Accumulated negatively, so Int64.min is read too.
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (next, o2) = times.subtractingReportingOverflow(Int64(digit))
                overflow = o1 || o2
                value = next
            }
            index += 1
        }
        if overflow { return .overflow }
        if negative { return .value(value) }
        return value == .min ? .overflow : .value(-value)
    }

    private func range(_ row: Int, _ column: Int) -> (Int, Int) {
        let field = Int(rowFields[row]) + column
        let start = column == 0 ? Int(rowBytes[row]) : Int(ends[field - 1]) + 1
        return (start, Int(ends[field]))
    }
}
