import Foundation

/// The formats a file without a header could be in, given its first records (`FormatDetection.sample`): Asterisk
/// cdr_csv as wide as the widest sampled record that could be one, cdr_custom (the sample mapping or the config's),
/// and both FreeSWITCH templates. Detection asks which of them the records parse as; a rejected record is told,
/// in its own words, why it is none of them.
struct FormatCandidates {
    let parsers: [RowParser]
    /// The cdr_custom columns in use (the config's or the sample mapping), for the list of what TermDash reads.
    let customColumnCount: Int

    init(clean: [CSVReader.Record], custom: ColumnLayout) {
        let widest = clean.map(\.fieldCount).filter(CDRColumns.asteriskCount.contains).max() ?? 21
        let layouts = [
            ColumnLayout.asterisk(columnCount: widest), custom, .freeswitch(columnCount: 13), .freeswitch(columnCount: 15),
        ]
        parsers = layouts.map { RowParser(layout: $0, time: Self.utc) }
        customColumnCount = custom.columns.count
    }

    /// How many of `records` parse as each candidate, in `parsers` order.
    func fits(_ records: [CSVReader.Record]) -> [Int] {
        parsers.map { parser in records.filter { (try? parser.parse($0).get()) != nil }.count }
    }

    /// What TermDash reads, for a record whose column count fits no format.
    var known: String {
        "asterisk (16 to 21 columns), asterisk-custom (\(customColumnCount)), freeswitch (13 or 15) and native (a header row)"
    }

    /// Why `record` reads as none of the candidates, about that record only: for each format with its number of
    /// columns, what does not fit; else its number of columns against those TermDash reads. Nil when it parses as
    /// one of them.
    func whyNot(_ record: CSVReader.Record) -> String? {
        let count = record.fieldCount
        var reasons: [String] = []
        for parser in parsers {
            switch parser.parse(record) {
            case .success: return nil
            case .failure(let error):
                // "18 columns …": a format of another width says nothing about this record.
                guard !error.reason.hasPrefix("\(count) columns") else { continue }
                reasons.append("as \(parser.layout.format.rawValue), \(error.reason)")
            }
        }
        if reasons.isEmpty { return "\(count) column\(count == 1 ? "" : "s"); TermDash reads \(known)" }
        return "\(count) columns but does not read \(reasons.joined(separator: "; "))"
    }

    /// Detection asks whether times read, not what they are: any zone does.
    private static let utc = LocalTimeParser(zone: TimeZone(identifier: "UTC")!)
}
