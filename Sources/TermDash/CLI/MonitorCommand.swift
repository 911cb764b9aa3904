import ArgumentParser
import Foundation
import Metrics

struct MonitorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor", abstract: "The live monitor (the default command). q quits.")

    @OptionGroup var options: CommonOptions

    @OptionGroup var scope: ScopeOption

    @Flag(help: "Turn the mouse on (off by default so the terminal's own selection keeps working).")
    var mouse = false

    @Option(help: ArgumentHelp(
        "Also serve the figures to Prometheus at http://ADDRESS/metrics, as `termdash exporter` does.",
        valueName: "host:port"))
    var exporter: ListenAddress?

    @Flag(help: "Allow an --exporter address other than 127.0.0.0/8.")
    var allowRemote = false

    func validate() throws {
        if let exporter { try ExporterCommand.check(exporter, allowRemote: allowRemote) }
    }

    func run() throws {
        let settings = try options.settings()
        // --exporter, else [exporter] listen (checked with the config).
        if let address = exporter ?? settings.config.exporter.listen.flatMap(ListenAddress.init(argument:)) {
            let engine = MetricsEngine(store: try settings.openStore(readOnly: true),
                                       retention: settings.config.retention)
            let exposition = PrometheusExposition(accountLimit: settings.config.exporter.maxAccounts)
            try MetricsHTTPServer(address: address).serveInBackground {
                exposition.text(try engine.exporterFigures(at: Int64(Date().timeIntervalSince1970)))
            }
        }
        // [sources.NAME] of kind "kamailio": the monitor runs those feeds itself, as writers beside its reads.
        var drivers: [FeedDriver] = []
        if let customer = scope.customer {
            // One customer's view reads only, with the portal's keys: no feeds, no writes.
            let store = try settings.openStore(readOnly: true)
            let scoped = try PortalCommand.scopedReader(store, customer: customer, settings: settings)
            try runMonitor(engine: MetricsEngine(store: scoped, retention: settings.config.retention),
                           settings: settings, mouse: mouse, writer: nil)
            return
        }
        if !settings.config.feeds.isEmpty {
            let writer = try settings.openStore(readOnly: false)
            for name in settings.config.feeds.keys.sorted() {
                guard let feed = settings.config.feeds[name] else { continue }
                drivers.append(FeedDriver(feed: try KamailioFeed(store: writer, settings: feed)))
            }
        }
        let store = try settings.openStore(readOnly: true)
        drivers.forEach { $0.start() }
        defer { drivers.forEach { $0.stop() } }
        try runMonitor(engine: MetricsEngine(store: store, retention: settings.config.retention), settings: settings,
                       mouse: mouse, writer: StoreWriter {
                           try settings.openStore(readOnly: false)
                       })
        if let error = drivers.compactMap(\.error).first { throw CLIError("a switch feed stopped: \(error)") }
    }
}

/// Shared by `monitor` and `demo`.
func runMonitor(engine: MetricsEngine, settings: Settings, mouse: Bool, writer: (any MonitorWriter)?) throws {
    let config = settings.config
    var keys: [KeyBinding]
    do { keys = try KeyBinding.remapped(config.keys) } catch { throw CLIError("config [keys]: \(error)") }
    let scoped = engine.scope != nil
    if scoped { keys = KeyBinding.portal }
    // A config page on a key already used is refused before the terminal is taken.
    let ledger: any PageLedger = try config.store.kind == .servers ? settings.openServers()
        : SQLiteStore.openForCLI(path: settings.storePath, readOnly: true)
    let pages: PageSource? = try settings.customPages(store: ledger, customer: engine.scope?.customerID, keys: keys)
    guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
        throw CLIError("the monitor needs a terminal; use `termdash snapshot` for a frame as text")
    }
    // The zone key steps through the configured zone, UTC, the system's, then [display] zones.
    var zones: [(name: String, zone: TimeZone)] = []
    let now = Date()
    for name in [config.zone, "UTC", TimeZone.current.identifier] + config.zones {
        guard let zone = TimeZone(identifier: name) else { continue }
        // "UTC" and "Etc/UTC" (or a system zone equal to the configured one) are one stop, not two.
        let same = zones.contains { $0.name == name || ($0.zone.secondsFromGMT(for: now) == zone.secondsFromGMT(for: now)
            && $0.zone.nextDaylightSavingTimeTransition(after: now) == zone.nextDaylightSavingTimeTransition(after: now)) }
        if !same { zones.append((name, zone)) }
    }
    let environment = ProcessInfo.processInfo.environment
    let options = MonitorSession.Options(
        identity: StatusIdentity(version: BuildInfo.version, zone: config.zone), zones: zones,
        theme: Theme.named(config.theme) ?? .default, graphs: config.graphs, refreshSeconds: config.refreshSeconds,
        tableRows: config.tableRows, mouse: mouse || config.mouse, keys: keys, copy: config.copy,
        exportDirectory: config.exportDirectory
            ?? CSVExport.defaultDirectory(environment: environment, home: HomeDirectory.current(environment: environment)),
        checklist: config.checklist, moneyDecimals: config.moneyDecimals, writer: scoped ? nil : writer,
        views: scoped ? KeyBinding.portalViews : MonitorView.operatorViews,
        pages: pages)
    if let signal = try MonitorSession(engine: engine, options: options).run() {
        // The conventional status of a process ended by a signal, after the terminal has been restored.
        throw ExitCode(128 + signal)
    }
}
