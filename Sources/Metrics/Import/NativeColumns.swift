import Foundation

/// The header of a native CSV (docs/native-csv.md): which names it may use and what it must have.
public enum NativeColumns {
    /// Columns of a native calls file (one CDR per row).
    public static let calls = [
        "call_id", "leg_id", "start", "answer", "end", "duration", "billsec", "src", "dst", "caller_name",
        "account_code", "channel", "dst_channel", "disposition", "hangup_cause", "dtmf_digits",
        "customer", "carrier", "did",
    ]
    public static let requiredCalls = ["start", "end", "billsec", "dst"]

    /// Columns of a native registrations file (one sample of registrations held per row).
    public static let registrations = ["at", "registrations", "customer"]
    public static let requiredRegistrations = ["at", "registrations"]

    /// The header's names as compared: spaces around them dropped, lowercased.
    public static func normalized(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Whether a first record reads as a native header: at least two of its values are native column names.
    public static func looksLikeHeader(_ record: CSVReader.Record) -> Bool {
        guard record.error == nil else { return false }
        let known = Set(calls + registrations)
        return record.fields.lazy.filter { known.contains(normalized($0)) }.prefix(2).count == 2
    }

    /// The layout a native header declares, or what is wrong with it (unknown, repeated or missing names).
    public static func layout(header: CSVReader.Record) -> Result<ColumnLayout, DetectionError> {
        if let error = header.error {
            return .failure(DetectionError(.badHeader, "line \(header.line): the native header cannot be read: \(error)"))
        }
        let names = header.fields.map(normalized)
        let content: ColumnLayout.Content = names.contains("registrations") || names.contains("at") ? .registrations : .calls
        let known = content == .calls ? calls : registrations
        let required = content == .calls ? requiredCalls : requiredRegistrations
        let kind = content == .calls ? "calls" : "registrations"
        var problems: [String] = []
        // An empty name (a trailing comma, say) is a column nobody reads.
        let unknown = names.filter { !$0.isEmpty && !known.contains($0) }
        if !unknown.isEmpty {
            let list = unknown.map { quoted($0) }.joined(separator: ", ")
            problems.append("unknown column\(unknown.count == 1 ? "" : "s") \(list) (a native \(kind) file knows \(known.joined(separator: ", ")))")
        }
        var seen = Set<String>()
        let repeated = names.filter { !$0.isEmpty && !seen.insert($0).inserted }
        if !repeated.isEmpty {
            problems.append("column\(repeated.count == 1 ? "" : "s") named twice: \(Array(Set(repeated)).sorted().joined(separator: ", "))")
        }
        let missing = required.filter { !names.contains($0) }
        if !missing.isEmpty {
            problems.append("missing required column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))")
        }
        guard problems.isEmpty else {
            return .failure(DetectionError(.badHeader, "line \(header.line): native header: \(problems.joined(separator: "; "))"))
        }
        return .success(ColumnLayout(format: .native, columns: names, hasHeader: true, content: content))
    }
}
