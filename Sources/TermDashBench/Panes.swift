import Foundation
import GRDB
import Metrics

/// The panes of one snapshot, in the order they are read and reported.
enum Pane: Int, CaseIterable {
    case dashboard, liveSummary, dailySummary, carrierTotals, customerTotals, last24Hours

    var label: String {
        switch self {
        case .dashboard: return "dashboard (counters, 400 s live, 25-row tables)"
        case .liveSummary: return "summary live (customers x 24 hours)"
        case .dailySummary: return "summary daily (customers x 31 days)"
        case .carrierTotals: return "totals per carrier, live period"
        case .customerTotals: return "totals per customer, live period"
        case .last24Hours: return "network figures, last 24 h"
        }
    }
}

/// A summary grid in a shape both sides build: one row per customer (id, name) with its counters per bucket.
struct Grid: Equatable {
    var buckets: [Int64]
    var rows: [GridRow]
}

struct GridRow: Equatable {
    var id: Int64
    var name: String
    var cells: [RollupCounts]
}

struct NamedCounts: Equatable {
    var name: String
    var counts: RollupCounts
}

/// The figures of every pane, as compared between the engine and plain SQL.
struct PaneFigures: Equatable {
    var dashboard: DashboardSnapshot
    var liveSummary: Grid
    var dailySummary: Grid
    var carrierTotals: [Int64: NamedCounts]
    var customerTotals: [Int64: NamedCounts]
    var last24Hours: [Int64: RollupCounts]
}

/// One timed pass over every pane: the whole set, and each pane.
struct PassTiming {
    var totalMilliseconds: Double
    var paneMilliseconds: [Double]
}

/// Times each pane of a pass, and the pass as a whole.
struct PassTimer {
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var panes: [Double] = []

    init() { started = clock.now }

    mutating func time<T>(_ body: () throws -> T) rethrows -> T {
        let start = clock.now
        let value = try body()
        panes.append(milliseconds(clock.now - start))
        return value
    }

    func finish() -> PassTiming { PassTiming(totalMilliseconds: milliseconds(clock.now - started), paneMilliseconds: panes) }
}

func milliseconds(_ duration: Duration) -> Double { seconds(duration) * 1_000 }

// MARK: - The engine

/// Every pane the engine serves today, through its public API at `now`.
enum EngineSnapshot {
    struct Result {
        var dashboard: DashboardSnapshot
        var live: SummaryGrid
        var daily: SummaryGrid
        var carriers: [FigureRow]
        var customers: [FigureRow]
        var last24Hours: [Int64: TrafficFigures]
    }

    static func take(store: Store, at now: Int64) throws -> (Result, PassTiming) {
        var timer = PassTimer()
        let engine = MetricsEngine(store: store)
        let result = Result(
            dashboard: try timer.time { try engine.dashboard(at: now, liveWindow: 400, tableRows: 25) },
            live: try timer.time { try engine.summary(.live, at: now) },
            daily: try timer.time { try engine.summary(.daily, at: now) },
            carriers: try timer.time { try engine.totals(.carrier, period: .live, at: now) },
            customers: try timer.time { try engine.totals(.customer, period: .live, at: now) },
            last24Hours: try timer.time { try engine.figures(from: now - 86_400, to: now) })
        return (result, timer.finish())
    }

    /// The engine's answer in the compared shape (outside the timed part).
    static func figures(of result: Result) -> PaneFigures {
        func grid(_ grid: SummaryGrid) -> Grid {
            Grid(buckets: grid.buckets,
                 rows: grid.rows.map { GridRow(id: $0.customerID, name: $0.name, cells: $0.cells.map(\.counts)) })
        }
        func totals(_ rows: [FigureRow]) -> [Int64: NamedCounts] {
            Dictionary(rows.map { ($0.id, NamedCounts(name: $0.name, counts: $0.figures.counts)) },
                       uniquingKeysWith: { first, _ in first })
        }
        return PaneFigures(
            dashboard: result.dashboard, liveSummary: grid(result.live), dailySummary: grid(result.daily),
            carrierTotals: totals(result.carriers), customerTotals: totals(result.customers),
            last24Hours: result.last24Hours.mapValues(\.counts))
    }
}

// MARK: - Plain SQL over the raw CDRs

