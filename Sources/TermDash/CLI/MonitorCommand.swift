import ArgumentParser
import Foundation
import Metrics

struct MonitorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor", abstract: "The live monitor (the default command). q quits.")

    @OptionGroup var options: CommonOptions

    @Flag(help: "Turn the mouse on (off by default so the terminal's own selection keeps working).")
    var mouse = false

    func run() throws {
        let settings = try options.settings()
        let store = try Store.openForCLI(path: settings.storePath, readOnly: true)
        try runMonitor(engine: MetricsEngine(store: store, retention: settings.config.retention), settings: settings, mouse: mouse)
    }
}

/// Shared by `monitor` and `demo`.
func runMonitor(engine: MetricsEngine, settings: Settings, mouse: Bool) throws {
    guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
        throw CLIError("the monitor needs a terminal; use `termdash snapshot` for a frame as text")
    }
    let options = MonitorSession.Options(
        identity: StatusIdentity(version: BuildInfo.version, zone: settings.config.zone),
        timeZone: settings.timeZone, theme: Theme.named(settings.config.theme) ?? .default,
        graphs: settings.config.graphs, refreshSeconds: settings.config.refreshSeconds,
        tableRows: settings.config.tableRows, mouse: mouse || settings.config.mouse)
    if let signal = try MonitorSession(engine: engine, options: options).run() {
        // The conventional status of a process ended by a signal, after the terminal has been restored.
        throw ExitCode(128 + signal)
    }
}
