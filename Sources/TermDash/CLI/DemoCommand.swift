import ArgumentParser
import Foundation
import Metrics

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "The monitor on a fresh store in a temporary directory, fed by the simulator.",
        discussion: "History is back-filled first so every graph has shape on the first frame.")

    @OptionGroup var options: CommonOptions

    @OptionGroup var simulation: SimulatorFlags

    @Flag(help: "Keep the temporary store when the demo ends (its path is printed).")
    var keep = false

    @Flag(help: "Turn the mouse on.")
    var mouse = false

    func run() throws {
        var settings = try options.settings()
        let (simulatorOptions, days) = simulation.resolve(settings.config.simulator, retention: settings.config.retention)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("termdash-demo-\(getpid())-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = options.db ?? directory.appendingPathComponent("demo.db").path
        settings.storePath = path
        defer {
            if keep { print("The demo store is kept at \(path)") } else { try? FileManager.default.removeItem(at: directory) }
        }
        let store = try SQLiteStore.openForCLI(path: path, readOnly: false)
        let now = Int64(Date().timeIntervalSince1970)
        let simulator = try Simulator(store: store, options: simulatorOptions, now: now)
        try simulator.backfillShowingProgress(days: days, until: now)

        let driver = SimulatorDriver(simulator: simulator)
        driver.start()
        defer { driver.stop() }
        try runMonitor(engine: MetricsEngine(store: store, retention: settings.config.retention), settings: settings,
                       mouse: mouse, writer: StoreWriter { store })
        if let error = driver.error { throw CLIError("the simulator stopped: \(error)") }
    }
}
