import Foundation
import GRDB

/// How figures are broken down.
public enum FigureGrouping: Sendable {
    /// One total, under key 0.
    case total
    /// By customer id (0: unknown customer).
    case customer
    /// By carrier id (0: unknown carrier).
    case carrier
    /// By DID id (0: no DID). No rollup keeps DIDs: these figures are counted from the CDRs of the interval.
    case did

    /// The finest rollup level that keeps this breakdown: minutes are kept per carrier only; DIDs not at all.
    var finestLevel: TimeBucket? {
        switch self {
        case .total, .carrier: return .minute
        case .customer: return .hour
        case .did: return nil
        }
    }

    fileprivate var rollupColumn: String {
        switch self {
        case .total: return "0"
        case .customer: return "customer_id"
        case .carrier: return "carrier_id"
        case .did: return "0"  // never used: no rollup for DIDs
        }
    }

    /// The rollup that answers this breakdown at `level`: the network total is the sum over carriers.
    fileprivate func table(_ level: TimeBucket) -> RollupTable {
        self == .customer ? .customer(level) : .carrier(level)
    }

    var cdrColumn: String {
        switch self {
        case .total: return "0"
        case .customer: return "COALESCE(customer_id, 0)"
        case .carrier: return "COALESCE(carrier_id, 0)"
        case .did: return "COALESCE(did_id, 0)"
        }
    }
}

/// Which rollup counters a figure reads.
enum CounterSet {
    /// All 13.
    case all
    /// What ASR, ACD and DTMF need: attempts, answered, billsec and the three DTMF counters.
    case quality

    var columns: [String] {
        switch self {
        case .all: return RollupTable.counterColumns
        case .quality: return ["attempts", "answered", "billsec", "dtmf_known", "dtmf_calls", "dtmf_digits"]
        }
    }

    /// The counters in `columns` order, from `column` on; the others 0.
    func decode(_ row: FastRows.Cursor, from column: Int32) -> RollupCounts {
        switch self {
        case .all: return row.counts(from: column)
        case .quality:
            var counts = RollupCounts()
            counts.attempts = row.int(column)
            counts.answered = row.int(column + 1)
            counts.billsec = row.int(column + 2)
            counts.dtmfKnown = row.int(column + 3)
            counts.dtmfCalls = row.int(column + 4)
            counts.dtmfDigits = row.int(column + 5)
            return counts
        }
    }

    /// Each counter over raw CDRs, with the definitions of `RollupCounts.add` in SQL (`answered` is computed by the
    /// query that uses them).
    static let rawAggregate: [String: String] = [
        "attempts": "COUNT(*)",
        "answered": "SUM(answered)",
        "busy": "SUM(NOT answered AND disposition = 'busy')",
        "no_answer": "SUM(NOT answered AND disposition IN ('answered', 'no_answer'))",
        "failed": "SUM(NOT answered AND disposition IN ('failed', 'congestion'))",
        "billsec": "SUM(CASE WHEN answered THEN billsec ELSE 0 END)",
        "dtmf_known": "SUM(answered AND dtmf_digits IS NOT NULL)",
        "dtmf_calls": "SUM(answered AND dtmf_digits > 0)",
        "dtmf_digits": "SUM(CASE WHEN answered THEN COALESCE(dtmf_digits, 0) ELSE 0 END)",
        "sell_micros": "COALESCE(SUM(sell_micros), 0)",
        "buy_micros": "COALESCE(SUM(buy_micros), 0)",
        "unrated_sell": "SUM(sell_micros IS NULL)",
        "unrated_buy": "SUM(buy_micros IS NULL)",
    ]
}

/// A piece of an interval and where its figures come from.
enum IntervalPiece: Equatable {
    /// Whole buckets of a rollup level, [from, to).
    case rollup(TimeBucket, from: Int64, to: Int64)
    /// Raw CDRs whose start is in [from, to): the ragged edges of an interval that is not bucket-aligned.
    case raw(from: Int64, to: Int64)
}

