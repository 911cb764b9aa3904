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
        let storePath = db.map { HomeDirectory.expandTilde($0) } ?? config.storePath ?? Config.defaultStorePath
        return Settings(config: config, storePath: storePath, configPath: configPath)
    }
}
