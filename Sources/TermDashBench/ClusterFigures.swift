import Metrics
import ServerStore
import SQLiteReference

/// The figures `termdash-bench cluster` compares between the engine over the servers store and plain SQL over the
/// raw ClickHouse table: the counters of the summary grids, the totals and the last 24 h, keyed by the customer's
/// or carrier's id and the bucket's start (names are PostgreSQL's, not the CDR table's; cells without a call are
/// left out on both sides). The dashboard pane is timed in the snapshot but not compared here.
struct ClusterFigures: Equatable {
    var liveSummary: [Int64: [Int64: RollupCounts]]
    var dailySummary: [Int64: [Int64: RollupCounts]]
    var carrierTotals: [Int64: RollupCounts]
    var customerTotals: [Int64: RollupCounts]
    var last24Hours: [Int64: RollupCounts]

    /// The panes of the plain-SQL pass, in its order (the snapshot's without the dashboard).
    static let panes: [Pane] = [.liveSummary, .dailySummary, .carrierTotals, .customerTotals, .last24Hours]

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
        liveSummary = cells(engine.liveSummary)
        dailySummary = cells(engine.dailySummary)
        carrierTotals = engine.carrierTotals.mapValues(\.counts).filter { $0.value != RollupCounts() }
        customerTotals = engine.customerTotals.mapValues(\.counts).filter { $0.value != RollupCounts() }
        last24Hours = engine.last24Hours.filter { $0.value != RollupCounts() }
    }

    private init(liveSummary: [Int64: [Int64: RollupCounts]], dailySummary: [Int64: [Int64: RollupCounts]],
                 carrierTotals: [Int64: RollupCounts], customerTotals: [Int64: RollupCounts],
                 last24Hours: [Int64: RollupCounts]) {
        self.liveSummary = liveSummary
        self.dailySummary = dailySummary
        self.carrierTotals = carrierTotals
        self.customerTotals = customerTotals
        self.last24Hours = last24Hours
    }

    /// One timed pass of plain SQL over the raw CDRs, with the periods the engine's panes show at `now`: customers
    /// × 24 hours and × 31 days, per carrier and per customer over the live period (the last 24 hours to the end
    /// of the current one), and the network over [now − 24 h, now).
    static func plainSQL(_ sql: ClickHouseReference, at now: Int64) throws -> (ClusterFigures, PassTiming) {
        var timer = PassTimer()
        let hourNow = now - now % 3_600
        let dayNow = now - now % 86_400
        func single(_ keyed: [Int64: [Int64: RollupCounts]]) -> [Int64: RollupCounts] {
            keyed.compactMapValues(\.values.first).filter { $0.value != RollupCounts() }
        }
        let figures = ClusterFigures(
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
        return "\(cells[0]) live and \(cells[1]) daily summary cells, \(carrierTotals.count) carriers, "
            + "\(customerTotals.count) customers, \(calls) calls in the last 24 h"
    }
}
