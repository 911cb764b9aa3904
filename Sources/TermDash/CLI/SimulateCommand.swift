import ArgumentParser
import Foundation
import Metrics

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Generate live VoIP traffic into a store, as a switch integration would, until stopped.",
        discussion: """
            Creates about 200 customers, 40 carriers and 2,000 DIDs in an empty store, back-fills history, then \
            writes calls as they start, answer and end. Stop it with Ctrl-C or SIGTERM.
            """)

    @OptionGroup var options: CommonOptions

    @OptionGroup var simulation: SimulatorFlags

    @Option(help: "Stop after this many seconds (default: run until stopped).")
    var duration: Double?

    func validate() throws {
        if let duration, !(duration >= 0) { throw ValidationError("--duration must be 0 or more seconds") }
    }

    func run() throws {
        let settings = try options.settings()
        let (simulatorOptions, days) = simulation.resolve(settings.config.simulator, retention: settings.config.retention)

        let store = try settings.openSQLite(readOnly: false, command: "simulate")
        let hasHistory = try store.hasCDRs(source: simulatorOptions.source)
        SignalTrap.install()
        let now = Int64(Date().timeIntervalSince1970)
        let simulator = try Simulator(store: store, options: simulatorOptions, now: now)
        if hasHistory {
            print("\(settings.storePath): already holds simulated history; continuing live traffic only")
        } else if days > 0 {
            try simulator.backfillShowingProgress(days: days, until: now)
        }
        print("Simulating about \(simulatorOptions.peakCPS) CPS at peak into \(settings.storePath); Ctrl-C stops")
        let started = Date()
        var lastReport = started
        while SignalTrap.pending == 0 {
            if let duration, Date().timeIntervalSince(started) >= duration { break }
            try simulator.advance(to: Int64(Date().timeIntervalSince1970))
            if Date().timeIntervalSince(lastReport) >= 60 {
                lastReport = Date()
                print("\(ISO8601DateFormatter().string(from: lastReport)) live calls: \(simulator.liveCalls)")
            }
            Thread.sleep(forTimeInterval: 0.25)
        }
        let open = simulator.liveCalls
        try simulator.stop(at: Int64(Date().timeIntervalSince1970))
        print("Stopped; \(open) calls in progress were ended now")
    }
}