extension MetricsEngine {
    /// Figures of the calls that started in [from, to), exact for any interval: whole buckets come from the
    /// coarsest rollups that fit, the ragged edges (less than one finest bucket each) from the CDRs themselves.
    public func figures(from: Int64, to: Int64, groupedBy grouping: FigureGrouping = .total) throws
        -> [Int64: TrafficFigures]
    {
        try store.read { db in try figures(from: from, to: to, groupedBy: grouping, in: db) }
    }

    /// - Parameter counters: which counters to read; the others stay 0 (`.quality` reads 6 of the 13 columns, which
    ///   is most of the cost of a rollup row).
    func figures(from: Int64, to: Int64, groupedBy grouping: FigureGrouping, counters: CounterSet = .all,
                 in db: Database) throws -> [Int64: TrafficFigures]
    {
        var sums = SumsByID<RollupCounts>()
        // Minute rollups are pruned after the retention: older intervals start at the hour level.
        let horizon = retention.minuteHorizon(at: Int64(Date().timeIntervalSince1970))
        let pieces: [IntervalPiece]
        if let level = grouping.finestLevel {
            pieces = Self.pieces(from: from, to: to, finest: level == .minute && from < horizon ? .hour : level)
        } else {
            pieces = from < to ? [.raw(from: from, to: to)] : []
        }
        for piece in pieces {
            switch piece {
            case .rollup(let level, let start, let end):
                // Rows are added up here rather than grouped in SQL: the key is (bucket, dimension), so a GROUP BY
                // on the dimension would sort first.
                let sql = """
                    SELECT \(grouping.rollupColumn), \(counters.columns.joined(separator: ", "))
                    FROM \(grouping.table(level).name) WHERE bucket >= ? AND bucket < ?
                    """
                try FastRows.forEach(db, sql: sql, arguments: [start, end]) { row in
                    sums[row.int(0)] += counters.decode(row, from: 1)
                }
            case .raw(let start, let end):
                // The same definitions as RollupCounts.add, in SQL.
                let sql = """
                    SELECT \(grouping.cdrColumn), \(counters.columns.map { CounterSet.rawAggregate[$0]! }.joined(separator: ", "))
                    FROM (SELECT *, (answer_at IS NOT NULL AND billsec > 0) AS answered FROM cdrs
                          WHERE start_at >= ? AND start_at < ?)
                    GROUP BY 1
                    """
                try FastRows.forEach(db, sql: sql, arguments: [start, end]) { row in
                    sums[row.int(0)] += counters.decode(row, from: 1)
                }
            }
        }
        return sums.dictionary.mapValues(TrafficFigures.init)
    }

    /// Splits [from, to) into raw edges and runs of whole buckets, coarsest level first, so that a month is one
    /// rollup row per group rather than 44,640 minute rows.
    static func pieces(from: Int64, to: Int64, finest: TimeBucket) -> [IntervalPiece] {
        guard from < to else { return [] }
        let alignedFrom = finest.start(of: from) == from ? from : finest.next(after: from)
        let alignedTo = finest.start(of: to)
        // Both ends inside one bucket: no whole bucket between them.
        guard alignedFrom <= alignedTo else { return [.raw(from: from, to: to)] }
        var pieces: [IntervalPiece] = []
        if from < alignedFrom { pieces.append(.raw(from: from, to: alignedFrom)) }
        let levels = TimeBucket.allCases.reversed().filter { $0.rank >= finest.rank }
        var cursor = alignedFrom
        while cursor < alignedTo {
            // The coarsest bucket that starts here and ends inside the interval; consecutive ones merge.
            let level = levels.first { $0.start(of: cursor) == cursor && $0.next(after: cursor) <= alignedTo } ?? finest
            let end = level.next(after: cursor)
            if case .rollup(let previous, let start, cursor)? = pieces.last, previous == level {
                pieces[pieces.count - 1] = .rollup(level, from: start, to: end)
            } else {
                pieces.append(.rollup(level, from: cursor, to: end))
            }
            cursor = end
        }
        if alignedTo < to { pieces.append(.raw(from: alignedTo, to: to)) }
        return pieces
    }
}

extension TimeBucket {
    /// minute 0 … month 3: how coarse a level is.
    var rank: Int { TimeBucket.allCases.firstIndex(of: self)! }
}
