import Foundation
import Metrics
import SQLiteReference

/// The instant a new benchmark store's history ends at and every pane is read at: the latest weekday 14:37:23 UTC
/// before `wall` — near the daily peak, so that many calls are live, and not aligned to a minute, so the interval
/// figures have raw edges. It must be recent: the engine applies its retention from the wall clock (minute rollups
/// for 7 days), so a store whose history ended long ago would be read the way old history is, not the way a live
/// store is.
func benchmarkInstant(before wall: Int64) -> Int64 {
    var day = wall / 86_400
    while true {
        let instant = day * 86_400 + 14 * 3_600 + 37 * 60 + 23
        let weekday = (day + 4) % 7  // 1970-01-01 was a Thursday: 0 = Sunday
        if instant <= wall, weekday != 0, weekday != 6 { return instant }
        day -= 1
    }
}

/// How old (before the wall clock) a store's instant may be for the store to be reused: the last 24 h before it
/// must stay inside the engine's minute retention (7 days from the wall clock), with a margin.
let reuseWindow: Int64 = 5 * 86_400

func wallClock() -> Int64 { Int64(Date().timeIntervalSince1970) }

/// A filled store, built by the simulator or reused from an earlier run.
struct BenchmarkStore {
    var store: SQLiteStore
    var path: String
    var now: Int64
    var days: Int
    var cdrs: Int
    var liveCalls: Int
    var peakCPS: Double
    /// How long filling it took (in the run that built it).
    var buildSeconds: Double
    var reused: Bool
}

/// What a store built by the benchmark was built for, kept next to it as `<store>.bench` so that a rerun can reuse
/// it and so that the benchmark never deletes a store it did not make.
struct StoreMarker: Equatable {
    var now: Int64
    var days: Int
    var target: Int
    var peakCPS: Double
    var cdrs: Int
    var buildSeconds: Double
    var complete: Bool

    static func path(for store: String) -> String { store + ".bench" }

    static func read(store: String) -> StoreMarker? {
        guard let text = try? String(contentsOfFile: path(for: store), encoding: .utf8) else { return nil }
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        guard let now = fields["now"].flatMap(Int64.init), let days = fields["days"].flatMap(Int.init),
              let target = fields["target"].flatMap(Int.init), let peak = fields["peak_cps"].flatMap(Double.init),
              let cdrs = fields["cdrs"].flatMap(Int.init), let seconds = fields["build_seconds"].flatMap(Double.init)
        else { return StoreMarker(now: 0, days: 0, target: 0, peakCPS: 0, cdrs: 0, buildSeconds: 0, complete: false) }
        return StoreMarker(now: now, days: days, target: target, peakCPS: peak, cdrs: cdrs, buildSeconds: seconds,
                           complete: fields["complete"] == "1")
    }

