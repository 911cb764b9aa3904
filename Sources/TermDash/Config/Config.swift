import Foundation
import Metrics
import TOMLKit

/// Settings from config.toml. Every key is documented in config.example.toml; unknown keys and wrong types are
/// errors naming the file and line, so a typo never silently falls back to a default.
struct Config: Equatable {
    /// IANA zone for the clock and graph axes (summaries stay in UTC).
    var zone = "UTC"
    var theme = "default"
    /// "auto", "braille", "block" or "ascii".
    var graphs = "auto"
    var refreshSeconds = 1.0
    var mouse = false
    var storePath: String?
    /// `[store]` beyond `path`: which kind, and where the servers are.
    var store = StoreSettings()
    var tableRows = 50
    var retention = Retention.standard
    var simulator = SimulatorSettings()
    /// More zones the zone key steps through, after the configured one, UTC and the system's.
    var zones: [String] = []
    /// `[keys]`: binding id → key names, replacing that binding's keys.
    var keys: [String: [String]] = [:]
    var copy = CopySettings()
    /// Where `e` writes CSV exports; nil: $XDG_STATE_HOME/termdash/exports.
    var exportDirectory: String?
    var checklist = ChecklistThresholds()
    /// Places for money in the summary grid and its exports.
    var moneyDecimals = 2
    /// `[sources.NAME]`: how each switch's CDR files map onto the store, by source name.
    var sources: [String: ImportSource] = [:]
    /// `[company]`: the issuer printed on invoices.
    var company = CompanySettings()
    /// `[sources.NAME]` with `kind = "kamailio"`: switches `termdash monitor` and `termdash feed` read live.
    var feeds: [String: KamailioFeedSettings] = [:]
    /// `[exporter]`: `listen` makes the monitor serve the Prometheus endpoint as `monitor --exporter` does.
    var exporter = ExporterSettings()
    /// `[[pages]]`: custom pages of SQL panes (docs/pages.md).
    var pages: [CustomPage] = []
    /// `[blocks]`: where `termdash blocks allocate` starts and how big each customer's block is.
    var blocks = BlockSettings()
    /// `[notify]`: how verification codes reach an email address or a mobile.
    var notify = NotifySettings()
    /// `[portal] show_carrier_names`: a customer's portal names the carriers of their calls (else "Route 1"…).
    var portalShowsCarrierNames = false
    /// `[portal] customer_drafts`: a customer may make draft invoices from their own summary in the portal.
    var portalCustomerDrafts = true
    /// `[portal] export_dir`: where the portal writes a customer's exports (one folder per customer); nil: next to
    /// the store, in `portal-exports`.
    var portalExportDirectory: String?
    /// `[invoices] numbering`: one global series, or one per customer.
    var invoiceNumbering: InvoiceNumbering = .global

    struct SimulatorSettings: Equatable {
        var peakCPS = 2.0
        var customers = 200
        var carriers = 40
        var dids = 2_000
        var historyDays = 7
        var seed = 1
    }

    /// Where the store lives when neither --db nor the config names one.
    static var defaultStorePath: String {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (HomeDirectory.current(environment: environment) as NSString).appendingPathComponent(".local/share")
        return (base as NSString).appendingPathComponent("termdash/termdash.db")
    }

