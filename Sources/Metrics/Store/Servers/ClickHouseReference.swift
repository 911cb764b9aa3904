import Metrics

/// `termdash-bench cluster`'s baseline: the figures of the summary, totals and network panes as plain SQL over the
/// raw CDR table on ClickHouse, written out from the raw columns (answer time, billed seconds, disposition) rather
/// than from the counters the writer splits, so the engine's reads are checked against an independent definition:
/// answered = an answer time and billsec > 0; `FINAL` so a CDR stored twice counts once, as the engine reads it.
public struct ClickHouseReference {
    private static let answered = "(answer_at != -1 AND billsec > 0)"

    /// The counters of `Counter`, in its order; money as Decimal128, which cannot wrap. (18.16 groups by names or
    /// expressions only, not by position.)
    private static let aggregates = """
        count(),
        sum(\(answered)),
        sum(NOT \(answered) AND disposition = 'busy'),
        sum(NOT \(answered) AND disposition IN ('answered', 'no_answer')),
        sum(NOT \(answered) AND disposition IN ('failed', 'congestion')),
        sum(if(\(answered), billsec, 0)),
        sum(\(answered) AND dtmf_known = 1),
        sum(\(answered) AND dtmf_digits > 0),
        sum(if(\(answered), dtmf_digits, 0)),
        sum(toDecimal128(sell_micros, 0)),
        sum(toDecimal128(buy_micros, 0)),
        sum(unrated_sell),
        sum(unrated_buy)
        """

    /// What a figure is grouped by besides its time bucket.
    public enum Key: Sendable {
        case customer, carrier, network

        var column: String {
            switch self {
            case .customer: return "customer_id"
            case .carrier: return "carrier_id"
            case .network: return "toInt64(0)"
            }
        }
    }

    private let store: ServerStore

    public init(store: ServerStore) { self.store = store }

    /// The counters per key and per bucket of `bucketSeconds` (the bucket's UTC start) of the calls started in
    /// [from, to); `bucketSeconds` nil: one bucket, keyed `from`.
    public func counts(by key: Key, bucketSeconds: Int64?, from: Int64, to: Int64) throws
        -> [Int64: [Int64: RollupCounts]]
    {
        let bucket = bucketSeconds.map { "intDiv(start_at, \($0)) * \($0)" } ?? "toInt64(\(from))"
        let node = store.clickhouse[0]
        var result: [Int64: [Int64: RollupCounts]] = [:]
        for row in try node.rows("""
            SELECT \(key.column) AS k0, \(bucket) AS k1, \(Self.aggregates)
            FROM \(store.cdrTable) FINAL WHERE start_at >= \(from) AND start_at < \(to)
            GROUP BY k0, k1
            """) {
            guard row.count == 2 + Counter.allCases.count else {
                throw ServerStoreError.refused(server: node.server, answer: "a row of \(row.count) columns")
            }
            let numbers = try row.map { field -> Int64 in
                // Decimal sums may print a scale (".0").
                guard let value = Int64(field.split(separator: ".").first ?? field) else {
                    throw ServerStoreError.overflow(server: node.server, what: "a plain-SQL figure (\(field))")
                }
                return value
            }
            result[numbers[0], default: [:]][numbers[1]] = RollupCounts(Array(numbers.dropFirst(2)))
        }
        return result
    }

    /// Seconds of channel occupancy per bucket of `step` (its UTC start) over [from, to): each CDR's [start, end)
    /// cut to every bucket it spans. Buckets without a call are left out.
    public func channelSeconds(step: Int64, from: Int64, to: Int64) throws -> [Int64: Int64] {
        // 18.16's range() takes one argument: a call's buckets are its first plus 0, 1, … steps.
        try pairs("""
            SELECT b, sum(least(end_at, b + \(step)) - greatest(start_at, b)) FROM (
                SELECT start_at, end_at, arrayJoin(arrayMap(i -> (first + toInt64(i)) * \(step),
                    range(toUInt64(intDiv(least(end_at, \(to)) - 1, \(step)) - first + 1)))) AS b
                FROM (SELECT start_at, end_at, intDiv(greatest(start_at, \(from)), \(step)) AS first
                      FROM \(store.cdrTable) FINAL WHERE start_at < \(to) AND end_at > \(from) AND end_at > start_at))
            GROUP BY b
            """)
    }

    /// The attempts of the busiest second of each bucket of `step` over [from, to). Buckets without a call are
    /// left out.
    public func peakAttempts(step: Int64, from: Int64, to: Int64) throws -> [Int64: Int64] {
        try pairs("""
            SELECT intDiv(start_at, \(step)) * \(step) AS b, max(n) FROM (
                SELECT start_at, count() AS n FROM \(store.cdrTable) FINAL
                WHERE start_at >= \(from) AND start_at < \(to) GROUP BY start_at)
            GROUP BY b
            """)
    }

    private func pairs(_ sql: String) throws -> [Int64: Int64] {
        let node = store.clickhouse[0]
        var result: [Int64: Int64] = [:]
        for row in try node.rows(sql) {
            guard row.count == 2, let key = Int64(row[0]), let value = Int64(row[1]) else {
                throw ServerStoreError.refused(server: node.server, answer: "unexpected row \(row)")
            }
            result[key] = value
        }
        return result
    }

    /// The CDRs stored (each once).
    public func storedCDRs() throws -> Int64 {
        let rows = try store.clickhouse[0].rows("SELECT count() FROM \(store.cdrTable) FINAL")
        return rows.first.flatMap { Int64($0[0]) } ?? 0
    }
}