    func write(store: String) throws {
        let text = """
            # written by termdash-bench: what \((store as NSString).lastPathComponent) was built for
            now=\(now)
            days=\(days)
            target=\(target)
            peak_cps=\(peakCPS)
            cdrs=\(cdrs)
            build_seconds=\(buildSeconds)
            complete=\(complete ? 1 : 0)

            """
        try text.write(toFile: Self.path(for: store), atomically: true, encoding: .utf8)
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum StoreBuilder {
    /// Opens the store at `path` when an earlier run left one built for about `target` CDRs at the same instant;
    /// otherwise (re)builds it with the simulator.
    static func prepare(path: String, target: Int, days: Int) throws -> BenchmarkStore {
        let files = FileManager.default
        if files.fileExists(atPath: path) {
            guard let marker = StoreMarker.read(store: path) else {
                throw BenchmarkError(
                    "\(path) exists and was not made by termdash-bench (no \(StoreMarker.path(for: path))); "
                        + "remove it or choose another --store")
            }
            // Reuse what was built for this target, or any store holding between N and 1.1 N CDRs, while recent.
            let age = wallClock() - marker.now
            let recent = age >= 0 && age <= reuseWindow
            if marker.complete, recent, marker.days == days,
               marker.target == target || (marker.cdrs >= target && marker.cdrs * 10 <= target * 11)
            {
                let store = try SQLiteStore(path: path)
                // Opening may have migrated it (recomputing every aggregate).
                try store.checkpoint()
                let (cdrs, live) = try counts(in: store)
                if cdrs == marker.cdrs {
                    return BenchmarkStore(
                        store: store, path: path, now: marker.now, days: marker.days, cdrs: cdrs, liveCalls: live,
                        peakCPS: marker.peakCPS, buildSeconds: marker.buildSeconds, reused: true)
                }
                note("\(path) holds \(cdrs) CDRs, its marker says \(marker.cdrs): rebuilding")
            } else if marker.complete, !recent {
                note("\(path) holds history up to \(marker.now), \(age / 3_600) h ago: older than the engine's "
                     + "retention allows for the benchmark's panes (reuse up to \(reuseWindow / 86_400) days): rebuilding")
            } else if marker.complete {
                note("\(path) was built for \(marker.target) CDRs over \(marker.days) days (\(marker.cdrs) written), "
                    + "not \(target) over \(days): rebuilding")
            } else {
                note("\(path) is an unfinished build: rebuilding")
            }
            for suffix in ["", "-wal", "-shm", ".bench"] where files.fileExists(atPath: path + suffix) {
                try files.removeItem(atPath: path + suffix)
            }
        }
        return try build(path: path, target: target, days: days)
    }

    private static func build(path: String, target: Int, days: Int) throws -> BenchmarkStore {
        let now = benchmarkInstant(before: wallClock())
        let peak = peakCPS(for: target, days: days, now: now)
        var marker = StoreMarker(now: now, days: days, target: target, peakCPS: peak, cdrs: 0, buildSeconds: 0,
                                 complete: false)
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        try marker.write(store: path)
        note("building \(path): about \(target) CDRs over \(days) days, peak \(String(format: "%.2f", peak)) CPS "
             + "(default network: 200 customers, 40 carriers, 2,000 DIDs)")
        let store = try SQLiteStore(path: path)
        var options = Simulator.Options()
        options.peakCPS = peak
        let clock = ContinuousClock()
        let started = clock.now
        let simulator = try Simulator(store: store, options: options, now: now)
        var lastTenth: Int64 = 0
        try simulator.backfill(days: days, until: now) { done, total in
            let tenth = done * 10 / max(total, 1)
            guard tenth > lastTenth else { return }
            lastTenth = tenth
            note(String(format: "  %3d%% of the history after %.1f s", Int(tenth * 10), seconds(clock.now - started)))
        }
        let buildSeconds = seconds(clock.now - started)
        // Measured as a running store is read: the back-fill outruns SQLite's automatic checkpoints.
        try store.checkpoint()
        let (cdrs, live) = try counts(in: store)
        marker.cdrs = cdrs
        marker.buildSeconds = buildSeconds
        marker.complete = true
        try marker.write(store: path)
        return BenchmarkStore(
            store: store, path: path, now: now, days: days, cdrs: cdrs, liveCalls: live, peakCPS: peak,
            buildSeconds: buildSeconds, reused: false)
    }

    private static func counts(in store: SQLiteStore) throws -> (cdrs: Int, live: Int) {
        try PlainSQL(path: store.path).storedRows()
    }

    /// The peak CPS at which `days` of back-fill ending at `now` write a little over `target` CDRs: the expected
    /// number of calls is the peak times the integral of the daily curve; calls still running at `now` stay live
    /// (about 100 s of traffic at the rate of `now`), and a margin of 0.2 % plus three standard deviations of the
    /// Poisson arrivals keeps the count at or above the target.
    static func peakCPS(for target: Int, days: Int, now: Int64) -> Double {
        var integral = 0.0
        var second = now - Int64(days) * 86_400
        while second < now {
            integral += dailyCurve(at: second)
            second += 1
        }
        let wanted = Double(target) * 1.002 + 3 * Double(target).squareRoot()
        return wanted / (integral - 100 * dailyCurve(at: now))
    }

    /// The simulator's daily CPS curve as a share of the peak: a copy of `TrafficModel.cps(at:)` (internal to
    /// Metrics) divided by `peakCPS`. If that curve changes, only the precision of the CDR count suffers: the
    /// benchmark prints the count it got.
    static func dailyCurve(at second: Int64) -> Double {
        let day = second >= 0 ? second / 86_400 : (second - 86_399) / 86_400
        let hour = Double(second - day * 86_400) / 3_600
        let daytime = hour > 6 && hour < 22 ? pow(sin(.pi * (hour - 6) / 16), 1.5) : 0
        let weekday = (day + 4) % 7
        let weekend = weekday == 0 || weekday == 6 ? 0.55 : 1.0
        let wobble = 1 + 0.08 * sin(Double(second) / 1_700) + 0.05 * sin(Double(second) / 347)
        return (0.12 + 0.88 * daytime) * weekend * wobble
    }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Progress and decisions go to stderr, the report to stdout.
func note(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
