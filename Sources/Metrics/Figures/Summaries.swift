import Foundation
import GRDB

/// The summary periods of the portal: Live (the last 24 hours by hour), Daily (the last 31 days) and Monthly
/// (the last 12 months), all in UTC.
public enum SummaryPeriod: String, Sendable, CaseIterable {
    case live, daily, monthly

    public var level: TimeBucket {
        switch self {
        case .live: return .hour
        case .daily: return .day
        case .monthly: return .month
        }
    }

    public var bucketCount: Int {
        switch self {
        case .live: return 24
        case .daily: return 31
        case .monthly: return 12
        }
    }

    /// Bucket starts, oldest first, ending with the bucket that contains `now`.
    public func buckets(endingAt now: Int64) -> [Int64] {
        var starts = [level.start(of: now)]
        while starts.count < bucketCount {
            starts.insert(level.start(of: starts[0] - 1), at: 0)
        }
        return starts
    }
}

/// A summary grid: one row per customer, one cell per bucket, each cell keeping its numerators and denominators.
public struct SummaryGrid: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var customerID: Int64
        public var name: String
        public var cells: [TrafficFigures]

        public var total: TrafficFigures { cells.reduce(TrafficFigures(), +) }
    }

    public var period: SummaryPeriod
    /// UTC bucket starts, oldest first.
    public var buckets: [Int64]
    public var rows: [Row]
}

/// Totals over a period for one customer, carrier or the whole network.
public struct FigureRow: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var figures: TrafficFigures
}

extension MetricsEngine {
    /// The summary grid of `period` ending at `now`: every customer that is active or had calls in it.
    public func summary(_ period: SummaryPeriod, at now: Int64) throws -> SummaryGrid {
        let buckets = period.buckets(endingAt: now)
        return try store.read { db in
            let end = period.level.next(after: now)
            var cells: [Int64: [Int64: TrafficFigures]] = [:]
            let sql = """
                SELECT customer_id, bucket, \(RollupTable.counterColumns.joined(separator: ", "))
                FROM \(RollupTable.customer(period.level).name) WHERE bucket >= ? AND bucket < ?
                """
            try FastRows.forEach(db, sql: sql, arguments: [buckets[0], end]) { row in
                cells[row.int(0), default: [:]][row.int(1), default: TrafficFigures()] += TrafficFigures(row.counts(from: 2))
            }
            var names = Dictionary(uniqueKeysWithValues: try GRDB.Row.fetchAll(
                db, sql: "SELECT id, name FROM customers WHERE status = 'active' OR id IN (\(cells.keys.map(String.init).joined(separator: ",").nilIfEmpty ?? "NULL"))"
            ).map { ($0[0] as Int64, $0[1] as String) })
            if cells[0] != nil { names[0] = "(unknown customer)" }
            let gridRows = names.map { id, name in
                SummaryGrid.Row(customerID: id, name: name,
                                cells: buckets.map { cells[id]?[$0] ?? TrafficFigures() })
            }.sorted { ($0.name, $0.customerID) < ($1.name, $1.customerID) }
            return SummaryGrid(period: period, buckets: buckets, rows: gridRows)
        }
    }

    /// Totals per customer or carrier (or one network total) over the buckets of `period` ending at `now`.
    public func totals(_ grouping: FigureGrouping, period: SummaryPeriod, at now: Int64) throws -> [FigureRow] {
        let from = period.buckets(endingAt: now)[0]
        let to = period.level.next(after: now)
        return try store.read { db in
            let figures = try self.figures(from: from, to: to, groupedBy: grouping, in: db)
            let names: [Int64: String]
            switch grouping {
            case .total: names = [0: "all"]
            case .customer:
                names = Dictionary(uniqueKeysWithValues: try GRDB.Row.fetchAll(db, sql: "SELECT id, name FROM customers")
                    .map { ($0[0] as Int64, $0[1] as String) })
            case .carrier:
                names = Dictionary(uniqueKeysWithValues: try GRDB.Row.fetchAll(db, sql: "SELECT id, name FROM carriers")
                    .map { ($0[0] as Int64, $0[1] as String) })
            case .did:
                names = Dictionary(uniqueKeysWithValues: try GRDB.Row.fetchAll(db, sql: "SELECT id, number FROM dids")
                    .map { ($0[0] as Int64, $0[1] as String) })
            }
            return figures.map { id, figures in
                FigureRow(id: id, name: names[id] ?? (id == 0 ? "(unknown)" : "#\(id)"), figures: figures)
            // Busiest first; ties by name.
            }.sorted { ($0.figures.attempts, $1.name) > ($1.figures.attempts, $0.name) }
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
