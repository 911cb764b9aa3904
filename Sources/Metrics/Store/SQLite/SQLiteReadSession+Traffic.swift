import GRDB

/// The rollups, the per-second and per-minute aggregates and the registration samples, read with `FastRows`: each
/// query is a range scan of a table's primary key (or of `cdrs_by_start` for the calls themselves).
extension SQLiteReadSession: TrafficReading {
    func rollupCounts(
        _ level: TimeBucket, by grouping: FigureGrouping, buckets: Range<Int64>, counters: [Counter],
        _ visit: (_ bucket: Int64, _ group: Int64, _ counts: RollupCounts) -> Void
    ) throws {
        guard let (table, column) = grouping.rollup(level) else { return }
        let (filter, arguments) = Self.rollupRange(buckets, grouping)
        let sql = "SELECT bucket, \(column)\(Self.list(counters.map(\.column))) FROM \(table.name) WHERE \(filter)"
        let all = counters == Counter.allCases
        try FastRows.forEach(db, sql: sql, arguments: arguments) { row in
            visit(row.int(0), row.int(1), all ? row.counts(from: 2) : Self.decode(counters, row, from: 2))
        }
    }

    func rollupTotals(_ level: TimeBucket, by grouping: FigureGrouping, buckets: Range<Int64>, counters: [Counter])
        throws -> [Int64: RollupCounts]
    {
        guard let (table, column) = grouping.rollup(level) else { return [:] }
        // Rows are added up here rather than grouped in SQL: the key is (bucket, group), so a GROUP BY on the group
        // would sort first.
        let (filter, arguments) = Self.rollupRange(buckets, grouping)
        let sql = "SELECT \(column)\(Self.list(counters.map(\.column))) FROM \(table.name) WHERE \(filter)"
        var sums = SumsByID<RollupCounts>()
        if counters == Counter.allCases {
            try FastRows.forEach(db, sql: sql, arguments: arguments) { row in sums[row.int(0)] += row.counts(from: 1) }
        } else {
            try FastRows.forEach(db, sql: sql, arguments: arguments) { row in
                sums[row.int(0)] += Self.decode(counters, row, from: 1)
            }
        }
        return sums.dictionary
    }

    func callCounts(by grouping: FigureGrouping, starts: Range<Int64>, counters: [Counter]) throws
        -> [Int64: RollupCounts]
    {
        var arguments = [starts.lowerBound, starts.upperBound]
        var filter = ""
        if let customer = grouping.customerFilter {
            filter = " AND COALESCE(customer_id, 0) = ?"
            arguments.append(customer)
        }
        // The same definitions as RollupCounts.add, in SQL.
        let sql = """
            SELECT \(grouping.callColumn)\(Self.list(counters.map(Self.rawAggregate)))
            FROM (SELECT *, (answer_at IS NOT NULL AND billsec > 0) AS answered FROM cdrs
                  WHERE start_at >= ? AND start_at < ?\(filter))
            GROUP BY 1
            """
        let all = counters == Counter.allCases
        var result: [Int64: RollupCounts] = [:]
        try FastRows.forEach(db, sql: sql, arguments: arguments) { row in
            result[row.int(0), default: .zero] += all ? row.counts(from: 1) : Self.decode(counters, row, from: 1)
        }
        return result
    }

    func secondTotals(_ seconds: Range<Int64>, counters: [Counter]) throws -> RollupCounts? {
        var sums: RollupCounts?
        // A row without attempts holds only the calls that ended in its second.
        let sql = """
            SELECT 0\(Self.list(counters.map(\.column))) FROM rollup_network_second
            WHERE bucket >= ? AND bucket < ? AND attempts > 0
            """
        try FastRows.forEach(db, sql: sql, arguments: [seconds.lowerBound, seconds.upperBound]) { row in
            sums = (sums ?? RollupCounts()) + Self.decode(counters, row, from: 1)
        }
        return sums
    }

    func networkBuckets(_ level: TimeBucket, buckets: Range<Int64>) throws -> [NetworkBucket] {
        guard NetworkRollup.levels.contains(level) else { return [] }
        let counters = RollupTable.counterColumns.joined(separator: ", ")
        let extra = Int32(1 + Counter.allCases.count)
        var result: [NetworkBucket] = []
        try FastRows.forEach(db, sql: """
            SELECT bucket, \(counters), peak_attempts, peak_second, channel_seconds
            FROM \(NetworkRollup.name(level)) WHERE bucket >= ? AND bucket < ?
            """, arguments: [buckets.lowerBound, buckets.upperBound]) { row in
            result.append(NetworkBucket(
                bucket: row.int(0), counts: row.counts(from: 1), peakAttempts: row.int(extra),
                peakSecond: row.isNull(extra + 1) ? nil : row.int(extra + 1), channelSeconds: row.int(extra + 2)))
        }
        return result
    }

