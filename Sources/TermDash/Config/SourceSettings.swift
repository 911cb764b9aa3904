import Foundation
import Metrics
import TOMLKit

/// `[sources.NAME]` tables: one per switch whose CDR files are imported (see config.example.toml).
extension ConfigReader {
    static let sourceKeys = ["format", "zone", "columns", "customer", "carrier", "default_carrier", "did"]

    mutating func importSources() throws -> [String: ImportSource] {
        guard let value = table["sources"] else { return [:] }
        guard let sources = value.table else {
            throw ConfigError(path: path, line: line(ofSection: "sources"), reason: "sources must be tables such as [sources.pbx1]")
        }
        var result: [String: ImportSource] = [:]
        for name in sources.keys.sorted() {
            let section = "sources.\(name)"
            guard let settings = sources[name]?.table else {
                throw ConfigError(path: path, line: line(ofKey: name, in: "sources"), reason: "\(QuotedText.capped(section)) must be a table")
            }
            for key in settings.keys.sorted() where !Self.sourceKeys.contains(key) {
                throw error(section, key, "unknown setting \(QuotedText.quoted("\(section).\(key)")) (known: \(Self.sourceKeys.joined(separator: ", ")))")
            }
            func string(_ key: String) throws -> String? {
                guard let value = settings[key] else { return nil }
                guard let string = value.string else { throw error(section, key, "must be a string") }
                return string
            }
            var source = ImportSource(name: name)
            if let format = try string("format") {
                guard let known = ImportFormat(rawValue: format) else {
                    throw error(section, "format", "unknown format \(QuotedText.quoted(format)) (\(ImportFormat.allValueStrings.joined(separator: ", ")))")
                }
                source.format = known.cdrFormat
            }
            if let zone = try string("zone") {
                guard let known = TimeZone(identifier: zone) else {
                    throw error(section, "zone", "unknown time zone \(QuotedText.quoted(zone)) (use an IANA name such as Europe/Zurich)")
                }
                source.zone = known
            }
            if let columns = settings["columns"] {
                guard let array = columns.array, array.count > 0, array.allSatisfy({ $0.string != nil }) else {
                    throw error(section, "columns", "must be a list of column names, e.g. [\"clid\", \"src\", \"dst\", …]")
                }
                let names = array.compactMap(\.string)
                if case .failure(let problem) = ColumnLayout.asteriskCustom(names) {
                    throw error(section, "columns", problem.description)
                }
                source.customColumns = names
            }
            source.customerField = try string("customer") ?? source.customerField
            if let carrier = try string("carrier") { source.carrierField = carrier.isEmpty ? nil : carrier }
            source.defaultCarrier = try string("default_carrier")
            source.didField = try string("did").flatMap { $0.isEmpty ? nil : $0 }
            result[name] = source
        }
        return result
    }
}
