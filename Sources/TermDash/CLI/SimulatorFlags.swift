import ArgumentParser
import Foundation
import Metrics

/// The simulator options `simulate` and `demo` share; each falls back to the config's [simulator] section.
struct SimulatorFlags: ParsableArguments {
    @Option(help: "Mean calls per second at the busiest hour.")
    var cps: Double?

    @Option(help: "Days of history to back-fill before live traffic (simulate: only into a store without any).")
    var historyDays: Int?

    @Option(help: "Random seed for the simulated network and traffic.")
    var seed: Int?

    // The config's values are checked where it is read, with their line; these are the command line's.
    func validate() throws {
        if let cps, !(cps > 0 && cps <= 10_000) { throw ValidationError("--cps must be above 0 and at most 10000") }
        if let historyDays, !(0...400).contains(historyDays) {
            throw ValidationError("--history-days must be between 0 and 400")
        }
    }

    func resolve(_ config: Config.SimulatorSettings, retention: Retention) -> (options: Simulator.Options, historyDays: Int) {
        var options = Simulator.Options()
        options.retention = retention
        options.peakCPS = cps ?? config.peakCPS
        options.customers = config.customers
        options.carriers = config.carriers
        options.dids = config.dids
        options.seed = UInt64(truncatingIfNeeded: seed ?? config.seed)
        return (options, historyDays ?? config.historyDays)
    }
}

extension Simulator {
    /// Back-fills with a progress line on a terminal and a summary line after.
    func backfillShowingProgress(days: Int, until now: Int64) throws {
        let progress = ProgressLine(label: "Back-filling \(days == 1 ? "1 day" : "\(days) days") of history")
        let written = try backfill(days: days, until: now) { done, total in progress.update(done, of: total) }
        progress.finish("\(written) CDRs written")
    }
}
