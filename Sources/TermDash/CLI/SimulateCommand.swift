import ArgumentParser
import Foundation
import Metrics
import ServerStore

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

        let store = try settings.openStore(readOnly: false)
        let hasHistory = try store.hasCDRs(source: simulatorOptions.source)
        SignalTrap.install()
        let now = Int64(Date().timeIntervalSince1970)
        let simulator = try Simulator(store: store, options: simulatorOptions, now: now)
        if hasHistory {
            Self.say("\(store.location): already holds simulated history; continuing live traffic only")
        } else if days > 0 {
            try simulator.backfillShowingProgress(days: days, until: now)
        }
        Self.say("Simulating about \(simulatorOptions.peakCPS) CPS at peak into \(store.location); Ctrl-C stops")
        let started = Date()
        var lastReport = started
        // A server that stops answering: said once, then every advance retries, the traffic of the outage kept
        // for the first write that goes through.
        var outageSince: Date?
        while SignalTrap.pending == 0 {
            if let duration, Date().timeIntervalSince(started) >= duration { break }
            let waiting = simulator.unwrittenCDRs
            do {
                try simulator.advance(to: Int64(Date().timeIntervalSince1970))
                if let since = outageSince {
                    outageSince = nil
                    Self.say("\(Self.stamp(Date())) store reachable again after \(Int(Date().timeIntervalSince(since))) s; "
                          + "the \(waiting) CDRs of the outage are written")
                }
            } catch ServerStoreError.unreachable(let server, let reason) {
                if outageSince == nil {
                    outageSince = Date()
                    Self.say("\(Self.stamp(Date())) \(server): store unreachable (\(reason)); retrying, nothing is lost")
                }
            }
            if Date().timeIntervalSince(lastReport) >= 60 {
                lastReport = Date()
                Self.say("\(Self.stamp(lastReport)) live calls: \(simulator.liveCalls)"
                      + (simulator.unwrittenCDRs > 0 ? ", \(simulator.unwrittenCDRs) CDRs waiting for the store" : ""))
            }
            Thread.sleep(forTimeInterval: 0.25)
        }
        let open = simulator.liveCalls
        try simulator.stop(at: Int64(Date().timeIntervalSince1970))
        Self.say("Stopped; \(open) calls in progress were ended now; \(simulator.callsSimulated) calls simulated in all")
    }

    private static func stamp(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// A line of output, flushed at once: a log file shows an outage and its end while the simulator runs.
    private static func say(_ line: String) {
        print(line)
        fflush(nil)
    }
}
