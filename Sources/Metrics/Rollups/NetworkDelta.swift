/// What one batch of CDRs adds to a network-wide bucket (the sum over every carrier): the counters, the busiest
/// second and the seconds of channel occupancy.
struct NetworkDelta: Sendable {
    /// The levels kept network-wide: the history graphs read one row per bucket from them.
    static let levels: [TimeBucket] = [.minute, .hour]

    var counts = RollupCounts()
    var peak = BusiestSecond.none
    var channelSeconds: Int64 = 0
}
