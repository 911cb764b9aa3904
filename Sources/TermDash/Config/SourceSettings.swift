import Foundation
import Metrics
import TOMLKit

/// `[sources.NAME]` tables: one per switch whose CDR files are imported, or (`kind = "kamailio"`) read live
/// (see config.example.toml).
extension ConfigReader {
    static let sourceKeys = ["kind", "format", "zone", "columns", "customer", "carrier", "default_carrier", "did"]
    static let kamailioKeys = ["kind", "rpc", "acc_db", "columns", "customer_profile", "carrier_profile", "refresh",
                               "registrations"]

    mutating func sources() throws -> (imports: [String: ImportSource], feeds: [String: KamailioFeedSettings]) {
        guard let value = table["sources"] else { return ([:], [:]) }
        guard let sources = value.table else {
            throw ConfigError(path: path, line: line(ofSection: "sources"), reason: "sources must be tables such as [sources.pbx1]")
        }
        var result: [String: ImportSource] = [:]
        var feeds: [String: KamailioFeedSettings] = [:]
        for name in sources.keys.sorted() {
            let section = "sources.\(name)"
            guard let settings = sources[name]?.table else {
                throw ConfigError(path: path, line: line(ofKey: name, in: "sources"), reason: "\(QuotedText.capped(section)) must be a table")
            }
            if let kind = settings["kind"] {
                guard let text = kind.string, ["files", "kamailio"].contains(text) else {
                    throw error(section, "kind", "must be \"files\" (CDR files, the default) or \"kamailio\"")
                }
                if text == "kamailio" {
                    feeds[name] = try kamailioFeed(name, settings)
                    continue
                }
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
        return (result, feeds)
    }

    /// A `[sources.NAME]` of kind "kamailio": where its JSON-RPC and accounting database are, and the names that
    /// carry customers and carriers.
    private func kamailioFeed(_ name: String, _ settings: TOMLTable) throws -> KamailioFeedSettings {
        let section = "sources.\(name)"
        for key in settings.keys.sorted() where !Self.kamailioKeys.contains(key) {
            throw error(section, key, "unknown setting \(QuotedText.quoted("\(section).\(key)")) for kind \"kamailio\" (known: \(Self.kamailioKeys.joined(separator: ", ")))")
        }
        func string(_ key: String) throws -> String? {
            guard let value = settings[key] else { return nil }
            guard let string = value.string, !string.isEmpty else { throw error(section, key, "must be a non-empty string") }
            return string
        }
        let rpcText = try string("rpc") ?? "http://127.0.0.1:5080/RPC"
        guard let rpc = RPCEndpoint(rpcText) else {
            throw error(section, "rpc", "\(QuotedText.quoted(rpcText)) is not http://HOST:PORT/PATH or unix:/PATH")
        }
        guard let acc = try string("acc_db") else {
            throw error(section, "kind", "a kamailio source needs acc_db, the path of Kamailio's accounting database")
        }
        var feed = KamailioFeedSettings(name: name, rpc: rpc, accPath: HomeDirectory.expandTilde(acc))
        feed.customerProfile = try string("customer_profile") ?? feed.customerProfile
        feed.carrierProfile = try string("carrier_profile") ?? feed.carrierProfile
        if let refresh = settings["refresh"] {
            guard let seconds = refresh.double ?? refresh.int.map(Double.init), seconds >= 0.1, seconds <= 3_600 else {
                throw error(section, "refresh", "must be a number of seconds from 0.1 to 3600")
            }
            feed.refresh = seconds
        }
        if let registrations = settings["registrations"] {
            guard let bool = registrations.bool else { throw error(section, "registrations", "must be true or false") }
            feed.registrations = bool
        }
        if let columns = settings["columns"] {
            guard let table = columns.table else {
                throw error(section, "columns", "must be a table such as { customer = \"cust\", dtmf = \"dtmf_count\" }")
            }
            for key in table.keys.sorted() {
                guard let path = AccColumns.settings.first(where: { $0.setting == key })?.path else {
                    throw error(section, "columns", "unknown column setting \(QuotedText.quoted(key)) (known: \(AccColumns.settings.map(\.setting).joined(separator: ", ")))")
                }
                guard let column = table[key]?.string else { throw error(section, "columns", "\(key) must be a string") }
                if let problem = AccColumns.problem(with: column) {
                    throw error(section, "columns", "\(QuotedText.quoted(column)): \(problem)")
                }
                feed.columns[keyPath: path] = column
            }
        }
        return feed
    }
}