    func attemptsPerSecond(_ seconds: Range<Int64>, _ visit: (_ second: Int64, _ attempts: Int64) -> Void) throws {
        try FastRows.forEach(db, sql: """
            SELECT second, attempts FROM attempts_per_second WHERE second >= ? AND second < ?
            """, arguments: [seconds.lowerBound, seconds.upperBound]) { row in visit(row.int(0), row.int(1)) }
    }

    func callAttempts(
        by grouping: FigureGrouping, seconds: Range<Int64>,
        _ visit: (_ group: Int64, _ second: Int64, _ attempts: Int64) -> Void
    ) throws {
        var arguments = [seconds.lowerBound, seconds.upperBound]
        let sql: String
        switch grouping {
        case .total:
            // Grouped by the start alone, so the scan of `cdrs_by_start` comes out grouped without a sort.
            sql = "SELECT 0, start_at, COUNT(*) FROM cdrs WHERE start_at >= ? AND start_at < ? GROUP BY start_at"
        default:
            var filter = ""
            if let customer = grouping.customerFilter {
                filter = " AND COALESCE(customer_id, 0) = ?"
                arguments.append(customer)
            }
            sql = """
                SELECT \(grouping.callColumn), start_at, COUNT(*) FROM cdrs
                WHERE start_at >= ? AND start_at < ?\(filter) GROUP BY 1, 2
                """
        }
        try FastRows.forEach(db, sql: sql, arguments: arguments) { row in visit(row.int(0), row.int(1), row.int(2)) }
    }

    func channelSeconds(minutes: Range<Int64>, _ visit: (_ minute: Int64, _ seconds: Int64) -> Void) throws {
        try FastRows.forEach(db, sql: """
            SELECT minute, channel_seconds FROM channel_seconds_per_minute WHERE minute >= ? AND minute < ?
            """, arguments: [minutes.lowerBound, minutes.upperBound]) { row in visit(row.int(0), row.int(1)) }
    }

    func registrationSamples(
        minutes: Range<Int64>, _ visit: (_ minute: Int64, _ registrations: Int64) -> Void
    ) throws {
        // A range scan of the key: SQLite would sort for a GROUP BY on a computed bucket.
        try FastRows.forEach(db, sql: """
            SELECT minute, registrations FROM registration_samples WHERE minute >= ? AND minute < ?
            """, arguments: [minutes.lowerBound, minutes.upperBound]) { row in visit(row.int(0), row.int(1)) }
    }

    func registrationSample(before minute: Int64) throws -> Int64? {
        var value: Int64?
        try FastRows.forEach(db, sql: """
            SELECT registrations FROM registration_samples WHERE minute < ? ORDER BY minute DESC LIMIT 1
            """, arguments: [minute]) { row in value = row.int(0) }
        return value
    }

    /// The condition on a rollup's key for the buckets of `range` (and the one customer of a crossed breakdown),
    /// with its arguments.
    private static func rollupRange(_ range: Range<Int64>, _ grouping: FigureGrouping) -> (String, [Int64]) {
        if let customer = grouping.customerFilter {
            return ("customer_id = ? AND bucket >= ? AND bucket < ?", [customer, range.lowerBound, range.upperBound])
        }
        return ("bucket >= ? AND bucket < ?", [range.lowerBound, range.upperBound])
    }

    /// ", a, b, c" (nothing for no column): the columns after a query's key.
    private static func list(_ columns: [String]) -> String {
        columns.map { ", " + $0 }.joined()
    }

    /// Reads `counters` from the columns starting at `column`, in their order; the other counters stay 0.
    private static func decode(_ counters: [Counter], _ row: FastRows.Cursor, from column: Int32) -> RollupCounts {
        var counts = RollupCounts()
        for (offset, counter) in counters.enumerated() { counts[counter] = row.int(column + Int32(offset)) }
        return counts
    }

    /// Each counter over raw CDRs, with the definitions of `RollupCounts.add` in SQL (`answered` is computed by the
    /// query that uses them).
    private static func rawAggregate(_ counter: Counter) -> String {
        switch counter {
        case .attempts: return "COUNT(*)"
        case .answered: return "SUM(answered)"
        case .busy: return "SUM(NOT answered AND disposition = 'busy')"
        case .noAnswer: return "SUM(NOT answered AND disposition IN ('answered', 'no_answer'))"
        case .failed: return "SUM(NOT answered AND disposition IN ('failed', 'congestion'))"
        case .billsec: return "SUM(CASE WHEN answered THEN billsec ELSE 0 END)"
        case .dtmfKnown: return "SUM(answered AND dtmf_digits IS NOT NULL)"
        case .dtmfCalls: return "SUM(answered AND dtmf_digits > 0)"
        case .dtmfDigits: return "SUM(CASE WHEN answered THEN COALESCE(dtmf_digits, 0) ELSE 0 END)"
        case .sellMicros: return "COALESCE(SUM(sell_micros), 0)"
        case .buyMicros: return "COALESCE(SUM(buy_micros), 0)"
        case .unratedSell: return "SUM(sell_micros IS NULL)"
        case .unratedBuy: return "SUM(buy_micros IS NULL)"
        }
    }
}
