import GRDB

/// Per-group traffic shapes the rollups do not keep (peak second, concurrency, registrations per customer,
/// carrier or DID), counted from the CDRs of the interval and the live tables. Exact; the cost grows with the
/// calls in the interval, so the monitor asks for short windows.
extension MetricsEngine {
    /// CPS per group over [from, to): mean attempts per second and the busiest second (earliest on a tie).
    public func cps(from: Int64, to: Int64, groupedBy grouping: FigureGrouping) throws -> [Int64: CPSFigures] {
        guard from < to else { return [:] }
        return try store.read { db in
            var totals: [Int64: Int64] = [:]
            var peaks: [Int64: (second: Int64, attempts: Int64)] = [:]
            try FastRows.forEach(db, sql: """
                SELECT \(grouping.cdrColumn), start_at, COUNT(*) FROM cdrs
                WHERE start_at >= ? AND start_at < ? GROUP BY 1, 2
                """, arguments: [from, to]) { row in
                let group = row.int(0)
                let second = row.int(1)
                let attempts = row.int(2)
                totals[group, default: 0] += attempts
                if let peak = peaks[group], peak.attempts > attempts || (peak.attempts == attempts && peak.second < second) {
                    return
                }
                peaks[group] = (second, attempts)
            }
            var result: [Int64: CPSFigures] = [:]
            for (group, total) in totals {
                result[group] = CPSFigures(average: Double(total) / Double(to - from), peak: peaks[group]?.attempts ?? 0,
                                           peakSecond: peaks[group]?.second)
            }
            return result
        }
    }

    /// Average channels in use per group and bucket of `step` seconds over [from, to): every call that overlaps
    /// a bucket adds the seconds it held a channel there ([start, end), calls in progress up to `now`).
    public func channelHistory(from: Int64, to: Int64, step: Int64, now: Int64, groupedBy grouping: FigureGrouping)
        throws -> [Int64: [SeriesPoint]]
    {
        guard from < to, step > 0 else { return [:] }
        return try store.read { db in
            let count = Int((to - from + step - 1) / step)
            var seconds: [Int64: [Int64]] = [:]
            func occupy(_ group: Int64, _ start: Int64, _ end: Int64) {
                var cursor = max(start, from)
                let stop = min(end, to)
                guard cursor < stop else { return }
                var buckets = seconds[group] ?? [Int64](repeating: 0, count: count)
                while cursor < stop {
                    let index = Int((cursor - from) / step)
                    let bucketEnd = from + Int64(index + 1) * step
                    buckets[index] += min(stop, bucketEnd) - cursor
                    cursor = bucketEnd
                }
                seconds[group] = buckets
            }
            try FastRows.forEach(db, sql: """
                SELECT \(grouping.cdrColumn), start_at, end_at FROM cdrs WHERE end_at > ? AND start_at < ?
                """, arguments: [from, to]) { row in occupy(row.int(0), row.int(1), row.int(2)) }
            try FastRows.forEach(db, sql: """
                SELECT \(grouping.cdrColumn), start_at FROM calls_in_progress WHERE start_at < ?
                """, arguments: [min(now, to)]) { row in occupy(row.int(0), row.int(1), now) }
            return seconds.mapValues { buckets in
                buckets.enumerated().map { SeriesPoint(bucket: from + Int64($0) * step, value: Double($1) / Double(step)) }
            }
        }
    }

    /// Registrations held now, per customer (0: endpoints of no known customer).
    public func registrationsByCustomer() throws -> [Int64: Int] {
        try store.read { db in
            var result: [Int64: Int] = [:]
            try FastRows.forEach(db, sql: "SELECT COALESCE(customer_id, 0), COUNT(*) FROM registrations GROUP BY 1",
                                 arguments: []) { row in result[row.int(0)] = Int(row.int(1)) }
            return result
        }
    }
}

extension MetricsEngine {
    /// Channels in use now (calls in progress) per customer, carrier or DID; `.total` gives one count under 0.
    public func channelsInUse(groupedBy grouping: FigureGrouping) throws -> [Int64: Int] {
        try store.read { db in
            var result: [Int64: Int] = [:]
            try FastRows.forEach(db, sql: "SELECT \(grouping.cdrColumn), COUNT(*) FROM calls_in_progress GROUP BY 1",
                                 arguments: []) { row in result[row.int(0)] = Int(row.int(1)) }
            return result
        }
    }
}
