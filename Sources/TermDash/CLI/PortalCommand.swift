import ArgumentParser
import Foundation
import Metrics
import ServerStore

/// `termdash portal --customer C`: the monitor as one customer sees it, for a forced SSH command
/// (docs/portal.md). Every read goes through a `ScopedStoreReader`, so the scope is the store's, not the views'.
/// It reads the config only from `--config` (never from the environment a client may set), and of it only what
/// cannot widen the scope: the store path, display settings, retention, checklist thresholds, money places,
/// `[company]`, `[notify]` and `[portal]`. `[keys]`, `[copy]` commands and files, `[export]` and `[sources]` are
/// ignored. Its writes (My profile, verification, 2FA, drafts of its own invoices) go through a store opened for
/// writing on first use, each bound to this customer; its exports go to the customer's own folder.
struct PortalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal", abstract: "A customer's own monitor: their channels, balance, traffic and invoices only.")

    @Option(name: .long, help: ArgumentHelp("The customer, by account code (or name, or id).", valueName: "code"))
    var customer: String

    @Option(name: .long, help: ArgumentHelp("The SQLite store.", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Config file; no other is read.", valueName: "path"))
    var config: String?

    func validate() throws {
        guard !customer.isEmpty else { throw ValidationError("--customer needs an account code") }
    }

    func run() throws {
        let settings = try portalSettings()
        let store = try settings.openStore(readOnly: true)
        let scoped = try Self.scopedReader(store, customer: customer, settings: settings)
        let config = settings.config
        let keys = KeyBinding.portalSession(customerDrafts: config.portalCustomerDrafts)
        let pages: PageSource? = try settings.customPages(store: store, customer: scoped.scope.customerID, keys: keys)
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            throw CLIError("the portal needs a terminal (ssh -t)")
        }
        let writable = { try settings.openStore(readOnly: false) }
        try Self.askForSecondFactor(ledger: try writable(), customerID: scoped.scope.customerID)
        let zones = [(name: config.zone, zone: TimeZone(identifier: config.zone) ?? TimeZone(identifier: "UTC")!)]
        var copy = CopySettings()
        copy.osc52 = config.copy.osc52
        let customerID = scoped.scope.customerID
        let storePath = settings.storePath
        let exportDirectory = PortalExports.customerDirectory(
            base: PortalExports.baseDirectory(configured: config.portalExportDirectory, storePath: storePath),
            customerID: customerID)
        let writer = StoreWriter(open: writable)
        var ledger: (any PortalLedger)?
        let accountCode = try scoped.read { try $0.customers() }.first { $0.id == customerID }?.accountCode ?? customer
        let portal = PortalSessionOptions(
            customerID: customerID, accountCode: accountCode, company: config.company, customerDrafts: config.portalCustomerDrafts,
            exportDirectory: exportDirectory, reader: scoped,
            ledger: {
                if let ledger { return ledger }
                let opened = try writable()
                ledger = opened
                return opened
            },
            notify: config.notify)
        let options = MonitorSession.Options(
            identity: StatusIdentity(version: BuildInfo.version, zone: config.zone), zones: zones,
            theme: Theme.named(config.theme) ?? .default, graphs: config.graphs, refreshSeconds: config.refreshSeconds,
            tableRows: config.tableRows, mouse: false,
            keys: keys, copy: copy,
            exportDirectory: exportDirectory, checklist: config.checklist, moneyDecimals: config.moneyDecimals,
            writer: config.portalCustomerDrafts ? ScopedMonitorWriter(customerID: customerID, base: writer) : nil,
            views: KeyBinding.portalViews, pages: pages, portal: portal)
        if let signal = try MonitorSession(
            engine: MetricsEngine(store: scoped, retention: config.retention), options: options).run() {
            throw ExitCode(128 + signal)
        }
    }

    /// Once the customer enabled 2FA, a code (or a recovery code) before anything is shown: three tries, then exit 1.
    /// Asked on the plain terminal, before the monitor takes it over; the store is opened writable for this only
    /// (a code's time step and a recovery code are spent).
    static func askForSecondFactor(ledger: any MetricStore, customerID: Int64) throws {
        let language = try ledger.portalUser(customerID: customerID).language
        let result = try TwoFactorGate(customerID: customerID, store: ledger, language: language).run(
            readCode: { readLine(strippingNewline: true) },
            say: { line in
                // The prompt stays on its line; the other messages end theirs. Unbuffered, so the prompt shows.
                FileHandle.standardOutput.write(Data((line.hasSuffix(": ") ? line : line + "\n").utf8))
            },
            now: { Int64(Date().timeIntervalSince1970) })
        if result == .refused { throw ExitCode.failure }
    }

    /// The config named by `--config` alone, with `--db` over its store path.
    func portalSettings() throws -> Settings {
        var config = Config()
        if let path = self.config {
            do { config = try Config.load(path: path) } catch let error as ConfigError { throw CLIError(error.description) }
        }
        let storePath = db.map { HomeDirectory.expandTilde($0) } ?? config.storePath ?? Config.defaultStorePath
        return Settings(config: config, storePath: storePath, configPath: self.config)
    }

    /// The store as `customer` may see it; fails when no such customer exists.
    static func scopedReader(_ store: any StoreReader, customer: String, settings: Settings) throws
        -> ScopedStoreReader
    {
        let customers = try store.read { try $0.customers() }
        let entry = try CustomerLookup.find(customer, in: customers)
        return ScopedStoreReader(store, scope: CustomerScope(
            customerID: entry.id, showCarrierNames: settings.config.portalShowsCarrierNames))
    }
}
