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
        channelSeconds.indices.map { Occupancy(channelSeconds: channelSeconds[$0], seconds: elapsed($0)).averageChannels }
    }

    /// Calls per second per bucket: attempts that started in it / its (elapsed) seconds.
    public var cps: [Double] {
        figures.indices.map { CPSFigures.rate(figures[$0].attempts, over: elapsed($0)) }
    }

    /// The busiest second of the whole range (the earliest on a tie) and the mean CPS over its elapsed seconds.
    public var peak: CPSFigures {
        var busiest = BusiestSecond.none
        for (attempts, second) in zip(peakAttempts, peakSeconds) {
            guard attempts > 0, let second else { continue }
            busiest.merge(BusiestSecond(attempts: attempts, second: second))
        }
        // The seconds from the range's start to now: not the sum of `elapsed`, which counts a bucket that has only
        // just begun as one second (to keep its own rate finite).
        return CPSFigures(attempts: total.attempts, seconds: max(1, min(now, to) - from), busiest: busiest)
    }

    /// Spend and cost per bucket.
    public var money: [MoneyPoint] {
        zip(bucketStarts, figures).map { MoneyPoint(bucket: $0, spend: $1.spend, cost: $1.providerCost) }
    }

    /// The figures of the whole range.
    public var total: TrafficFigures { figures.reduce(TrafficFigures(), +) }
}
