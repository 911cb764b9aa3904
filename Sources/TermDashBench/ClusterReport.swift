import Foundation

/// What `termdash-bench cluster` prints: the load rate, the snapshot against plain SQL, the disk used, the bars.
struct ClusterReport {
    var cdrs: Int
    var rejected: Int
    var cps: Int
    var now: Int64
    /// Seconds from the start to the last importer's exit, and to each importer's.
    var load: (total: Double, each: [Double])
    var snapshots: [PassTiming]
    var baselines: [PassTiming]
    var disk: (clickhouse: Int64, postgres: Int64)
    /// PostgreSQL's database size before the import (accounts and rate cards only).
    var ledgerBefore: Int64
    /// The largest importer's peak resident memory (bytes); nil for a kept folder measured again.
    var importerPeak: Int64?
    var extent: String
    var loadBar: Double
    var snapshotBar: Double

    func print() {
        let snapshot = Stats(snapshots.map(\.totalMilliseconds))
        let baseline = Stats(baselines.map(\.totalMilliseconds))
        // The ratio over the panes both sides compute (every one: of the dashboard, its history and quality table).
        let comparedPanes = ClusterFigures.panes.map(\.rawValue)
        let engineCompared = Stats(snapshots.map { timing in comparedPanes.reduce(0) { $0 + timing.paneMilliseconds[$1] } })
        let ratio = engineCompared.median > 0 ? baseline.median / engineCompared.median : 0
        let rate = load.total > 0 ? Double(cdrs) / load.total : 0
        let perMillion = { (bytes: Int64) in self.cdrs > 0 ? Double(bytes) * 1e6 / Double(self.cdrs) : 0 }
        let when = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(now)))
        let f = { (value: Double, decimals: Int) in String(format: "%.\(decimals)f", value) }
        var lines: [String?] = [
            "termdash-bench cluster: PostgreSQL + 2-shard ClickHouse on loopback (\(BenchCommand.build))",
            "CDRs        \(ThousandsText.grouped(cdrs)) stored (\(ThousandsText.grouped(rejected)) bad rows rejected), \(cps) calls a second, "
                + "ending \(when)",
            "load        \(f(load.total, 1)) s by two concurrent `termdash import` processes: \(ThousandsText.grouped(Int(rate))) CDRs/s "
                + "together (each done after " + load.each.map { f($0, 1) + " s" }.joined(separator: " and ") + ")",
            importerPeak.map { "memory      the largest importer's peak: \(bytes($0)) resident" },
            "figures     engine == plain SQL over the raw ClickHouse table: \(extent)",
            "snapshot    median \(f(snapshot.median, 2)) ms  (min \(f(snapshot.min, 2)), max \(f(snapshot.max, 2)); "
                + "\(snapshots.count) runs after 1 warm-up; every pane)",
            "plain SQL   median \(f(baseline.median, 2)) ms  (min \(f(baseline.min, 2)), max \(f(baseline.max, 2)); "
                + "\(baselines.count) runs after 1 checking run; every pane)",
            "ratio       \(f(ratio, 2))x  (plain SQL median / the snapshot's same panes, median \(f(engineCompared.median, 2)) ms)",
            "disk        ClickHouse \(bytes(disk.clickhouse)) (\(bytes(Int64(perMillion(disk.clickhouse)))) per million CDRs), "
                + "PostgreSQL \(bytes(disk.postgres)), \(bytes(ledgerBefore)) before the import "
                + "(\(bytes(Int64(perMillion(disk.postgres - ledgerBefore)))) per million CDRs)",
            "",
            "median per pane, ms".padding(toLength: 52, withPad: " ", startingAt: 0) + "  snapshot   plain SQL",
        ]
        for pane in Pane.allCases {
            let engine = Stats(snapshots.map { $0.paneMilliseconds[pane.rawValue] }).median
            let sql = ClusterFigures.panes.firstIndex(of: pane).map { index in
                f(Stats(baselines.map { $0.paneMilliseconds[index] }).median, 2)
            } ?? "-"
            lines.append("  " + pane.label.padding(toLength: 50, withPad: " ", startingAt: 0) + "  "
                         + pad(f(engine, 2), 8) + "  " + pad(sql, 10))
        }
        lines += [
            "",
            "bar         load >= \(ThousandsText.grouped(Int(loadBar))) CDRs/s: \(ThousandsText.grouped(Int(rate))) CDRs/s  " + (rate >= loadBar ? "PASS" : "FAIL"),
            "bar         snapshot <= \(f(snapshotBar, 0)) ms: \(f(snapshot.median, 2)) ms  "
                + (snapshot.median <= snapshotBar ? "PASS" : "FAIL"),
        ]
        Swift.print(lines.compactMap { $0 }.joined(separator: "\n"))
    }

    private func bytes(_ count: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(count)
        var unit = 0
        while value >= 1_000, unit < units.count - 1 {
            value /= 1_000
            unit += 1
        }
        return unit == 0 ? "\(count) B" : String(format: value < 10 ? "%.2f %@" : "%.1f %@", value, units[unit])
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
