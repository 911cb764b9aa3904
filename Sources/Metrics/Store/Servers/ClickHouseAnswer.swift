/// A `FORMAT TSV` answer kept as the bytes it came in, its fields found once and read in place. A snapshot reads
/// tens of thousands of fields; a String and a Substring per field cost more than the query itself did (30 ms of the
/// 53 ms live summary at 100 M CDRs, measured with perf).
struct ClickHouseAnswer: Sendable {
    /// The server that answered, as messages name it.
    let server: String
    private var bytes: [UInt8]
    /// Each field's start and end in `bytes`, field after field, row after row.
    private var bounds: [Int] = []
    /// The index in `bounds` (halved) of each row's first field, and one past the last row's last field.
    private var rowStarts: [Int] = [0]

    init(server: String, bytes: [UInt8]) {
        self.server = server
        self.bytes = bytes
        parse(from: 0)
    }

    /// The answers of several servers to one query, as one answer (their rows one after the other).
    init(joining answers: [ClickHouseAnswer]) {
        server = answers.first?.server ?? ""
        bytes = []
        for answer in answers {
            let shift = bytes.count
            bytes += answer.bytes
            bounds += answer.bounds.map { $0 + shift }
            let fields = rowStarts[rowStarts.count - 1]
            rowStarts += answer.rowStarts.dropFirst().map { $0 + fields }
        }
    }

    /// Finds the fields: tab-separated within a line, one row per line; empty lines are no row.
    private mutating func parse(from offset: Int) {
        var start = offset
        var rowFields = 0
        for index in offset..<bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\t"):
                bounds.append(start)
                bounds.append(index)
                rowFields += 1
                start = index + 1
            case UInt8(ascii: "\n"):
                if rowFields > 0 || index > start {
                    bounds.append(start)
                bounds.append(index)
                    rowStarts.append(rowStarts[rowStarts.count - 1] + rowFields + 1)
                }
                rowFields = 0
                start = index + 1
            default: continue
            }
        }
        if rowFields > 0 || bytes.count > start {
            bounds.append(start)
            bounds.append(bytes.count)
            rowStarts.append(rowStarts[rowStarts.count - 1] + rowFields + 1)
        }
    }

    /// The number of rows.
    var count: Int { rowStarts.count - 1 }

    /// The number of fields of `row`.
    func width(_ row: Int) -> Int { rowStarts[row + 1] - rowStarts[row] }

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
        let field = 2 * (rowStarts[row] + column)
        return (bounds[field], bounds[field + 1])
    }
}
