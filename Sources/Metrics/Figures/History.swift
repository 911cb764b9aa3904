import Foundation
import GRDB

/// The range of the history graphs and of the quality table: a key switches between them.
public enum HistoryRange: String, Sendable, CaseIterable {
    case oneHour = "1h"
    case oneDay = "24h"
    case sevenDays = "7d"

    public var label: String { rawValue }

    /// Seconds per bucket: a minute for 1 h, an hour for 24 h and 7 d — the levels the rollups keep, so that a
    /// bucket is one row of the network rollup and the quality table reads whole rollup buckets.
    public var step: Int64 { level == .minute ? 60 : 3_600 }

    /// Buckets in the range: 60, 24 or 168.
    public var bucketCount: Int {
        switch self {
        case .oneHour: return 60
        case .oneDay: return 24
        case .sevenDays: return 168
        }
    }

    /// The network rollup the buckets are read from.
    var level: TimeBucket { self == .oneHour ? .minute : .hour }

    /// The buckets of the range at `now`, as [from, to): `bucketCount` whole UTC buckets of `step`, the last one
    /// the bucket that holds `now` (still running). So "1h" is the current minute and the 59 before it.
    public func window(at now: Int64) -> (from: Int64, to: Int64) {
        let last = floorMultiple(now, step)
        return (last - Int64(bucketCount - 1) * step, last + step)
    }

    /// The range the switch key moves to: 1h → 24h → 7d → 1h.
    public var next: HistoryRange {
        switch self {
        case .oneHour: return .oneDay
        case .oneDay: return .sevenDays
        case .sevenDays: return .oneHour
        }
    }
}

/// Spend, provider cost and profit of one bucket.
public struct MoneyPoint: Sendable, Equatable {
    /// UTC start of the bucket.
    public var bucket: Int64
    /// What customers were charged for the calls that started in it (rated calls only).
    public var spend: Money
    /// What carriers charge for them (rated calls only).
    public var cost: Money
    public var profit: Money { spend - cost }

    public init(bucket: Int64, spend: Money, cost: Money) {
        self.bucket = bucket
        self.spend = spend
        self.cost = cost
    }
}

/// Everything the history graphs show for one range, network-wide. Buckets are UTC; the graphs label them in the
/// display zone. Figures are per bucket of the calls that *started* in it; channels are the calls in progress.
public struct HistorySnapshot: Sendable, Equatable {
    public var range: HistoryRange
    /// The instant the range ends at: the last bucket holds it and is averaged over its elapsed part.
    public var now: Int64
    /// UTC start of the first bucket.
    public var from: Int64
    public var step: Int64
    /// The counters of each bucket, oldest first (ASR, ACD, DTMF, spend and cost per bucket come from these).
    public var figures: [TrafficFigures]
    /// Seconds of channel occupancy in each bucket: finished calls, and calls in progress up to `now`.
    public var channelSeconds: [Int64]
    /// Attempts in the busiest second of each bucket (0 when none) and the first second that reached them.
    public var peakAttempts: [Int64]
    public var peakSeconds: [Int64?]
    /// Registrations per bucket: the gauge at the bucket's end, i.e. the last sample before it (the latest one for
    /// the running bucket); 0 before the first sample.
    public var registrations: [Int]
    /// Spend and cost per UTC day of the last 7 days, today (still running) last: the daily profit and loss.
    public var daily: [MoneyPoint]

    public init(
        range: HistoryRange, now: Int64, from: Int64, step: Int64, figures: [TrafficFigures], channelSeconds: [Int64],
        peakAttempts: [Int64], peakSeconds: [Int64?], registrations: [Int], daily: [MoneyPoint]
    ) {
        self.range = range
        self.now = now
        self.from = from
        self.step = step
        self.figures = figures
        self.channelSeconds = channelSeconds
        self.peakAttempts = peakAttempts
        self.peakSeconds = peakSeconds
        self.registrations = registrations
        self.daily = daily
    }

    public var count: Int { figures.count }

    /// End of the last bucket.
    public var to: Int64 { from + Int64(count) * step }

    /// UTC start of each bucket.
    public var bucketStarts: [Int64] { (0..<count).map { from + Int64($0) * step } }

    /// Seconds a bucket's averages are taken over: the whole step, except for the bucket that holds `now`,
    /// which has run for `now - start` seconds (at least 1).
    public func elapsed(_ index: Int) -> Int64 {
        let start = from + Int64(index) * step
        return max(1, min(step, now - start))
    }

    /// Average channels in use per bucket.
    public var channels: [Double] {
        channelSeconds.indices.map { Double(channelSeconds[$0]) / Double(elapsed($0)) }
    }

    /// Calls per second per bucket: attempts that started in it / its (elapsed) seconds.
    public var cps: [Double] {
        figures.indices.map { Double(figures[$0].attempts) / Double(elapsed($0)) }
    }

    /// The busiest second of the whole range (the earliest on a tie) and the mean CPS over its elapsed seconds.
    public var peak: CPSFigures {
        var best: (attempts: Int64, second: Int64)?
        for (attempts, second) in zip(peakAttempts, peakSeconds) {
            guard attempts > 0, let second else { continue }
            if best == nil || attempts > best!.attempts || (attempts == best!.attempts && second < best!.second) {
                best = (attempts, second)
            }
        }
        let attempts = figures.reduce(Int64(0)) { $0 + $1.attempts }
        // The seconds from the range's start to now: not the sum of `elapsed`, which counts a bucket that has only
        // just begun as one second (to keep its own rate finite).
        let seconds = max(1, min(now, to) - from)
        return CPSFigures(average: seconds > 0 ? Double(attempts) / Double(seconds) : 0, peak: best?.attempts ?? 0, peakSecond: best?.second)
    }

