/// What a batch of CDRs adds to one second of the network: the counters of the calls that started in it, and how
/// many calls ended in it (they held a channel up to that second). The live-channels series steps back from the
/// channels in use now by the calls that started and ended in each second.
struct SecondDelta: Sendable, Equatable {
    var counts = RollupCounts()
    var ended: Int64 = 0

    static func + (lhs: SecondDelta, rhs: SecondDelta) -> SecondDelta {
        SecondDelta(counts: lhs.counts + rhs.counts, ended: lhs.ended + rhs.ended)
    }
}
