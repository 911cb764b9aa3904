/// Counters of finished calls, from the rollups: by level (minute, hour, day, month), grouping (network, carrier,
/// customer, customer × carrier) and a half-open time range of bucket starts; per-second attempts, occupancy and
/// registration samples.
///
/// Everything here is an integer as stored: ratios (ASR, ACD, DTMF share, CPS, averages, profit) are computed by
/// the engine from what these hand over. Ranges are half-open, [lowerBound, upperBound), in UTC Unix seconds. A
/// group id is the customer's, carrier's or DID's row id, 0 where the call had none and for the network total.
/// Visitors are called during the read and must not keep what they are handed beyond it.
public protocol TrafficReading {
    /// The counters of the rollup of `level` by `grouping`, for the buckets that start in `buckets`: `visit` gets
    /// each bucket's start, the group and its counters. Only `counters` are read (the others are 0), in any order.
    /// One (bucket, group) may come in several parts, which the caller adds up: SQLite hands the network total over
    /// as one part per carrier. Which levels are kept for which grouping is `FigureGrouping.levels`; `.did` has no
    /// rollup and visits nothing.
    func rollupCounts(
        _ level: TimeBucket, by grouping: FigureGrouping, buckets: Range<Int64>, counters: [Counter],
        _ visit: (_ bucket: Int64, _ group: Int64, _ counts: RollupCounts) -> Void) throws

    /// The counters of the rollup of `level` by `grouping`, summed per group over the buckets that start in
    /// `buckets` (a GROUP BY on the group). Only `counters` are read; groups without a row are left out; `.did` has
    /// no rollup and gives nothing.
    func rollupTotals(_ level: TimeBucket, by grouping: FigureGrouping, buckets: Range<Int64>, counters: [Counter])
        throws -> [Int64: RollupCounts]

    /// The counters of the finished calls that started in `starts`, per group, counted from the calls themselves
    /// with the definitions of the rollups: the ragged edges of an interval that no whole bucket covers, and DIDs,
    /// which no rollup keeps. Only `counters` are read; groups without a call are left out.
    func callCounts(by grouping: FigureGrouping, starts: Range<Int64>, counters: [Counter]) throws
        -> [Int64: RollupCounts]

    /// True when `callCounts` reads any interval from rollups where they hold it and from the calls only at its
    /// edges (a backend that plans the read itself, across a network): the engine then asks for a whole interval in
    /// one read instead of a piece per rollup level.
    var countsAnyInterval: Bool { get }

    /// The network counters of the finished calls that started in `seconds`, from the per-second network rollup
    /// (kept for the minute retention): an interval's ragged edges without a CDR. Only `counters` are read; nil
    /// when no call started in `seconds`.
    func secondTotals(_ seconds: Range<Int64>, counters: [Counter]) throws -> RollupCounts?

    /// The network rollup of `level` (`.minute` or `.hour`; kept for the minute retention): the buckets that start
    /// in `buckets` and had calls, each at most once, in any order.
    func networkBuckets(_ level: TimeBucket, buckets: Range<Int64>) throws -> [NetworkBucket]

    /// Attempts per second, network-wide, from the per-second rollup (kept for the minute retention): `visit` gets
    /// each second in `seconds` that had attempts, once.
    func attemptsPerSecond(_ seconds: Range<Int64>, _ visit: (_ second: Int64, _ attempts: Int64) -> Void) throws

    /// Attempts per group and second, counted from the finished calls that started in `seconds`: `visit` gets each
    /// (group, second) that had attempts, once.
    func callAttempts(
        by grouping: FigureGrouping, seconds: Range<Int64>,
        _ visit: (_ group: Int64, _ second: Int64, _ attempts: Int64) -> Void) throws

    /// Seconds of channel occupancy by finished calls per minute, from the occupancy rollup (kept for the minute
    /// retention): `visit` gets each minute start in `minutes` that had any, once.
    func channelSeconds(minutes: Range<Int64>, _ visit: (_ minute: Int64, _ seconds: Int64) -> Void) throws

    /// The registration samples taken in `minutes` (one a minute at most): `visit` gets each minute and count.
    func registrationSamples(minutes: Range<Int64>, _ visit: (_ minute: Int64, _ registrations: Int64) -> Void)
        throws

    /// The count of the last registration sample taken before `minute`; nil when there is none.
    func registrationSample(before minute: Int64) throws -> Int64?

    /// `registrationSample(before:)` of each of `minutes`, in order: one read where a backend answers over a network.
    func registrationSamples(before minutes: [Int64]) throws -> [Int64?]
}

extension TrafficReading {
    public var countsAnyInterval: Bool { false }

    public func registrationSamples(before minutes: [Int64]) throws -> [Int64?] {
        try minutes.map { try registrationSample(before: $0) }
    }
}
