import ArgumentParser
import Foundation
import Metrics
import SQLiteReference

/// `termdash-bench panes`, the default: the bar "Snapshot of every pane from a store of 10 M CDRs: ≤ 10 ms, and
/// ≥ 100× faster than the same figures computed by plain SQL over the raw CDR table in the same run", measured; with
/// `--rates`, at several traffic rates, whose costs must stay within 2× of each other.
///
/// Exit status: 0 when the measurement was made (whether or not a bar is met), 1 on an error, 3 when the engine
/// and plain SQL disagree on a figure (a comparison of different figures would be worthless), 64 bad usage.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panes",
        abstract: "Times a snapshot of every pane the metrics engine serves against the same figures by plain SQL.",
        discussion: """
            On a store of about N CDRs, checks that the engine and plain SQL over the raw cdrs table give the same \
            figures, then times both. Exit status: 0 when the measurement was made (whether or not a bar is met), \
            1 on an error, 3 when the engine and plain SQL disagree on a figure, 64 bad usage.
            """)

    /// Issue 11's bars: at every traffic rate, and the slowest rate within `spreadBar` times the fastest.
    static let snapshotBar = 10.0
    static let ratioBar = 100.0
    static let spreadBar = 2.0

    @Option(help: ArgumentHelp("CDRs in the store (at least 1000).", valueName: "N"))
    var cdrs: WholeNumber = 10_000_000

    @OptionGroup var timed: TimedRuns

    @Option(help: ArgumentHelp("Days of simulated history holding the CDRs (1 to 400).", valueName: "D"))
    var days: WholeNumber = 7

    @Option(name: .customLong("store"), help: ArgumentHelp("""
        The store; reused when an earlier run built it for about N CDRs less than 5 days ago (its history ends at \
        the latest weekday 14:37:23 UTC before the build, and the engine's retention runs from the wall clock); \
        otherwise rebuilt (default: a temporary directory, removed at the end unless --keep).
        """, valueName: "path"))
    var storePath: String?

    @Flag(help: "Keep the temporary store and print its path.")
    var keep = false

    @Flag(help: """
        Time the engine alone, without checking it against plain SQL nor timing plain SQL (minutes per store): for \
        profiling. The bars are not judged.
        """)
    var engineOnly = false

    @Option(help: ArgumentHelp("""
        Measure at several traffic rates instead, each N CDRs over D days (e.g. 10000000/7,10000000/1,30000000/1), \
        one store each beside --store (store-N-Dd.db for store.db); then the cost ratio of the slowest to the fastest.
        """, valueName: "N/D,…"))
    var rates: TrafficRates?

    func validate() throws {
        // --runs and --baseline-runs: checked by `TimedRuns`.
        try WholeNumber.require([("--cdrs", cdrs, 1_000), ("--days", days, 1)])
        guard days.value <= 400 else { throw ValidationError("--days must be at most 400") }
        for rate in rates?.rates ?? [] where rate.cdrs < 1_000 || !(1...400).contains(rate.days) {
            throw ValidationError("--rates takes N/D with N at least 1000 and D from 1 to 400, not '\(rate.cdrs)/\(rate.days)'")
        }
    }

    func run() throws { try BenchCommand.reportingErrors(measure) }

    private func measure() throws {
        var temporary: URL?
        let path: String
        if let given = storePath {
            path = given
        } else {
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("termdash-bench-\(getpid())-\(UUID().uuidString.prefix(6))")
            temporary = directory
            path = directory.appendingPathComponent("store.db").path
        }
        defer {
            if let temporary {
                if keep {
                    note("The store is kept at \(path)")
                } else {
                    try? FileManager.default.removeItem(at: temporary)
                }
            }
        }
        guard let rates = rates?.rates else {
            try measure(path: path, cdrs: cdrs.value, days: days.value).print()
            return
        }
        var reports: [Report] = []
        for rate in rates {
            let report = try measure(path: rate.storePath(beside: path), cdrs: rate.cdrs, days: rate.days)
            report.print()
            Swift.print("")
            reports.append(report)
        }
        RateReport(reports: reports, snapshotBar: Self.snapshotBar, ratioBar: Self.ratioBar,
                   spreadBar: Self.spreadBar).print()
    }

    /// Builds or reuses the store at `path`, checks the engine against plain SQL, and times both.
    private func measure(path: String, cdrs: Int, days: Int) throws -> Report {
        let bench = try StoreBuilder.prepare(path: path, target: cdrs, days: days)
        let now = bench.now

        let (warmUp, _) = try EngineSnapshot.take(store: bench.store, at: now)
        let figures = EngineSnapshot.figures(of: warmUp)
        if engineOnly {
            return Report(bench: bench, build: BenchCommand.build, extent: "not checked (--engine-only)",
                          snapshots: try EngineSnapshot.timed(timed.runs.value, store: bench.store, at: now, figures: figures), baselines: [],
                          snapshotBar: Self.snapshotBar, ratioBar: Self.ratioBar)
        }
        // Check first: plain SQL once, after the engine's warm-up pass; both outside the timings.
        note("checking that the engine and plain SQL give the same figures…")
        let (expected, checkTiming) = try PlainSQL.compute(store: bench.store, at: now)
        let differences = Comparison.differences(engine: figures, sql: expected)
        guard differences.isEmpty else {
            print("FIGURES DIFFER between the engine and plain SQL over the raw CDRs:")
            for line in differences { print("  \(line)") }
            Foundation.exit(3)
        }
        guard (figures.last24Hours[0]?.attempts ?? 0) > 0, !figures.liveSummary.rows.isEmpty else {
            throw BenchmarkError("the store has no calls in the last 24 hours before \(now): nothing was compared")
        }

        let snapshots = try EngineSnapshot.timed(timed.runs.value, store: bench.store, at: now, figures: figures)
        note(String(format: "timing %d plain-SQL passes (the checking pass took %.0f ms)…", timed.baselineRuns.value,
                    checkTiming.totalMilliseconds))
        var baselines: [PassTiming] = []
        for _ in 0..<timed.baselineRuns.value {
            let (result, timing) = try PlainSQL.compute(store: bench.store, at: now)
            guard result == expected else { throw BenchmarkError("a plain-SQL pass differs from the first one") }
            baselines.append(timing)
        }

        return Report(bench: bench, build: BenchCommand.build, extent: Comparison.extent(of: figures),
                      snapshots: snapshots, baselines: baselines, snapshotBar: Self.snapshotBar,
                      ratioBar: Self.ratioBar)
    }
}

