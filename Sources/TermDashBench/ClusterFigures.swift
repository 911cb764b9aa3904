import Metrics
import ServerStore
import SQLiteReference

/// The figures `termdash-bench cluster` compares between the engine over the servers store and plain SQL over the
/// raw ClickHouse table: the counters of the summary grids, the totals and the last 24 h, keyed by the customer's
/// or carrier's id and the bucket's start (names are PostgreSQL's, not the CDR table's; cells without a call are
/// left out on both sides). Of the dashboard pane: its history's figures, channel seconds and busiest seconds per
/// minute of the hour, and the quality table's counters per carrier.
struct ClusterFigures: Equatable {
    var history: [Int64: RollupCounts]
    var channelSeconds: [Int64: Int64]
    var peakAttempts: [Int64: Int64]
    var quality: [Int64: QualityCounts]
    var liveSummary: [Int64: [Int64: RollupCounts]]
    var dailySummary: [Int64: [Int64: RollupCounts]]
    var carrierTotals: [Int64: RollupCounts]
    var customerTotals: [Int64: RollupCounts]
    var last24Hours: [Int64: RollupCounts]

    /// The panes of the plain-SQL pass, in its order (the snapshot's).
    static let panes: [Pane] = [.dashboard, .liveSummary, .dailySummary, .carrierTotals, .customerTotals, .last24Hours]

    init(engine: PaneFigures) {
        func cells(_ grid: Grid) -> [Int64: [Int64: RollupCounts]] {
            var result: [Int64: [Int64: RollupCounts]] = [:]
            for row in grid.rows {
                for (bucket, counts) in zip(grid.buckets, row.cells) where counts != RollupCounts() {
                    result[row.id, default: [:]][bucket] = counts
                }
            }
            return result
        }
        let history = engine.dashboard.history
        var figures: [Int64: RollupCounts] = [:], channels: [Int64: Int64] = [:], peaks: [Int64: Int64] = [:]
        for (index, start) in (history?.bucketStarts ?? []).enumerated() {
            if history!.figures[index].counts != RollupCounts() { figures[start] = history!.figures[index].counts }
            if history!.channelSeconds[index] != 0 { channels[start] = history!.channelSeconds[index] }
            if history!.peakAttempts[index] != 0 { peaks[start] = history!.peakAttempts[index] }
        }
        self.history = figures
        channelSeconds = channels
        peakAttempts = peaks
        quality = Dictionary((engine.dashboard.quality?.carriers ?? []).filter { $0.counts.attempts > 0 }
            .map { ($0.id, $0.counts) }, uniquingKeysWith: { first, _ in first })
        liveSummary = cells(engine.liveSummary)
        dailySummary = cells(engine.dailySummary)
        carrierTotals = engine.carrierTotals.mapValues(\.counts).filter { $0.value != RollupCounts() }
        customerTotals = engine.customerTotals.mapValues(\.counts).filter { $0.value != RollupCounts() }
        last24Hours = engine.last24Hours.filter { $0.value != RollupCounts() }
    }

    private init(history: [Int64: RollupCounts], channelSeconds: [Int64: Int64], peakAttempts: [Int64: Int64],
                 quality: [Int64: QualityCounts], liveSummary: [Int64: [Int64: RollupCounts]],
                 dailySummary: [Int64: [Int64: RollupCounts]], carrierTotals: [Int64: RollupCounts],
                 customerTotals: [Int64: RollupCounts], last24Hours: [Int64: RollupCounts]) {
        self.history = history
        self.channelSeconds = channelSeconds
        self.peakAttempts = peakAttempts
        self.quality = quality
        self.liveSummary = liveSummary
        self.dailySummary = dailySummary
        self.carrierTotals = carrierTotals
        self.customerTotals = customerTotals
        self.last24Hours = last24Hours
    }

