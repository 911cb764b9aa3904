import ArgumentParser
import Foundation
import LocalServers
import Metrics
import ServerStore

/// `termdash-bench cluster` (`make bench-cluster`, issue 15): PostgreSQL and a two-shard ClickHouse cluster started on
/// loopback, N generated CDRs loaded by two concurrent `termdash import` processes, then the snapshot of every pane
/// over the servers store against the same figures by plain SQL over the raw ClickHouse table, and the disk used.
///
/// Exit status: 0 when the measurement was made (whether or not a bar is met), 1 on an error, 3 when the engine and
/// plain SQL disagree on a figure, 64 bad usage.
struct ClusterBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Loads a two-shard ClickHouse cluster with two concurrent importers and times the servers' snapshot.",
        discussion: """
            Starts PostgreSQL 15 and two ClickHouse servers on free loopback ports (their data in --folder), writes \
            N/2 rows for each of two importers as Asterisk Master.csv files of an hour of traffic each (seeded, the \
            same on every run), imports them with two `termdash import` processes at once (one file after another), then times the snapshot of every pane on the servers and the same \
            figures by plain SQL over the raw CDR table, checks they are equal, and reports the disk used. The servers \
            are stopped by PID at the end. Exit status: 0 when the measurement was made (whether or not a bar is \
            met), 1 on an error, 3 when the engine and plain SQL disagree on a figure, 64 bad usage.
            """)

    /// Issue 15's bars.
    static let loadBar = 200_000.0
    static let snapshotBar = 100.0

    @Option(help: ArgumentHelp("CDRs generated and loaded, half by each importer (at least 1000).", valueName: "N"))
    var cdrs: WholeNumber = 2_000_000

    @Option(help: ArgumentHelp("Calls started per second in the generated files (the traffic's rate).", valueName: "R"))
    var cps: WholeNumber = 1_000

    @Option(help: ArgumentHelp("""
        Rows per generated file (default: an hour of traffic, 3600 × --cps): each importer imports its half as a \
        run of such files, one transaction each, as a switch's rotated CDR files come.
        """, valueName: "rows"))
    var fileRows: WholeNumber?

    @OptionGroup var timed: TimedRuns

    @Option(help: ArgumentHelp("The termdash binary the importers run (default: beside termdash-bench).",
                               valueName: "path"))
    var termdash: String?

    @Option(help: ArgumentHelp("""
        Where the servers' data, the generated files and the importers' logs go (default: a temporary directory); \
        removed at the end unless --keep.
        """, valueName: "path"))
    var folder: String?

    @Flag(help: "Keep the folder (servers' data, files, logs) and print its path.")
    var keep = false

    @Flag(help: ArgumentHelp("""
        Measure again the CDRs an earlier run loaded and kept in --folder (with --keep): the servers are started on         their data, marked rollups recomputed, and the load reported is the one measured then. Implies --keep.
        """))
    var reuse = false

    func validate() throws {
        // --runs and --baseline-runs: checked by `TimedRuns`.
        try WholeNumber.require([("--cdrs", cdrs, 1_000), ("--cps", cps, 1)] + (fileRows.map { [("--file-rows", $0, 1_000)] } ?? []))
        if reuse && folder == nil { throw ValidationError("--reuse needs the --folder an earlier run kept") }
    }

    func run() throws { try BenchCommand.reportingErrors(measure) }

    private func measure() throws {
        // Absolute: PostgreSQL runs in its data folder, so a relative socket folder (make bench-cluster's
        // .build/bench-cluster) would name a folder that is not there.
        let root = folder.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("termdash-bench-cluster-\(getpid())").path
        let binary = termdash ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("termdash").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw BenchmarkError("no termdash binary at \(binary) (build it, or give --termdash)")
        }
        let record = root + "/" + LoadRecord.fileName
        if reuse {
            guard FileManager.default.fileExists(atPath: record) else {
                throw BenchmarkError("\(record) is not there: --reuse measures a folder an earlier run kept with --keep")
            }
        } else if FileManager.default.fileExists(atPath: root + "/servers") {
            throw BenchmarkError("\(root)/servers exists (an earlier run's servers): remove it, choose another --folder, or --reuse it")
        }
        let keepFolder = keep || reuse
        let stopper = Stopper()
        stopper.keepFolder = true
        defer {
            stopper.stopAll()
            if keepFolder { note("The folder is kept at \(root)") } else { Self.remove(in: root) }
        }
        note("starting PostgreSQL and two ClickHouse servers in \(root)/servers…")
        // Idle connections closed after 1 s: this process still holds its own when it stops the servers.
        let servers = try LocalServers.start(folder: root + "/servers", stopper: stopper, keepAliveSeconds: 1)
        let settings = ServerSettings(postgres: servers.postgres(database: "bench"),
                                      clickhouse: servers.clickhouse(cluster: true), timeoutSeconds: 600)
        let store = try ServerStore(settings)
        let loaded: LoadRecord
        // The largest importer's peak memory, for a load made by this run (a kept folder's is not recorded).
        var importerPeak: Int64?
        if reuse {
            loaded = try LoadRecord(contentsOf: record)
            note("recomputing the rollups' marked ranges (new rollups are marked whole)…")
            _ = try store.rebuildAggregates(.standard, at: loaded.instant)
        } else {
            (loaded, importerPeak) = try load(into: store, settings: settings, root: root, binary: binary)
            try loaded.write(to: record)
        }
        let now = loaded.instant, total = loaded.good + loaded.rejected, bad = loaded.rejected, load = loaded.load
        let ledgerBefore = loaded.ledgerBefore
        let reference = ClickHouseReference(store: store)
        let stored = try reference.storedCDRs()
        guard stored == Int64(total - bad) else {
            throw BenchmarkError("\(stored) CDRs stored for \(total - bad) good rows (\(bad) bad): see \(root)/import-*.log")
        }

        let (warmUp, _) = try EngineSnapshot.take(store: store, at: now)
        let figures = EngineSnapshot.figures(of: warmUp)
        note("checking that the engine and plain SQL over the raw CDRs give the same figures…")
        let (expected, _) = try ClusterFigures.plainSQL(reference, at: now)
        let engine = ClusterFigures(engine: figures)
        let differences = engine.differences(from: expected)
        guard differences.isEmpty else {
            print("FIGURES DIFFER between the engine and plain SQL over the raw CDRs:")
            for line in differences.prefix(40) { print("  \(line)") }
            Foundation.exit(3)
        }
        guard (figures.last24Hours[0]?.attempts ?? 0) > 0 else {
            throw BenchmarkError("no calls in the last 24 hours before \(now): nothing was compared")
        }

        let snapshots = try EngineSnapshot.timed(timed.runs.value, store: store, at: now, figures: figures)
        note("timing \(timed.baselineRuns.value) plain-SQL passes…")
        var baselines: [PassTiming] = []
        for _ in 0..<timed.baselineRuns.value {
            let (result, timing) = try ClusterFigures.plainSQL(reference, at: now)
            guard result == expected else { throw BenchmarkError("a plain-SQL pass differs from the first one") }
            baselines.append(timing)
        }
        let disk = try store.diskUse()

        ClusterReport(cdrs: Int(stored), rejected: bad, cps: loaded.cps, now: now, load: load, snapshots: snapshots,
                      baselines: baselines, disk: disk, ledgerBefore: ledgerBefore, importerPeak: importerPeak,
                      extent: engine.extent,
                      loadBar: Self.loadBar, snapshotBar: Self.snapshotBar).print()
    }

    /// Generates the two files and imports them at once: what was loaded, and how fast; and the largest
    /// importer's peak resident memory, in bytes.
    private func load(into store: ServerStore, settings: ServerSettings, root: String, binary: String) throws
        -> (LoadRecord, Int64)
    {
        try MasterCSV.prepareAccounts(in: store)
        // The traffic ends at the bench's instant (a recent weekday 14:37:23 UTC), so the live panes hold calls.
        let now = benchmarkInstant(before: wallClock())
        let total = cdrs.value
        let base = now - Int64(total / cps.value) - 1
        let halves = [(first: 0, rows: total / 2), (first: total / 2, rows: total - total / 2)]
        let perFile = fileRows?.value ?? 3_600 * cps.value
        var files: [[String]] = [[], []]
        var bad = 0
        for (importer, half) in halves.enumerated() {
            for first in stride(from: half.first, to: half.first + half.rows, by: perFile) {
                let rows = min(perFile, half.first + half.rows - first)
                let part = files[importer].count
                let file = root + "/Master-\(importer + 1)" + (part == 0 ? "" : "-\(part + 1)") + ".csv"
                note("generating \(rows) Asterisk rows in \(file)…")
                bad += try MasterCSV.write(rows: rows, to: file, from: first, base: base, perSecond: cps.value,
                                           seed: 42 + UInt64(importer) + 2 * UInt64(part))
                files[importer].append(file)
            }
        }
        // The ledger's size before the import: an empty database is some 8 MB, which is not per CDR.
        let ledgerBefore = try store.diskUse().postgres
        note("importing with two termdash processes at once…")
        let load = try importConcurrently(files: files, binary: binary, settings: settings, logs: root)
        // The peak of the largest child reaped so far: the importers (the servers still run; the tools that set
        // them up are far smaller).
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return (LoadRecord(instant: now, good: total - bad, rejected: bad, cps: cps.value, load: load,
                           ledgerBefore: ledgerBefore), Int64(usage.ru_maxrss) * 1_024)
    }

    /// Removes what the bench wrote in `root` (never anything else a given --folder held), then `root` if empty.
    private static func remove(in root: String) {
        let files = FileManager.default
        let generated = ((try? files.contentsOfDirectory(atPath: root)) ?? [])
            .filter { $0.hasPrefix("Master-") && $0.hasSuffix(".csv") }
        for name in ["servers", "import-1.log", "import-2.log", LoadRecord.fileName] + generated {
            try? files.removeItem(atPath: root + "/" + name)
        }
        if (try? files.contentsOfDirectory(atPath: root))?.isEmpty == true { try? files.removeItem(atPath: root) }
    }

    /// Runs one `termdash import` per list of files, all at once, on the servers; the wall-clock seconds from the first
    /// start to the last exit, and each importer's from the start to its exit (two that queue on each other show
    /// one about twice the other). Status 3 (rows rejected) is expected: the files hold bad rows on purpose.
    private func importConcurrently(files: [[String]], binary: String, settings: ServerSettings, logs: String) throws
        -> (total: Double, each: [Double])
    {
        let store = ["--store-kind", "servers", "--postgres", settings.postgres]
            + settings.clickhouse.flatMap { ["--clickhouse", $0] }
        let started = DispatchTime.now().uptimeNanoseconds
        var processes: [(Process, String)] = []
        for (index, file) in files.enumerated() {
            let log = logs + "/import-\(index + 1).log"
            FileManager.default.createFile(atPath: log, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["import"] + file + store
            let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
            process.standardOutput = output
            process.standardError = output
            try process.run()
            processes.append((process, log))
        }
        // Polled rather than waited on one after the other, so each importer's own time is seen.
        var each = [Double?](repeating: nil, count: processes.count)
        while each.contains(nil) {
            for (index, (process, _)) in processes.enumerated() where each[index] == nil && !process.isRunning {
                each[index] = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            }
            usleep(20_000)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        for (process, log) in processes where ![0, 3].contains(process.terminationStatus) {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw BenchmarkError("termdash import exited \(process.terminationStatus): \(text.suffix(600))")
        }
        return (seconds, each.compactMap { $0 })
    }
}
