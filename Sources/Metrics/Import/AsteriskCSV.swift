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

/// Asterisk cdr_csv rows on their own; the import reads every format through `RowParser`, which this wraps.
public enum AsteriskCSV {
    public static let columnRange = CDRColumns.asteriskCount

    /// The row, or the reason it cannot be used.
    public static func parse(_ record: CSVReader.Record, time: LocalTimeParser) -> Result<AsteriskRow, RowError> {
        RowParser(layout: .asterisk(), time: time).parse(record).map { row in
            func optional(_ index: Int) -> String? { row.fields.count > index ? row.fields[index] : nil }
            return AsteriskRow(
                accountCode: row.accountCode, src: row.src, dst: row.dst, callerID: row.fields[4], channel: row.channel,
                dstChannel: row.dstChannel, startAt: row.startAt, answerAt: row.answerAt, endAt: row.endAt,
                duration: row.duration, billsec: row.billsec, disposition: row.disposition, uniqueID: optional(16),
                userField: optional(17), linkedID: optional(19))
        }
    }
}
