/// The snapshot at each traffic rate of `--rates`, side by side, and the bars across them: the snapshot's cost must
/// not grow with the calls per second.
struct RateReport {
    var reports: [Report]
    var snapshotBar: Double
    var ratioBar: Double
    var spreadBar: Double

    func print() {
        guard let first = reports.first else { return }
        var lines = ["termdash-bench: the snapshot at \(reports.count) traffic rates (\(first.build))"]
        for report in reports {
            let bench = report.bench
            let average = Double(bench.cdrs) / Double(bench.days * 86_400)
            lines.append("rate        " + ThousandsText.grouped(bench.cdrs) + " CDRs over \(bench.days) days ("
                + first.format(average, 1) + " CPS on average, peak " + first.format(bench.peakCPS, 1) + "; "
                + ThousandsText.grouped(bench.liveCalls) + " calls live): snapshot median " + first.format(report.snapshot.median)
                + " ms, plain SQL " + first.format(report.baseline.median, 0) + " ms, " + first.format(report.ratio, 1)
                + "x")
        }
        let medians = reports.map(\.snapshot.median)
        let slowest = medians.max() ?? 0
        let fastest = medians.min() ?? 0
        let spread = fastest > 0 ? slowest / fastest : 0
        let lowestRatio = reports.map(\.ratio).min() ?? 0
        lines += [
            "cost ratio  slowest / fastest: " + first.format(spread) + "x (" + first.format(slowest) + " ms / "
                + first.format(fastest) + " ms)",
            "",
            "bar         snapshot <= \(first.format(snapshotBar, 0)) ms at every rate: slowest "
                + first.format(slowest) + " ms  " + (slowest <= snapshotBar ? "PASS" : "FAIL"),
            "bar         slowest within \(first.format(spreadBar, 0))x of the fastest: " + first.format(spread)
                + "x  " + (spread <= spreadBar ? "PASS" : "FAIL"),
            "bar         >= \(first.format(ratioBar, 0))x faster than plain SQL at every rate: lowest "
                + first.format(lowestRatio, 1) + "x  " + (lowestRatio >= ratioBar ? "PASS" : "FAIL"),
        ]
        Swift.print(lines.joined(separator: "\n"))
    }
}