/// The same figures from the `cdrs` table alone (no rollup, no occupancy table), with the definitions of
/// docs/schema.md written out in SQL: answered = answer_at IS NOT NULL AND billsec > 0; buckets are the UTC start
/// of the hour or day the call started in; an unknown customer or carrier is 0. The dashboard pane reads no rollup
/// in the engine either, so it is the engine's own queries.
enum PlainSQL {
    private static let answered = "(answer_at IS NOT NULL AND billsec > 0)"

    /// The 13 counters of RollupCounts, in its order.
    private static let aggregates = """
        COUNT(*),
        SUM(\(answered)),
        SUM(NOT \(answered) AND disposition = 'busy'),
        SUM(NOT \(answered) AND disposition IN ('answered', 'no_answer')),
        SUM(NOT \(answered) AND disposition IN ('failed', 'congestion')),
        SUM(CASE WHEN \(answered) THEN billsec ELSE 0 END),
        SUM(\(answered) AND dtmf_digits IS NOT NULL),
        SUM(CASE WHEN \(answered) AND dtmf_digits > 0 THEN 1 ELSE 0 END),
        SUM(CASE WHEN \(answered) THEN COALESCE(dtmf_digits, 0) ELSE 0 END),
        COALESCE(SUM(sell_micros), 0),
        COALESCE(SUM(buy_micros), 0),
        SUM(sell_micros IS NULL),
        SUM(buy_micros IS NULL)
        """

    private static func counts(_ row: Row, from first: Int) -> RollupCounts {
        var counts = RollupCounts()
        counts.attempts = row[first] ?? 0
        counts.answered = row[first + 1] ?? 0
        counts.busy = row[first + 2] ?? 0
        counts.noAnswer = row[first + 3] ?? 0
        counts.failed = row[first + 4] ?? 0
        counts.billsec = row[first + 5] ?? 0
        counts.dtmfKnown = row[first + 6] ?? 0
        counts.dtmfCalls = row[first + 7] ?? 0
        counts.dtmfDigits = row[first + 8] ?? 0
        counts.sellMicros = row[first + 9] ?? 0
        counts.buyMicros = row[first + 10] ?? 0
        counts.unratedSell = row[first + 11] ?? 0
        counts.unratedBuy = row[first + 12] ?? 0
        return counts
    }

    static func compute(store: Store, at now: Int64) throws -> (PaneFigures, PassTiming) {
        var timer = PassTimer()
        let hourNow = now - now % 3_600
        let dayNow = now - now % 86_400
        let figures = PaneFigures(
            dashboard: try timer.time { try store.read { try dashboard(at: now, path: store.path, in: $0) } },
            liveSummary: try timer.time {
                try store.read { try summary(bucketSeconds: 3_600, count: 24, current: hourNow, in: $0) }
            },
            dailySummary: try timer.time {
                try store.read { try summary(bucketSeconds: 86_400, count: 31, current: dayNow, in: $0) }
            },
            carrierTotals: try timer.time {
                try store.read {
                    try totals(column: "carrier_id", names: "carriers", from: hourNow - 23 * 3_600,
                               to: hourNow + 3_600, in: $0)
                }
            },
            customerTotals: try timer.time {
                try store.read {
                    try totals(column: "customer_id", names: "customers", from: hourNow - 23 * 3_600,
                               to: hourNow + 3_600, in: $0)
                }
            },
            last24Hours: try timer.time {
                try store.read { db in
                    let row = try Row.fetchOne(
                        db, sql: "SELECT \(aggregates) FROM cdrs WHERE start_at >= ? AND start_at < ?",
                        arguments: [now - 86_400, now])!
                    let total = counts(row, from: 0)
                    return total.attempts == 0 ? [:] : [0: total]
                }
            })
        return (figures, timer.finish())
    }

