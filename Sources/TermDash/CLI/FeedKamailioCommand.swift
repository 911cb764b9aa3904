import ArgumentParser
import Foundation
import Metrics

struct FeedKamailioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kamailio",
        abstract: "Feed the store from Kamailio: its dialogs, its acc_cdrs and its registrations, every refresh.",
        discussion: """
            Reads calls in progress (dlg.list) and registrations (ul.dump) over JSON-RPC, and the CDRs past the \
            feed's cursor from the accounting database (acc_cdrs through db_sqlite). With --source NAME naming a \
            [sources.NAME] of kind "kamailio" in the config, its settings are the defaults. Ctrl-C or SIGTERM \
            stops it; a restart reads on from the stored cursor; it logs to stderr (--log-level). docs/kamailio.md \
            says what Kamailio must log.
            """)

    @OptionGroup var options: CommonOptions

    @OptionGroup var logging: LoggingOptions

    @Option(help: ArgumentHelp("The feed's name: its CDRs' source, what the checklist calls it.", valueName: "name"))
    var source: String?

    @Option(help: ArgumentHelp(
        "Kamailio's JSON-RPC: http://HOST:PORT/PATH (jsonrpcs over xhttp) or unix:/PATH (its datagram socket).",
        valueName: "url"))
    var rpc: RPCEndpointArgument?

    @Option(name: .customLong("acc-db"), help: ArgumentHelp("Kamailio's accounting database (SQLite, acc_cdrs).", valueName: "path"))
    var accDB: String?

    @Option(help: ArgumentHelp("The dialog profile (or variable) naming a call's customer.", valueName: "name"))
    var customerProfile: String?

    @Option(help: ArgumentHelp("The dialog profile (or variable) naming a call's carrier.", valueName: "name"))
    var carrierProfile: String?

    @Option(name: .customLong("column"), help: ArgumentHelp(
        "An acc_cdrs column: SETTING=COLUMN, SETTING one of callid, customer, carrier, src, dst, code, dtmf, invite, answer, end, did (unset: DIDs are not mapped).",
        valueName: "setting=column"))
    var columns: [String] = []

    @Option(help: ArgumentHelp("Seconds between refreshes.", valueName: "seconds"))
    var refresh: Double?

    @Flag(help: "Do not read registrations (ul.dump).")
    var noRegistrations = false

    @Option(help: "Stop after this many seconds (default: run until stopped).")
    var duration: Double?

    @Flag(help: "Print a line per refresh that changed something (default: one a minute).")
    var verbose = false

    func validate() throws {
        if let refresh, !(refresh >= 0.1 && refresh <= 3_600) { throw ValidationError("--refresh must be 0.1 to 3600 seconds") }
        if let duration, !(duration >= 0) { throw ValidationError("--duration must be 0 or more seconds") }
        for column in columns {
            let parts = column.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, AccColumns.settings.contains(where: { $0.setting == parts[0] }) else {
                throw ValidationError("--column \(column): expected SETTING=COLUMN with SETTING one of "
                    + AccColumns.settings.map(\.setting).joined(separator: ", "))
            }
            if let problem = AccColumns.problem(with: parts[1]) { throw ValidationError("--column \(column): \(problem)") }
        }
    }

    /// The config's source of that name (when it is a kamailio one), with the command line's options over it.
    func feedSettings(_ config: Config) throws -> KamailioFeedSettings {
        let name = source ?? "kamailio"
        if source != nil, config.sources[name] != nil {
            throw ValidationError("--source \(name): [sources.\(name)] in the config is a CDR file source, not kind \"kamailio\"")
        }
        var feed = config.feeds[name] ?? KamailioFeedSettings(
            name: name, rpc: .http(host: "127.0.0.1", port: 5080, path: "/RPC"), accPath: "")
        if let rpc { feed.rpc = rpc.endpoint }
        if let accDB { feed.accPath = accDB }
        guard !feed.accPath.isEmpty else {
            throw ValidationError("--acc-db is needed (or acc_db in [sources.\(name)] of the config)")
        }
        if let customerProfile { feed.customerProfile = customerProfile }
        if let carrierProfile { feed.carrierProfile = carrierProfile }
        if let refresh { feed.refresh = refresh }
        if noRegistrations { feed.registrations = false }
        for column in columns {
            let parts = column.split(separator: "=", maxSplits: 1).map(String.init)
            if let path = AccColumns.settings.first(where: { $0.setting == parts[0] })?.path { feed.columns[keyPath: path] = parts[1] }
        }
        return feed
    }

    func run() throws {
        let settings = try options.settings()
        // A ValidationError here still exits 64 with the usage: what is missing may be in neither place.
        let feedSettings = try self.feedSettings(settings.config)
        let store = try settings.openStore(readOnly: false)
        let feed = try KamailioFeed(store: store, settings: feedSettings)
        let log = logging.logger(label: "termdash.feed")
        SignalTrap.install()
        let rpc = "\(feedSettings.rpc)"
        log.notice("Feeding \(store.location) from Kamailio at \(rpc) and \(feedSettings.accPath) every \(feedSettings.refresh) s as \(feedSettings.name); Ctrl-C stops")
        let started = Date()
        var backoff = FeedBackoff(period: feedSettings.refresh)
        var lastProblem: String?
        var lastReport = Date.distantPast
        var total = 0
        while SignalTrap.pending == 0 {
            if let duration, Date().timeIntervalSince(started) >= duration { break }
            let result = try feed.refresh(now: Int64(Date().timeIntervalSince1970))
            total += result.cdrs
            if result.problem != lastProblem {
                if let problem = result.problem {
                    log.error("Kamailio down: \(problem); retrying")
                } else if lastProblem != nil {
                    log.notice("Kamailio answers again")
                }
                lastProblem = result.problem
            }
            if verbose ? result.cdrs > 0 : Date().timeIntervalSince(lastReport) >= 60 {
                lastReport = Date()
                let registrations = result.registrations.map { ", registrations: \($0)" } ?? ""
                log.info("calls in progress: \(result.callsInProgress), CDRs: \(total)\(registrations)")
            }
            var wait = backoff.next(ok: result.problem == nil)
            if result.behind { wait = 0 }
            let until = Date().addingTimeInterval(wait)
            while SignalTrap.pending == 0, Date() < until { Thread.sleep(forTimeInterval: min(0.1, wait)) }
        }
        log.notice("Stopped; \(total) CDRs stored")
    }
}
