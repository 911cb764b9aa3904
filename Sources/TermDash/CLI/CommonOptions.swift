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
        "Time zone for the clock and graph axes, e.g. Europe/Zurich (summaries stay in UTC).", valueName: "zone"))
    var tz: String?

    @Option(name: .long, help: ArgumentHelp("default, high-contrast or monochrome.", valueName: "name"))
    var theme: String?

    /// The config file merged with the command line; command-line options win.
    func settings() throws -> Settings {
        var config = Config()
        let environment = ProcessInfo.processInfo.environment
        if let path = Config.locate(explicit: self.config, environment: environment) {
            do { config = try Config.load(path: path) } catch let error as ConfigError { throw CLIError(error.description) }
        }
        if let tz {
            guard TimeZone(identifier: tz) != nil else {
                throw CLIError("--tz \(tz): unknown time zone (use an IANA name such as Europe/Zurich or UTC)")
            }
            config.zone = tz
        }
        if let theme {
            guard Theme.named(theme) != nil else {
                throw CLIError("--theme \(theme): unknown theme (default, high-contrast, monochrome)")
            }
            config.theme = theme
        }
        let storePath = db.map { HomeDirectory.expandTilde($0) } ?? config.storePath ?? Config.defaultStorePath
        return Settings(config: config, storePath: storePath)
    }
}

struct Settings {
    var config: Config
    var storePath: String

    var timeZone: TimeZone { TimeZone(identifier: config.zone) ?? TimeZone(identifier: "UTC")! }
}

extension SQLiteStore {
    /// Opens a store for the CLI, turning failures into one readable line.
    static func openForCLI(path: String, readOnly: Bool) throws -> SQLiteStore {
        // SQLite would only say "disk I/O error".
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIError("\(path): is a directory, not a store file")
        }
        do {
            return try SQLiteStore(path: path, readOnly: readOnly)
        } catch let error as StoreError {
            throw CLIError(error.description)
        }
    }
}
