import Foundation

/// How one file's columns are read: the format and the canonical name of each column in file order.
public struct ColumnLayout: Sendable, Equatable {
    /// What the rows of a file are: calls (CDRs), or registration samples (native files only).
    public enum Content: String, Sendable, Equatable {
        case calls, registrations
    }

    public var format: CDRFormat
    /// e.g. ["accountcode", "src", "dst", ...]; for native files, the header's names, trimmed and lowercased.
    public var columns: [String]
    /// The first record is a header (native files), not a row.
    public var hasHeader: Bool
    public var content: Content

    public init(format: CDRFormat, columns: [String], hasHeader: Bool = false, content: Content = .calls) {
        self.format = format
        self.columns = columns
        self.hasHeader = hasHeader
        self.content = content
    }

    public func index(of name: String) -> Int? { columns.firstIndex(of: name) }

    /// The value of column `name` in a row's fields, nil when the layout has no such column or the row is short.
    public func value(of name: String, in fields: CSVFields) -> String? {
        guard let index = index(of: name), index < fields.count else { return nil }
        return fields[index]
    }

    /// Asterisk cdr_csv for a file whose records have `columnCount` columns (16 to 21; rows may differ).
    public static func asterisk(columnCount: Int = 21) -> ColumnLayout {
        let count = min(max(columnCount, CDRColumns.asteriskCount.lowerBound), CDRColumns.asteriskCount.upperBound)
        return ColumnLayout(format: .asterisk, columns: Array(CDRColumns.asterisk.prefix(count)))
    }

    /// FreeSWITCH with the default (13 columns) or the "example" (15) template.
    public static func freeswitch(columnCount: Int = 15) -> ColumnLayout {
        ColumnLayout(format: .freeswitch,
                     columns: columnCount == 13 ? CDRColumns.freeswitchDefault : CDRColumns.freeswitchExample)
    }

    /// cdr_custom with the sample mapping, or with a mapping declared in the config as a list of Asterisk CDR
    /// field names (`clid`, `src`, `start`, ...). Names are read as Asterisk does (case and spaces ignored, and a
    /// qualifier such as `uniqueid(noquote)` or `start(int64)` dropped); names outside the canonical ones are
    /// kept, so the config can map them, but are not interpreted. The mapping must have start, end, billsec, and
    /// disposition or answer.
    public static func asteriskCustom(_ declared: [String]? = nil) -> Result<ColumnLayout, DetectionError> {
        guard let declared else {
            return .success(ColumnLayout(format: .asteriskCustom, columns: CDRColumns.asteriskCustomSample))
        }
        var names: [String] = []
        for raw in declared {
            var name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if name.hasSuffix(")"), let open = name.firstIndex(of: "(") {
                name = String(name[..<open]).trimmingCharacters(in: .whitespaces)
            }
            guard !name.isEmpty else {
                return .failure(DetectionError(.badMapping, "the cdr_custom mapping has an empty column name (column \(names.count + 1))"))
            }
            guard !names.contains(name) else {
                return .failure(DetectionError(.badMapping, "the cdr_custom mapping names \(quoted(name)) twice"))
            }
            names.append(name)
        }
        var missing = ["start", "end", "billsec"].filter { !names.contains($0) }
        if !names.contains("disposition"), !names.contains("answer") { missing.append("disposition or answer") }
        guard missing.isEmpty else {
            return .failure(DetectionError(.badMapping, "the cdr_custom mapping lacks \(missing.joined(separator: ", ")); it needs start, end, billsec, and disposition or answer"))
        }
        return .success(ColumnLayout(format: .asteriskCustom, columns: names))
    }
}