    /// The config file to read: `--config`, else `$XDG_CONFIG_HOME/termdash/config.toml` (or ~/.config) if present.
    static func locate(explicit: String?, environment: [String: String]) -> String? {
        if let explicit { return explicit }
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (HomeDirectory.current(environment: environment) as NSString).appendingPathComponent(".config")
        let candidate = (base as NSString).appendingPathComponent("termdash/config.toml")
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    static func load(path: String) throws -> Config {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(path: path, line: nil, reason: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(path: path, line: nil, reason: "not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws -> Config {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(path: path, line: error.source.begin.line, reason: QuotedText.capped(error.description, limit: 200))
        }
        var config = Config()
        var reader = ConfigReader(table: table, text: text, path: path)
        // Every setting is read even after a mistake, so that all of them are reported, in line order.
        var errors: [ConfigError] = []
        func read(_ step: () throws -> Void) {
            do { try step() } catch let error as ConfigError { errors.append(error) } catch {
                errors.append(ConfigError(path: path, line: nil, reason: "\(error)"))
            }
        }
        read { config.zone = try reader.string("display", "zone") ?? config.zone }
        read { config.theme = try reader.string("display", "theme") ?? config.theme }
        read { config.graphs = try reader.string("display", "graphs") ?? config.graphs }
        read { config.refreshSeconds = try reader.number("display", "refresh_seconds") ?? config.refreshSeconds }
        read { config.mouse = try reader.bool("display", "mouse") ?? config.mouse }
        read { config.storePath = try reader.string("store", "path").map { HomeDirectory.expandTilde($0) } }
        read {
            if let kind = try reader.string("store", "kind") {
                guard let parsed = StoreKind(rawValue: kind) else {
                    throw reader.error("store", "kind", "must be embedded or servers")
                }
                config.store.kind = parsed
            }
        }
        read { config.store.postgres = try reader.string("store", "postgres") }
        read { config.store.clickhouse = try reader.strings("store", "clickhouse") ?? [] }
        read { config.store.cluster = try reader.string("store", "cluster") ?? config.store.cluster }
        read {
            config.store.postgresPasswordFile = try reader.string("store", "postgres_password_file")
                .map { HomeDirectory.expandTilde($0) }
        }
        read {
            config.store.clickhousePasswordFile = try reader.string("store", "clickhouse_password_file")
                .map { HomeDirectory.expandTilde($0) }
        }
        read { config.store.timeoutSeconds = try reader.int("store", "timeout_seconds") ?? config.store.timeoutSeconds }
        read { config.tableRows = try reader.int("monitor", "table_rows") ?? config.tableRows }
        read { config.retention.minuteDays = try reader.int("retention", "minute_days") ?? config.retention.minuteDays }
        read { config.retention.hourDays = try reader.int("retention", "hour_days") ?? config.retention.hourDays }
        read { config.simulator.peakCPS = try reader.number("simulator", "peak_cps") ?? config.simulator.peakCPS }
        read { config.simulator.customers = try reader.int("simulator", "customers") ?? config.simulator.customers }
        read { config.simulator.carriers = try reader.int("simulator", "carriers") ?? config.simulator.carriers }
        read { config.simulator.dids = try reader.int("simulator", "dids") ?? config.simulator.dids }
        read { config.simulator.historyDays = try reader.int("simulator", "history_days") ?? config.simulator.historyDays }
        read { config.simulator.seed = try reader.int("simulator", "seed") ?? config.simulator.seed }
        read { config.zones = try reader.strings("display", "zones") ?? [] }
        read { config.moneyDecimals = try reader.int("display", "money_decimals") ?? config.moneyDecimals }
        read {
            if let osc52 = try reader.string("copy", "osc52") {
                guard let mode = CopySettings.OSC52(rawValue: osc52) else {
                    throw reader.error("copy", "osc52", "must be auto, on or off")
                }
                config.copy.osc52 = mode
            }
        }
        read { config.copy.command = try reader.string("copy", "command").flatMap { $0.isEmpty ? nil : $0 } }
        read { config.copy.file = try reader.string("copy", "file").map { HomeDirectory.expandTilde($0) } }
        read { config.copy.commandTimeout = try reader.number("copy", "timeout_seconds") ?? config.copy.commandTimeout }
        read { config.exportDirectory = try reader.string("export", "directory").map { HomeDirectory.expandTilde($0) } }
        read { config.checklist.minimumASR = try reader.number("checklist", "minimum_asr") ?? config.checklist.minimumASR }
        read {
            config.checklist.minimumAttempts = Int64(try reader.int("checklist", "minimum_attempts")
                ?? Int(config.checklist.minimumAttempts))
        }
        read { config.company.name = try reader.string("company", "name") ?? config.company.name }
        read { config.company.address = try reader.string("company", "address") ?? config.company.address }
        read { config.company.taxID = try reader.string("company", "tax_id") ?? config.company.taxID }
        read { config.company.email = try reader.string("company", "email") ?? config.company.email }
        read { config.company.phone = try reader.string("company", "phone") ?? config.company.phone }
        read { config.company.paypal = try reader.string("company", "paypal") ?? config.company.paypal }
        read {
            if let numbering = try reader.string("invoices", "numbering") {
                guard let value = InvoiceNumbering(rawValue: numbering) else {
                    throw reader.error("invoices", "numbering", "must be \"global\" or \"per-customer\"")
                }
                config.invoiceNumbering = value
            }
        }
        read { config.portalCustomerDrafts = try reader.bool("portal", "customer_drafts") ?? true }
        read {
            config.portalExportDirectory = try reader.string("portal", "export_dir").map { HomeDirectory.expandTilde($0) }
        }
        read { config.blocks.start = try reader.int("blocks", "start").map(Int64.init) ?? config.blocks.start }
        read { config.notify.emailCommand = try reader.strings("notify", "email_command") ?? [] }
        read { config.notify.smsCommand = try reader.strings("notify", "sms_command") ?? [] }
        read { config.blocks.size = try reader.int("blocks", "size").map(Int64.init) ?? config.blocks.size }
        read { config.portalShowsCarrierNames = try reader.bool("portal", "show_carrier_names") ?? false }
        read { (config.sources, config.feeds) = try reader.sources() }
        read { config.keys = try reader.keyOverrides() }
        read { config.exporter.listen = try reader.string("exporter", "listen") }
        read { config.exporter.allowRemote = try reader.bool("exporter", "allow_remote") ?? false }
        read { config.exporter.maxAccounts = try reader.int("exporter", "max_accounts") ?? config.exporter.maxAccounts }
        read { config.pages = try CustomPageParser.pages(in: table, text: text, path: path) }
        errors += reader.unknownKeys()
        errors += config.mistakes(reader: reader)
        if let error = ConfigError.inLineOrder(errors) { throw error }
        return config
    }

    /// What is wrong with the values read (each setting read well on its own).
    private func mistakes(reader: ConfigReader) -> [ConfigError] {
        var errors: [ConfigError] = []
        func check(_ ok: Bool, _ section: String, _ key: String, _ reason: @autoclosure () -> String) {
            if !ok { errors.append(reader.error(section, key, reason())) }
        }
        check(TimeZone(identifier: zone) != nil, "display", "zone",
              "unknown time zone \(QuotedText.quoted(zone)) (use an IANA name such as Europe/Zurich)")
        for name in zones where TimeZone(identifier: name) == nil {
            errors.append(reader.error("display", "zones",
                                       "unknown time zone \(QuotedText.quoted(name)) (use IANA names such as Europe/Zurich)"))
        }
        do {
            _ = try KeyBinding.remapped(keys)
        } catch let error as KeyMapError {
            // The line of the binding that made the mistake (of the later one, for a key bound twice).
            let line = error.ids.compactMap { reader.line(ofKey: $0, in: "keys") }.max() ?? reader.line(ofSection: "keys")
            errors.append(ConfigError(path: reader.path, line: line, reason: "keys: \(error)"))
        } catch {
            errors.append(ConfigError(path: reader.path, line: reader.line(ofSection: "keys"), reason: "keys: \(error)"))
        }
        if let listen = exporter.listen {
            if let address = ListenAddress(argument: listen) {
                check(address.isLoopback || exporter.allowRemote, "exporter", "listen",
                      "\(address) is not a loopback address: set allow_remote = true to listen on it")
            } else {
                check(false, "exporter", "listen", "must be HOST:PORT with an IPv4 address, e.g. 127.0.0.1:9464")
            }
        }
        check(exporter.maxAccounts >= 0, "exporter", "max_accounts", "must be 0 or more")
        check((0...6).contains(moneyDecimals), "display", "money_decimals", "must be between 0 and 6")
        check((0.1...60).contains(copy.commandTimeout), "copy", "timeout_seconds", "must be between 0.1 and 60")
        check((0...100).contains(checklist.minimumASR), "checklist", "minimum_asr", "must be a percentage, 0 to 100")
        check(checklist.minimumAttempts >= 1, "checklist", "minimum_attempts", "must be 1 or more")
        check(ThemeName(argument: theme) != nil, "display", "theme",
              "unknown theme \(QuotedText.quoted(theme)) (\(ThemeName.allValueStrings.joined(separator: ", ")))")
        check(GraphsMode(rawValue: graphs) != nil, "display", "graphs", "must be auto, braille, block or ascii")
        check((0.2...60).contains(refreshSeconds), "display", "refresh_seconds", "must be between 0.2 and 60")
        check((1...366).contains(retention.minuteDays), "retention", "minute_days", "must be between 1 and 366")
        check((0...36_600).contains(retention.hourDays), "retention", "hour_days", "must be 0 (keep) or up to 36600")
        if store.kind == .servers {
            check(store.postgres != nil, "store", "postgres", "is needed with kind = \"servers\" (postgres://user@host:port/database)")
            check(!store.clickhouse.isEmpty, "store", "clickhouse", "is needed with kind = \"servers\" ([\"http://host:8123\", …])")
        }
        if let postgres = store.postgres {
            check(postgres.hasPrefix("postgres://") || postgres.hasPrefix("postgresql://"), "store", "postgres",
                  "must be postgres://user@host:port/database")
            check(!ServerURL.hasPassword(postgres), "store", "postgres",
                  "must not hold a password: use TERMDASH_POSTGRES_PASSWORD or postgres_password_file")
        }
        for url in store.clickhouse {
            check(url.hasPrefix("http://"), "store", "clickhouse", "each server must be http://host:port")
            check(!ServerURL.hasPassword(url), "store", "clickhouse",
                  "must not hold a password: use TERMDASH_CLICKHOUSE_PASSWORD or clickhouse_password_file")
        }
        check((1...600).contains(store.timeoutSeconds), "store", "timeout_seconds", "must be between 1 and 600")
        check((1...100).contains(tableRows), "monitor", "table_rows", "must be between 1 and 100")
        check(simulator.peakCPS > 0 && simulator.peakCPS <= 10_000, "simulator", "peak_cps", "must be above 0 and at most 10000")
        for (key, value) in [("customers", simulator.customers), ("carriers", simulator.carriers)] {
            check((1...100_000).contains(value), "simulator", key, "must be between 1 and 100000")
        }
        check((0...1_000_000).contains(simulator.dids), "simulator", "dids", "must be 0 or more")
        check((0...400).contains(simulator.historyDays), "simulator", "history_days", "must be between 0 and 400")
        for (key, command) in [("email_command", notify.emailCommand), ("sms_command", notify.smsCommand)]
        where !command.isEmpty && !(command[0].hasPrefix("/") || command[0].hasPrefix("~")) {
            errors.append(reader.error("notify", key, "the program must be an absolute path (no shell, no PATH search)"))
        }
        check((0...NumberBlock.maximumNumber).contains(blocks.start), "blocks", "start",
              "must be between 0 and \(NumberBlock.maximumNumber)")
        check((1...NumberBlock.maximumNumber + 1).contains(blocks.size), "blocks", "size",
              "must be between 1 and \(NumberBlock.maximumNumber + 1)")
        return errors
    }
}
