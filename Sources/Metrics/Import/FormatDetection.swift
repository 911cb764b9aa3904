import Foundation

/// Names a file's format from its first records, or says why it cannot: empty, ambiguous or unknown.
///
/// A native file starts with a header of native column names. Files without a header are tried as each format
/// (Asterisk cdr_csv: 16 to 21 columns, times in columns 10 to 12; cdr_custom: 19 columns with times in 9 to 11,
/// or the mapping declared in the config; FreeSWITCH: 13 or 15 columns, times in 5 to 7), and a format fits when
/// more than half of the sampled records that read cleanly parse as it (times, numbers, disposition), so a few bad
/// rows at the top do not decide.
public enum FormatDetection {
    /// How many records are sampled.
    public static let sampleSize = 20

    /// The first records of a file, for `detect` and `layout(for:sample:customColumns:)`.
    public static func sample(_ bytes: [UInt8]) -> [CSVReader.Record] {
        Array(CSVReader(bytes: bytes).prefix(sampleSize))
    }

    public static func detect(bytes: [UInt8], customColumns: [String]? = nil) -> Result<ColumnLayout, DetectionError> {
        detect(sample(bytes), customColumns: customColumns)
    }

    /// The layout of the file whose first records are `sample`. `customColumns` is the cdr_custom mapping the
    /// config declares for the source, if any (it then replaces the sample mapping as a candidate).
    public static func detect(_ sample: [CSVReader.Record], customColumns: [String]? = nil) -> Result<ColumnLayout, DetectionError> {
        guard let first = sample.first else { return .failure(empty) }
        if NativeColumns.looksLikeHeader(first) { return NativeColumns.layout(header: first) }

        let custom: ColumnLayout
        switch ColumnLayout.asteriskCustom(customColumns) {
        case .success(let layout): custom = layout
        case .failure(let error): return .failure(error)
        }
        let clean = sample.filter { $0.error == nil }
        guard let firstClean = clean.first else {
            let reasons = sample.prefix(3).map { "line \($0.line): \($0.error ?? "")" }.joined(separator: "; ")
            return .failure(DetectionError(.unknown, "unknown format: none of the first \(sample.count) records can be read (\(reasons)); pass --format to read the file anyway"))
        }

        let candidates = FormatCandidates(clean: clean, custom: custom)
        let fits = candidates.fits(clean)
        // More than half of the clean records decide; when no format has that many, the one format that any of
        // them reads as does, and the rest of its rows are rejected one by one, as with --format.
        var fitting = candidates.parsers.indices.filter { fits[$0] * 2 > clean.count }
        if fitting.isEmpty { fitting = candidates.parsers.indices.filter { fits[$0] > 0 } }

        if fitting.count == 1 { return .success(candidates.parsers[fitting[0]].layout) }
        let count = firstClean.fieldCount
        if fitting.count > 1 {
            let names = fitting.map { candidates.parsers[$0].layout }
                .map { "\($0.format.rawValue) (\(describe($0, columns: count, declared: customColumns != nil)))" }
            let list = names.count == 2 ? "both \(names[0]) and \(names[1])" : names.joined(separator: ", ")
            return .failure(DetectionError(.ambiguous, "ambiguous: \(count) columns fit \(list); pass --format"))
        }
        // No sampled record reads as any format: why the first clean one does not.
        let why = candidates.whyNot(firstClean) ?? "\(count) columns"
        let hint = why.contains("does not read") ? "; pass --format if you know it" : ""
        return .failure(DetectionError(.unknown, "unknown format: line \(firstClean.line) has \(why)\(hint)"))
    }

    /// Why a record of a file whose format is unknown (`detect` failed with `error`) is rejected, about that record
    /// and its own line: what in it fits no format, or, for a record that does read as one (past the sampled
    /// ones), that the file's first records did not.
    public static func rejection(of record: CSVReader.Record, sample: [CSVReader.Record], customColumns: [String]?,
                                 error: DetectionError) -> String
    {
        if let own = record.error { return own }
        guard error.kind == .unknown, case .success(let custom) = ColumnLayout.asteriskCustom(customColumns) else {
            return error.message
        }
        let candidates = FormatCandidates(clean: sample.filter { $0.error == nil }, custom: custom)
        if let why = candidates.whyNot(record) { return "unknown format: \(why)" }
        return "unknown format: this row reads, but none of the file's first \(sample.count) records does; "
            + "pass --format if you know it"
    }

    /// The layout of a file whose format the user named (`--format`, or the source's config), from its first
    /// records: the native header, the column count of an Asterisk or FreeSWITCH file, the cdr_custom mapping.
    public static func layout(for format: CDRFormat, sample: [CSVReader.Record], customColumns: [String]? = nil) -> Result<ColumnLayout, DetectionError> {
        guard let first = sample.first else { return .failure(empty) }
        let counts = sample.filter { $0.error == nil }.map(\.fieldCount)
        switch format {
        case .native:
            guard NativeColumns.looksLikeHeader(first) else {
                return .failure(DetectionError(.badHeader, "line \(first.line): a native file starts with a header row such as start,end,billsec,dst; this line is not one"))
            }
            return NativeColumns.layout(header: first)
        case .asterisk:
            return .success(.asterisk(columnCount: counts.filter(CDRColumns.asteriskCount.contains).max() ?? 21))
        case .freeswitch:
            return .success(.freeswitch(columnCount: counts.first { $0 == 13 || $0 == 15 } ?? 15))
        case .asteriskCustom:
            return ColumnLayout.asteriskCustom(customColumns)
        }
    }

    static let empty = DetectionError(.empty, "empty file: no records to read")

    private static func describe(_ layout: ColumnLayout, columns: Int, declared: Bool) -> String {
        switch layout.format {
        case .asterisk: return columns > 18 ? "cdr_csv with newcdrcolumns" : "cdr_csv"
        case .asteriskCustom: return declared ? "cdr_custom, the mapping in the config" : "cdr_custom, the sample mapping"
        case .freeswitch: return layout.columns.count == 13 ? "mod_cdr_csv default template" : "mod_cdr_csv example template"
        case .native: return "native"
        }
    }
}