    /// One timed pass of plain SQL over the raw CDRs, with the periods the engine's panes show at `now`: the
    /// dashboard's hour (per minute, and per carrier), customers × 24 hours and × 31 days, per carrier and per customer over the live period (the last 24 hours to the end
    /// of the current one), and the network over [now − 24 h, now).
    static func plainSQL(_ sql: ClickHouseReference, at now: Int64) throws -> (ClusterFigures, PassTiming) {
        var timer = PassTimer()
        let hourNow = now - now % 3_600
        let dayNow = now - now % 86_400
        func single(_ keyed: [Int64: [Int64: RollupCounts]]) -> [Int64: RollupCounts] {
            keyed.compactMapValues(\.values.first).filter { $0.value != RollupCounts() }
        }
        let range = EngineSnapshot.request.history ?? .oneHour
        let window = range.window(at: now)
        let dashboard = try timer.time {
            (history: try sql.counts(by: .network, bucketSeconds: range.step, from: window.from, to: window.to)[0] ?? [:],
             channels: try sql.channelSeconds(step: range.step, from: window.from, to: window.to),
             peaks: try sql.peakAttempts(step: range.step, from: window.from, to: window.to),
             quality: single(try sql.counts(by: .carrier, bucketSeconds: nil, from: window.from, to: window.to)))
        }
        let figures = ClusterFigures(
            history: dashboard.history.filter { $0.value != RollupCounts() }, channelSeconds: dashboard.channels,
            peakAttempts: dashboard.peaks, quality: dashboard.quality.mapValues(QualityCounts.init)
                .filter { $0.value.attempts > 0 },
            liveSummary: try timer.time {
                try sql.counts(by: .customer, bucketSeconds: 3_600, from: hourNow - 23 * 3_600, to: hourNow + 3_600)
            },
            dailySummary: try timer.time {
                try sql.counts(by: .customer, bucketSeconds: 86_400, from: dayNow - 30 * 86_400, to: dayNow + 86_400)
            },
            carrierTotals: single(try timer.time {
                try sql.counts(by: .carrier, bucketSeconds: nil, from: hourNow - 23 * 3_600, to: hourNow + 3_600)
            }),
            customerTotals: single(try timer.time {
                try sql.counts(by: .customer, bucketSeconds: nil, from: hourNow - 23 * 3_600, to: hourNow + 3_600)
            }),
            last24Hours: single(try timer.time {
                try sql.counts(by: .network, bucketSeconds: nil, from: now - 86_400, to: now)
            }))
        return (figures, timer.finish())
    }

    /// One line per differing cell or total; empty when equal.
    func differences(from other: ClusterFigures) -> [String] {
        var lines: [String] = []
        func grid(_ name: String, _ mine: [Int64: [Int64: RollupCounts]], _ theirs: [Int64: [Int64: RollupCounts]]) {
            for id in Set(mine.keys).union(theirs.keys).sorted() {
                for bucket in Set((mine[id] ?? [:]).keys).union((theirs[id] ?? [:]).keys).sorted()
                where mine[id]?[bucket] != theirs[id]?[bucket] {
                    lines.append("\(name) customer \(id) bucket \(bucket): engine \(describe(mine[id]?[bucket])), "
                                 + "plain SQL \(describe(theirs[id]?[bucket]))")
                }
            }
        }
        func totals(_ name: String, _ mine: [Int64: RollupCounts], _ theirs: [Int64: RollupCounts]) {
            for id in Set(mine.keys).union(theirs.keys).sorted() where mine[id] != theirs[id] {
                lines.append("\(name) \(id): engine \(describe(mine[id])), plain SQL \(describe(theirs[id]))")
            }
        }
        totals("history minute", history, other.history)
        for bucket in Set(channelSeconds.keys).union(other.channelSeconds.keys).sorted()
        where channelSeconds[bucket] != other.channelSeconds[bucket] {
            lines.append("channel seconds \(bucket): engine \(channelSeconds[bucket] ?? 0), plain SQL \(other.channelSeconds[bucket] ?? 0)")
        }
        for bucket in Set(peakAttempts.keys).union(other.peakAttempts.keys).sorted()
        where peakAttempts[bucket] != other.peakAttempts[bucket] {
            lines.append("busiest second of \(bucket): engine \(peakAttempts[bucket] ?? 0), plain SQL \(other.peakAttempts[bucket] ?? 0)")
        }
        for id in Set(quality.keys).union(other.quality.keys).sorted() where quality[id] != other.quality[id] {
            lines.append("quality carrier \(id): engine \(String(describing: quality[id])), plain SQL \(String(describing: other.quality[id]))")
        }
        grid("summary live", liveSummary, other.liveSummary)
        grid("summary daily", dailySummary, other.dailySummary)
        totals("carrier", carrierTotals, other.carrierTotals)
        totals("customer", customerTotals, other.customerTotals)
        totals("last 24 h", last24Hours, other.last24Hours)
        return lines
    }

    private func describe(_ counts: RollupCounts?) -> String {
        guard let counts else { return "none" }
        return Counter.allCases.map { "\($0.name)=\(counts[$0])" }.joined(separator: " ")
    }

    /// What was compared, for the report.
    var extent: String {
        let cells = [liveSummary, dailySummary].map { $0.values.reduce(0) { $0 + $1.count } }
        let calls = last24Hours.values.reduce(0) { $0 + $1.attempts }
        return "\(history.count) minutes of history (figures, \(channelSeconds.count) of channel seconds, "
            + "\(peakAttempts.count) busiest seconds), \(quality.count) carriers' quality, "
            + "\(cells[0]) live and \(cells[1]) daily summary cells, \(carrierTotals.count) carriers, "
            + "\(customerTotals.count) customers, \(calls) calls in the last 24 h"
    }
}
