/// The history graphs: one network rollup row per bucket, the calls in progress, one registration sample per bucket
/// and the day rollups of the last week; never a CDR.
extension MetricsEngine {
    /// The range's figures per bucket over every carrier but `excluded` (the quality graphs with carriers toggled
    /// out): one carrier rollup row per carrier and bucket, summed.
    public func figuresByBucket(_ range: HistoryRange, at now: Int64, excludingCarriers excluded: Set<Int64>) throws
        -> [TrafficFigures]
    {
        try store.read { session in try figuresByBucket(range, at: now, excludingCarriers: excluded, in: session) }
    }

    func figuresByBucket(_ range: HistoryRange, at now: Int64, excludingCarriers excluded: Set<Int64>,
                         in session: any StoreReadSession) throws -> [TrafficFigures]
    {
        let (from, to) = range.window(at: now)
        var counts = [RollupCounts](repeating: RollupCounts(), count: range.bucketCount)
        try session.rollupCounts(range.level, by: .carrier, buckets: from..<to, counters: Counter.allCases) {
            bucket, carrier, rollup in
            guard !excluded.contains(carrier) else { return }
            counts[Int((bucket - from) / range.step)] += rollup
        }
        return counts.map(TrafficFigures.init)
    }

    /// The history graphs of `range` ending at `now` (one read).
    public func history(_ range: HistoryRange, at now: Int64) throws -> HistorySnapshot {
        try store.read { session in try history(range, at: now, live: try session.liveSummary(), in: session) }
    }

    /// Reads one network rollup row per bucket (60 minutes, 24 or 168 hours), one registration sample per bucket and
    /// seven day rollups per carrier; `live` are the calls in progress.
    func history(_ range: HistoryRange, at now: Int64, live: LiveSummary, in session: any StoreReadSession) throws
        -> HistorySnapshot
    {
        let (from, to) = range.window(at: now)
        let step = range.step
        let count = range.bucketCount
        var counts = [RollupCounts](repeating: RollupCounts(), count: count)
        var peaks = [BusiestSecond](repeating: .none, count: count)
        var occupancy = [Int64](repeating: 0, count: count)
        for row in try session.networkBuckets(range.level, buckets: from..<to) {
            let index = Int((row.bucket - from) / step)
            counts[index] += row.counts
            if row.peakAttempts > 0 {
                peaks[index].merge(BusiestSecond(attempts: row.peakAttempts, second: row.peakSecond ?? 0))
            }
            occupancy[index] += row.channelSeconds
        }
        // A call in progress holds a channel over [start, now): the calls of one start second together.
        let end = min(now, to)
        for (start, calls) in live.byStart {
            var cursor = max(start, from)
            while cursor < end {
                let index = Int((cursor - from) / step)
                let bucketEnd = from + Int64(index + 1) * step
                occupancy[index] += Int64(calls) * (min(end, bucketEnd) - cursor)
                cursor = bucketEnd
            }
        }
        let registrations = try registrationsAtBucketEnds(from: from, step: step, count: count, in: session)
        return HistorySnapshot(
            range: range, now: now, from: from, step: step, figures: counts.map(TrafficFigures.init),
            channelSeconds: occupancy, peakAttempts: peaks.map(\.attempts),
            peakSeconds: peaks.map { $0.attempts > 0 ? $0.second : nil }, registrations: registrations,
            daily: try dailyMoney(days: 7, at: now, in: session))
    }

    /// The last registration sample before the end of each bucket: one index seek per bucket (168 for a week)
    /// rather than a scan of every minute's sample, asked of the store at once.
    func registrationsAtBucketEnds(from: Int64, step: Int64, count: Int, in session: any StoreReadSession) throws
        -> [Int]
    {
        try session.registrationSamples(before: (1...count).map { from + Int64($0) * step }).map { Int($0 ?? 0) }
    }

    /// Spend and cost per UTC day, the last `days` days ending with today, from the carrier day rollups.
    func dailyMoney(days: Int, at now: Int64, in session: any StoreReadSession) throws -> [MoneyPoint] {
        let today = TimeBucket.day.start(of: now)
        let first = today - Int64(days - 1) * 86_400
        var points = (0..<days).map {
            MoneyPoint(bucket: first + Int64($0) * 86_400, spend: Money(micros: 0), cost: Money(micros: 0))
        }
        try session.rollupCounts(.day, by: .total, buckets: first..<(today + 86_400),
                                 counters: [.sellMicros, .buyMicros]) { bucket, _, counts in
            let index = Int((bucket - first) / 86_400)
            points[index].spend.micros += counts.sellMicros
            points[index].cost.micros += counts.buyMicros
        }
        return points
    }
}