    /// Spend and cost per bucket.
    public var money: [MoneyPoint] {
        zip(bucketStarts, figures).map { MoneyPoint(bucket: $0, spend: $1.spend, cost: $1.providerCost) }
    }

    /// The figures of the whole range.
    public var total: TrafficFigures { figures.reduce(TrafficFigures(), +) }
}

extension MetricsEngine {
    /// The history graphs of `range` ending at `now` (one read).
    /// The range's figures per bucket over every carrier but `excluded` (the quality graphs with carriers toggled
    /// out): one carrier rollup row per carrier and bucket, summed.
    public func figuresByBucket(_ range: HistoryRange, at now: Int64, excludingCarriers excluded: Set<Int64>) throws
        -> [TrafficFigures]
    {
        try store.read { db in try figuresByBucket(range, at: now, excludingCarriers: excluded, in: db) }
    }

    func figuresByBucket(_ range: HistoryRange, at now: Int64, excludingCarriers excluded: Set<Int64>, in db: Database)
        throws -> [TrafficFigures]
    {
        let (from, to) = range.window(at: now)
        var counts = [RollupCounts](repeating: RollupCounts(), count: range.bucketCount)
        let counters = RollupTable.counterColumns.joined(separator: ", ")
        try FastRows.forEach(db, sql: """
            SELECT bucket, carrier_id, \(counters) FROM \(RollupTable.carrier(range.level).name)
            WHERE bucket >= ? AND bucket < ?
            """, arguments: [from, to]) { row in
            guard !excluded.contains(row.int(1)) else { return }
            counts[Int((row.int(0) - from) / range.step)] += row.counts(from: 2)
        }
        return counts.map(TrafficFigures.init)
    }

    public func history(_ range: HistoryRange, at now: Int64) throws -> HistorySnapshot {
        try store.read { db in try history(range, at: now, in: db) }
    }

    /// Reads one network rollup row per bucket (60 minutes, 24 or 168 hours), the calls in progress, one registration
    /// sample per bucket and seven day rollups per carrier: never a CDR.
    func history(_ range: HistoryRange, at now: Int64, live: LiveCalls? = nil, in db: Database) throws -> HistorySnapshot {
        let (from, to) = range.window(at: now)
        let step = range.step
        let count = range.bucketCount
        var counts = [RollupCounts](repeating: RollupCounts(), count: count)
        var peaks = [BusiestSecond](repeating: .none, count: count)
        var occupancy = [Int64](repeating: 0, count: count)
        let counters = RollupTable.counterColumns.joined(separator: ", ")
        try FastRows.forEach(db, sql: """
            SELECT bucket, \(counters), peak_attempts, peak_second, channel_seconds
            FROM \(NetworkRollup.name(range.level)) WHERE bucket >= ? AND bucket < ?
            """, arguments: [from, to]) { row in
            let index = Int((row.int(0) - from) / step)
            counts[index] += row.counts(from: 1)
            let attempts = row.int(14)
            if attempts > 0 { peaks[index].merge(BusiestSecond(attempts: attempts, second: row.int(15))) }
            occupancy[index] += row.int(16)
        }
        // A call in progress holds a channel over [start, now).
        let end = min(now, to)
        func occupy(_ start: Int64) {
            var cursor = max(start, from)
            while cursor < end {
                let index = Int((cursor - from) / step)
                let bucketEnd = from + Int64(index + 1) * step
                occupancy[index] += min(end, bucketEnd) - cursor
                cursor = bucketEnd
            }
        }
        if let live {
            for start in live.starts { occupy(start) }
        } else {
            try FastRows.forEach(db, sql: "SELECT start_at FROM calls_in_progress WHERE start_at < ?",
                                 arguments: [end]) { row in occupy(row.int(0)) }
        }
        let registrations = try registrationsAtBucketEnds(from: from, step: step, count: count, in: db)
        return HistorySnapshot(
            range: range, now: now, from: from, step: step, figures: counts.map(TrafficFigures.init),
            channelSeconds: occupancy, peakAttempts: peaks.map(\.attempts),
            peakSeconds: peaks.map { $0.attempts > 0 ? $0.second : nil }, registrations: registrations,
            daily: try dailyMoney(days: 7, at: now, in: db))
    }

    /// The last registration sample before the end of each bucket: one index seek per bucket (168 for a week)
    /// rather than a scan of every minute's sample.
    func registrationsAtBucketEnds(from: Int64, step: Int64, count: Int, in db: Database) throws -> [Int] {
        let sql = "SELECT registrations FROM registration_samples WHERE minute < ? ORDER BY minute DESC LIMIT 1"
        return try (1...count).map { index in
            var value: Int64 = 0
            try FastRows.forEach(db, sql: sql, arguments: [from + Int64(index) * step]) { value = $0.int(0) }
            return Int(value)
        }
    }

    /// Spend and cost per UTC day, the last `days` days ending with today, from the carrier day rollups.
    func dailyMoney(days: Int, at now: Int64, in db: Database) throws -> [MoneyPoint] {
        let today = TimeBucket.day.start(of: now)
        let first = today - Int64(days - 1) * 86_400
        var points = (0..<days).map { MoneyPoint(bucket: first + Int64($0) * 86_400, spend: Money(micros: 0), cost: Money(micros: 0)) }
        try FastRows.forEach(db, sql: """
            SELECT bucket, sell_micros, buy_micros FROM \(RollupTable.carrier(.day).name) WHERE bucket >= ? AND bucket < ?
            """, arguments: [first, today + 86_400]) { row in
            let index = Int((row.int(0) - first) / 86_400)
            points[index].spend.micros += row.int(1)
            points[index].cost.micros += row.int(2)
        }
        return points
    }
}
