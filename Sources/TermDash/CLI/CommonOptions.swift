import ArgumentParser
import Foundation
import Metrics

/// The options every command that reads a store takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite store.", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp(
        "Config file (default: $XDG_CONFIG_HOME/termdash/config.toml).", valueName: "path"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp(
        "IANA time zone for the clock and graph axes, e.g. Europe/Zurich or UTC (summaries stay in UTC).",
        valueName: "zone"))
    var tz: ZoneName?

    @Option(name: .long, help: ArgumentHelp("Colour theme.", valueName: "name"))
    var theme: ThemeName?

    @Option(name: .long, help: ArgumentHelp("Graph glyphs (auto: block, or ASCII without UTF-8).", valueName: "glyphs"))
    var graphs: GraphsMode?

    @Option(name: .customLong("store-kind"), help: ArgumentHelp(
        "embedded (one SQLite file, the default) or servers (PostgreSQL + ClickHouse, docs/scale-out.md).",
        valueName: "kind"))
    var storeKind: StoreKind?

    @Option(name: .long, help: ArgumentHelp(
        "The servers store's PostgreSQL (password from TERMDASH_POSTGRES_PASSWORD).", valueName: "postgres://user@host:port/db"))
    var postgres: String?

    @Option(name: .long, help: ArgumentHelp(
        "A ClickHouse server of the servers store; repeat for each shard (password from TERMDASH_CLICKHOUSE_PASSWORD).",
        valueName: "http://host:port"))
    var clickhouse: [String] = []

    func validate() throws {
        if let postgres {
            guard postgres.hasPrefix("postgres://") || postgres.hasPrefix("postgresql://") else {
                throw ValidationError("--postgres must be postgres://user@host:port/database")
            }
            guard !ServerURL.hasPassword(postgres) else {
                throw ValidationError("--postgres must not hold a password: set TERMDASH_POSTGRES_PASSWORD")
            }
        }
        for url in clickhouse {
            guard url.hasPrefix("http://") else { throw ValidationError("--clickhouse must be http://host:port") }
            guard !ServerURL.hasPassword(url) else {
                throw ValidationError("--clickhouse must not hold a password: set TERMDASH_CLICKHOUSE_PASSWORD")
            }
        }
        if storeKind == .embedded && (postgres != nil || !clickhouse.isEmpty) {
            throw ValidationError("--postgres and --clickhouse are for --store-kind servers")
        }
        if storeKind == .servers && db != nil {
            throw ValidationError("--db is the embedded store's file: not used with --store-kind servers")
        }
    }

    /// The config file merged with the command line; command-line options win.
    func settings() throws -> Settings {
        var config = Config()
        let environment = ProcessInfo.processInfo.environment
        let configPath = Config.locate(explicit: self.config, environment: environment)
        if let path = configPath {
            do { config = try Config.load(path: path) } catch let error as ConfigError { throw CLIError(error.description) }
        }
        if let tz { config.zone = tz.identifier }
        if let theme { config.theme = theme.rawValue }
        if let graphs { config.graphs = graphs.rawValue }
        if let storeKind { config.store.kind = storeKind }
        if let postgres { config.store.postgres = postgres }
        if !clickhouse.isEmpty { config.store.clickhouse = clickhouse }
        if config.store.kind == .servers && (config.store.postgres == nil || config.store.clickhouse.isEmpty) {
            throw CLIError("the servers store needs --postgres and --clickhouse (or postgres and clickhouse in [store])")
        }
        let storePath = db.map { HomeDirectory.expandTilde($0) } ?? config.storePath ?? Config.defaultStorePath
        return Settings(config: config, storePath: storePath, configPath: configPath)
    }
}
