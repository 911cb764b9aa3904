/// Per-group traffic shapes the rollups do not keep (peak second, concurrency, registrations per customer,
/// carrier or DID), counted from the CDRs of the interval and the live tables. Exact; the cost grows with the
/// calls in the interval, so the monitor asks for short windows.
extension MetricsEngine {
    /// CPS per group over [from, to): mean attempts per second and the busiest second (earliest on a tie).
    public func cps(from: Int64, to: Int64, groupedBy grouping: FigureGrouping) throws -> [Int64: CPSFigures] {
        guard from < to else { return [:] }
        return try store.read { session in
            var totals: [Int64: Int64] = [:]
            var peaks: [Int64: BusiestSecond] = [:]
            try session.callAttempts(by: grouping, seconds: from..<to) { group, second, attempts in
                totals[group, default: 0] += attempts
                peaks[group, default: .none].merge(BusiestSecond(attempts: attempts, second: second))
            }
            return totals.reduce(into: [:]) { result, entry in
                result[entry.key] = CPSFigures(attempts: entry.value, seconds: to - from,
                                               busiest: peaks[entry.key] ?? .none)
            }
        }
    }

    /// Average channels in use per group and bucket of `step` seconds over [from, to): every call that overlaps
    /// a bucket adds the seconds it held a channel there ([start, end), calls in progress up to `now`).
    public func channelHistory(from: Int64, to: Int64, step: Int64, now: Int64, groupedBy grouping: FigureGrouping)
        throws -> [Int64: [SeriesPoint]]
    {
        guard from < to, step > 0 else { return [:] }
        return try store.read { session in
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
            try session.finishedCalls(overlapping: from..<to, by: grouping) { group, start, end in
                occupy(group, start, end)
            }
            for call in try session.callsInProgress() where call.start < min(now, to) {
                if let group = grouping.group(of: call) { occupy(group, call.start, now) }
            }
            return seconds.mapValues { buckets in
                buckets.enumerated().map {
                    SeriesPoint(bucket: from + Int64($0) * step,
                                value: Occupancy(channelSeconds: $1, seconds: step).averageChannels)
                }
            }
        }
    }

    /// Registrations held now, per customer (0: endpoints of no known customer).
    public func registrationsByCustomer() throws -> [Int64: Int] {
        try store.read { session in try session.registrationsByCustomer() }
    }
}
