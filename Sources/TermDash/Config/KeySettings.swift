import Foundation
import TOMLKit

/// `[keys]`: remapped key bindings, `action = ["x", "F5"]`; ids with a view prefix may be written dotted
/// (`summary.copy = ["y"]`) or quoted (`"summary.copy" = ["y"]`).
extension ConfigReader {
    mutating func keyOverrides() throws -> [String: [String]] {
        guard let value = table["keys"] else { return [:] }
        guard let keys = value.table else {
            throw ConfigError(path: path, line: line(ofSection: "keys"), reason: "[keys] must be a table of action = [\"key\", …]")
        }
        var result: [String: [String]] = [:]
        func collect(_ table: TOMLTable, prefix: String) throws {
            for name in table.keys.sorted() {
                let id = prefix.isEmpty ? name : "\(prefix).\(name)"
                guard let value = table[name] else { continue }
                if let nested = value.table {
                    try collect(nested, prefix: id)
                } else if let single = value.string {
                    result[id] = [single]
                } else if let array = value.array, array.allSatisfy({ $0.string != nil }) {
                    result[id] = array.compactMap(\.string)
                } else {
                    throw ConfigError(path: path, line: line(ofKey: id, in: "keys"),
                                      reason: "keys.\(QuotedText.capped(id)): must be a key name or a list of them, e.g. [\"y\", \"F5\"]")
                }
            }
        }
        try collect(keys, prefix: "")
        return result
    }

    /// A list of strings, e.g. `zones = ["Europe/Zurich", "America/New_York"]`.
    mutating func strings(_ section: String, _ key: String) throws -> [String]? {
        used.insert("\(section).\(key)")
        guard let value = table[section]?.table?[key] else { return nil }
        guard let array = value.array, array.allSatisfy({ $0.string != nil }) else {
            throw error(section, key, "must be a list of strings")
        }
        return array.compactMap(\.string)
    }
}