struct Report {
    var bench: BenchmarkStore
    var build: String
    var extent: String
    var snapshots: [PassTiming]
    var baselines: [PassTiming]
    var snapshotBar: Double
    var ratioBar: Double

    var snapshot: Stats { Stats(snapshots.map(\.totalMilliseconds)) }
    var baseline: Stats { Stats(baselines.map(\.totalMilliseconds)) }
    var ratio: Double { baseline.median / snapshot.median }

    func print() {
        let snapshot = self.snapshot
        let baseline = self.baseline
        let ratio = self.ratio
        let when = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(bench.now)))
        let sizes = ["", "-wal"].map { fileSize(bench.path + $0) }
        let age = Double(wallClock() - bench.now) / 3_600
        let throughput = bench.buildSeconds > 0 ? Double(bench.cdrs) / bench.buildSeconds : 0
        var lines = [
            "termdash-bench: a snapshot of every pane vs the same figures by plain SQL over the raw cdrs table (\(build))",
            "store       \(bench.path): \(bytes(sizes[0] + sizes[1])) (database \(bytes(sizes[0])), WAL \(bytes(sizes[1])))",
            "CDRs        \(ThousandsText.grouped(bench.cdrs)) over \(bench.days) days ending \(when) (\(format(age, 1)) h ago; "
                + "peak \(format(bench.peakCPS)) CPS); \(ThousandsText.grouped(bench.liveCalls)) calls live at that instant",
            bench.reused
                ? "build       reused the store of an earlier run (building it took \(format(bench.buildSeconds, 1)) s, "
                    + "\(ThousandsText.grouped(Int(throughput))) CDRs/s)"
                : "build       \(format(bench.buildSeconds, 1)) s (\(ThousandsText.grouped(Int(throughput))) CDRs/s)",
            "figures     engine == plain SQL: \(extent)",
            "snapshot    median \(format(snapshot.median)) ms  (min \(format(snapshot.min)), max \(format(snapshot.max)); "
                + "\(snapshots.count) runs after 1 warm-up)",
            "plain SQL   median \(format(baseline.median)) ms  (min \(format(baseline.min)), max \(format(baseline.max)); "
                + "\(baselines.count) runs after 1 checking run)",
            "ratio       \(format(ratio, 1))x  (plain SQL median / snapshot median)",
            "",
            "median per pane, ms" .padding(toLength: 52, withPad: " ", startingAt: 0) + "  snapshot   plain SQL",
        ]
        for pane in Pane.allCases {
            let engine = Stats(snapshots.map { $0.paneMilliseconds[pane.rawValue] }).median
            let sql = Stats(baselines.map { $0.paneMilliseconds[pane.rawValue] }).median
            lines.append("  " + pane.label.padding(toLength: 50, withPad: " ", startingAt: 0)
                         + "  " + pad(format(engine), 8) + "  " + pad(format(sql), 10))
        }
        lines += [
            "",
            "bar         snapshot <= \(format(snapshotBar, 0)) ms: \(format(snapshot.median)) ms  "
                + (snapshot.median <= snapshotBar ? "PASS" : "FAIL"),
            "bar         >= \(format(ratioBar, 0))x faster than plain SQL: \(format(ratio, 1))x  "
                + (ratio >= ratioBar ? "PASS" : "FAIL"),
        ]
        Swift.print(lines.joined(separator: "\n"))
    }

    private func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    private func bytes(_ count: Int64) -> String {
        let units = ["B", "KB", "MB", "GB"]
        var value = Double(count)
        var unit = 0
        while value >= 1_000, unit < units.count - 1 {
            value /= 1_000
            unit += 1
        }
        return unit == 0 ? "\(count) B" : "\(format(value, value < 10 ? 2 : 1)) \(units[unit])"
    }

    func format(_ value: Double, _ decimals: Int = 2) -> String { String(format: "%.\(decimals)f", value) }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

struct Stats {
    var median: Double
    var min: Double
    var max: Double

    init(_ values: [Double]) {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        median = sorted.isEmpty ? 0 : sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        min = sorted.first ?? 0
        max = sorted.last ?? 0
    }
}
