/// One bucket of a network-wide rollup: the counters of the calls that started in it, summed over every carrier,
/// the busiest second and the seconds finished calls held a channel inside it.
public struct NetworkBucket: Sendable, Equatable {
    /// UTC start of the bucket.
    public var bucket: Int64
    public var counts: RollupCounts
    /// Attempts in the busiest second (0 when none)…
    public var peakAttempts: Int64
    /// …and the first second that reached them (nil when none).
    public var peakSecond: Int64?
    /// Seconds of channel occupancy by finished calls inside the bucket.
    public var channelSeconds: Int64

    public init(bucket: Int64, counts: RollupCounts, peakAttempts: Int64, peakSecond: Int64?, channelSeconds: Int64) {
        self.bucket = bucket
        self.counts = counts
        self.peakAttempts = peakAttempts
        self.peakSecond = peakSecond
        self.channelSeconds = channelSeconds
    }
}
