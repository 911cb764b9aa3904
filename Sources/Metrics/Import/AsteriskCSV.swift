/// One row of an Asterisk `cdr_csv` Master.csv: no header, 16 to 21 columns.
///
/// accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, end, duration,
/// billsec, disposition, amaflags, then optionally uniqueid, userfield, and with `newcdrcolumns` peeraccount,
/// linkedid, sequence. Times are local to the switch; an unanswered call has an empty answer.
public struct AsteriskRow: Sendable, Equatable {
    public var accountCode: String
    public var src: String
    public var dst: String
    public var callerID: String
    public var channel: String
    public var dstChannel: String
    public var startAt: Int64
    public var answerAt: Int64?
    public var endAt: Int64
    public var duration: Int
    public var billsec: Int
    public var disposition: Disposition
    public var uniqueID: String?
    public var userField: String?
    public var linkedID: String?
}

public enum AsteriskCSV {
    public static let columnRange = 16...21

    /// The row, or the reason it cannot be used.
    public static func parse(_ record: CSVReader.Record, time: LocalTimeParser) -> Result<AsteriskRow, RowError> {
        if let error = record.error { return .failure(RowError(record.line, error)) }
        let fields = record.fields
        guard columnRange.contains(fields.count) else {
            return .failure(RowError(record.line, "\(fields.count) columns; Asterisk cdr_csv has 16 to 21"))
        }
        guard let start = time.seconds(from: Substring(fields[9])) else {
            return .failure(RowError(record.line, "start \"\(fields[9])\" is not a YYYY-MM-DD HH:MM:SS time"))
        }
        var answer: Int64?
        if !fields[10].isEmpty {
            guard let value = time.seconds(from: Substring(fields[10])) else {
                return .failure(RowError(record.line, "answer \"\(fields[10])\" is not a YYYY-MM-DD HH:MM:SS time"))
            }
            answer = value
        }
        guard let end = time.seconds(from: Substring(fields[11])) else {
            return .failure(RowError(record.line, "end \"\(fields[11])\" is not a YYYY-MM-DD HH:MM:SS time"))
        }
        guard end >= start else { return .failure(RowError(record.line, "end is before start")) }
        guard let duration = Int(fields[12]), duration >= 0 else {
            return .failure(RowError(record.line, "duration \"\(fields[12])\" is not a whole number of seconds"))
        }
        guard let billsec = Int(fields[13]), billsec >= 0 else {
            return .failure(RowError(record.line, "billsec \"\(fields[13])\" is not a whole number of seconds"))
        }
        guard let disposition = disposition(fields[14]) else {
            return .failure(RowError(record.line, "disposition \"\(fields[14])\" is not ANSWERED, NO ANSWER, BUSY, FAILED or CONGESTION"))
        }
        func optional(_ index: Int) -> String? { fields.count > index ? fields[index] : nil }
        return .success(AsteriskRow(
            accountCode: fields[0], src: fields[1], dst: fields[2], callerID: fields[4], channel: fields[5],
            dstChannel: fields[6], startAt: start, answerAt: answer, endAt: end, duration: duration, billsec: billsec,
            disposition: disposition, uniqueID: optional(16), userField: optional(17), linkedID: optional(19)))
    }

    static func disposition(_ text: String) -> Disposition? {
        switch text.uppercased() {
        case "ANSWERED": return .answered
        case "NO ANSWER": return .noAnswer
        case "BUSY": return .busy
        case "FAILED": return .failed
        case "CONGESTION": return .congestion
        default: return nil
        }
    }
}

/// Why a row of a file was rejected, with its line.
public struct RowError: Error, Equatable, Sendable {
    public var line: Int
    public var reason: String

    public init(_ line: Int, _ reason: String) {
        self.line = line
        self.reason = reason
    }
}
