import Foundation
import Metrics
import TOMLKit

/// Reads typed values out of the parsed table, remembering which keys were used so that the rest can be reported.
struct ConfigReader {
    let table: TOMLTable
    let text: String
    let path: String
    var used: Set<String> = []

    init(table: TOMLTable, text: String, path: String) {
        self.table = table
        self.text = text
        self.path = path
    }

    private mutating func value(_ section: String, _ key: String) throws -> TOMLValueConvertible? {
        used.insert("\(section).\(key)")
        guard let sectionValue = table[section] else { return nil }
        guard let sectionTable = sectionValue.table else {
            throw ConfigError(path: path, line: line(ofSection: section), reason: "[\(section)] must be a table")
        }
        return sectionTable[key]
    }

    mutating func string(_ section: String, _ key: String) throws -> String? {
        guard let value = try value(section, key) else { return nil }
        guard let string = value.string else { throw error(section, key, "must be a string") }
        return string
    }

    mutating func int(_ section: String, _ key: String) throws -> Int? {
        guard let value = try value(section, key) else { return nil }
        guard let int = value.int else { throw error(section, key, "must be a whole number") }
        return int
    }

    /// Integers are accepted where a number is expected: `refresh_seconds = 1` means 1.0.
    mutating func number(_ section: String, _ key: String) throws -> Double? {
        guard let value = try value(section, key) else { return nil }
        if let double = value.double { return double }
        if let int = value.int { return Double(int) }
        throw error(section, key, "must be a number")
    }

    mutating func bool(_ section: String, _ key: String) throws -> Bool? {
        guard let value = try value(section, key) else { return nil }
        guard let bool = value.bool else { throw error(section, key, "must be true or false") }
        return bool
    }

    /// The settings no one read: each an error.
    func unknownKeys() -> [ConfigError] {
        var errors: [ConfigError] = []
        for section in table.keys.sorted() where !["sources", "keys", "pages"].contains(section) {
            guard let inner = table[section]?.table else {
                // A known section that is not a table was reported as such when it was read.
                if !used.contains(where: { $0.hasPrefix(section + ".") }) {
                    errors.append(ConfigError(path: path, line: line(ofKey: section, in: nil),
                                              reason: "unknown setting \(QuotedText.quoted(section))"))
                }
                continue
            }
            for key in inner.keys.sorted() where !used.contains("\(section).\(key)") {
                errors.append(error(section, key, "unknown setting \(QuotedText.quoted("\(section).\(key)")) (see config.example.toml)"))
            }
        }
        return errors
    }

    func error(_ section: String, _ key: String, _ reason: String) -> ConfigError {
        ConfigError(path: path, line: line(ofKey: key, in: section),
                    reason: "\(QuotedText.capped("\(section).\(key)")): \(reason)")
    }

    /// The 1-based line where `key =` appears (inside `[section]` when given): TOMLKit gives positions for syntax
    /// errors only, and a message without a line is much harder to act on. Keys are compared as whole dotted
    /// paths, so `copy =` under `[keys.summary]`, `summary.copy =` or `"summary.copy" =` under `[keys]` are all
    /// found as "copy" in "keys.summary"; a comment after a header does not hide the section.
    func line(ofKey key: String, in section: String?) -> Int? {
        let wanted = Self.dottedPath(section.map { "\($0).\(key)" } ?? key)
        var current: String?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                current = Self.headerPath(line)
                continue
            }
            guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
            let name = Self.dottedPath(String(line[..<equals]))
            if (current.map { "\($0).\(name)" } ?? name) == wanted { return index + 1 }
        }
        return nil
    }

    func line(ofSection section: String) -> Int? {
        let wanted = Self.dottedPath(section)
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("["), Self.headerPath(line) == wanted { return index + 1 }
        }
        return line(ofKey: section, in: nil)
    }

    /// `[ sources.pbx1 ]  # Zurich` → "sources.pbx1".
    private static func headerPath(_ line: String) -> String {
        let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }
        return dottedPath(String(inner))
    }

    /// `summary . "copy"` → "summary.copy": the parts of a dotted key without spaces or quotes.
    private static func dottedPath(_ key: String) -> String {
        key.split(separator: ".", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
            .joined(separator: ".")
    }
}