    /// Per customer and bucket: `count` buckets of `bucketSeconds`, the last one starting at `current`. Rows: every
    /// active customer, and every customer (or the unknown one) with calls in the period; sorted by name, then id.
    private static func summary(bucketSeconds size: Int64, count: Int, current: Int64, in db: Database) throws -> Grid {
        let buckets = (0..<Int64(count)).map { current - (Int64(count) - 1 - $0) * size }
        let rows = try Row.fetchAll(db, sql: """
            SELECT COALESCE(customer_id, 0), start_at - start_at % \(size), \(aggregates)
            FROM cdrs WHERE start_at >= ? AND start_at < ?
            GROUP BY 1, 2
            """, arguments: [buckets[0], current + size])
        var cells: [Int64: [Int64: RollupCounts]] = [:]
        for row in rows { cells[row[0], default: [:]][row[1]] = counts(row, from: 2) }
        let called = cells.keys.map(String.init).joined(separator: ",")
        var names: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT id, name FROM customers WHERE status = 'active' OR id IN (\(called.isEmpty ? "NULL" : called))
            """) { names[row[0]] = row[1] }
        if cells[0] != nil { names[0] = "(unknown customer)" }
        let gridRows = names.map { id, name in
            GridRow(id: id, name: name, cells: buckets.map { cells[id]?[$0] ?? RollupCounts() })
        }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        return Grid(buckets: buckets, rows: gridRows)
    }

    private static func totals(column: String, names table: String, from: Int64, to: Int64, in db: Database) throws
        -> [Int64: NamedCounts]
    {
        var names: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM \(table)") { names[row[0]] = row[1] }
        var result: [Int64: NamedCounts] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT COALESCE(\(column), 0), \(aggregates)
            FROM cdrs WHERE start_at >= ? AND start_at < ?
            GROUP BY 1
            """, arguments: [from, to])
        {
            let id: Int64 = row[0]
            result[id] = NamedCounts(name: names[id] ?? (id == 0 ? "(unknown)" : "#\(id)"), counts: counts(row, from: 1))
        }
        return result
    }

    /// The dashboard pane as the engine reads it (it uses no rollup): counters, channels in use per second of the
    /// last 400 s from finished CDRs and live calls, and the busiest and idlest 25 customers.
    private static func dashboard(at now: Int64, path: String, in db: Database) throws -> DashboardSnapshot {
        let row = try Row.fetchOne(db, sql: """
            SELECT (SELECT COUNT(*) FROM calls_in_progress),
                   (SELECT COALESCE(SUM(channels_configured), 0) FROM customers WHERE status = 'active'),
                   (SELECT COUNT(*) FROM customers WHERE status = 'active'),
                   (SELECT COUNT(*) FROM carriers),
                   (SELECT COUNT(*) FROM rate_cards)
            """)!
        let counters = Counters(liveChannels: row[0], configuredChannels: row[1], activeCustomers: row[2],
                                carriers: row[3], rateCards: row[4])
        let window = 400
        let first = now - Int64(window) + 1
        var delta = [Int](repeating: 0, count: window + 1)
        func occupy(_ start: Int64, _ end: Int64) {
            let from = max(start, first)
            let to = min(end, now + 1)
            guard from < to else { return }
            delta[Int(from - first)] += 1
            delta[Int(to - first)] -= 1
        }
        let finished = try Row.fetchCursor(
            db, sql: "SELECT start_at, end_at FROM cdrs WHERE end_at > ? AND start_at <= ?", arguments: [first, now])
        while let row = try finished.next() { occupy(row[0], row[1]) }
        let running = try Int64.fetchCursor(
            db, sql: "SELECT start_at FROM calls_in_progress WHERE start_at <= ?", arguments: [now])
        while let start = try running.next() { occupy(start, now + 1) }
        var series = [Int](repeating: 0, count: window)
        var level = 0
        for index in 0..<window {
            level += delta[index]
            series[index] = level
        }
        func channels(highestFirst: Bool) throws -> [ChannelUsage] {
            try Row.fetchAll(db, sql: """
                SELECT c.name, COALESCE(u.in_use, 0) AS in_use, c.channels_configured
                FROM customers c
                LEFT JOIN (SELECT customer_id, COUNT(*) AS in_use FROM calls_in_progress GROUP BY customer_id) u
                    ON u.customer_id = c.id
                WHERE \(highestFirst ? "COALESCE(u.in_use, 0) > 0" : "c.status = 'active'")
                ORDER BY in_use \(highestFirst ? "DESC" : "ASC"), c.name
                LIMIT 25
                """
            ).map { ChannelUsage(name: $0[0], inUse: $0[1], configured: $0[2]) }
        }
        return DashboardSnapshot(
            takenAt: Date(timeIntervalSince1970: TimeInterval(now)), counters: counters, liveChannels: series,
            topCustomers: try channels(highestFirst: true), bottomCustomers: try channels(highestFirst: false),
            storePath: path)
    }
}
