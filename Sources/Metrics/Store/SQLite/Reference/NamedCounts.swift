import Metrics

/// A carrier's or customer's counters with its name, as the totals panes show them.
public struct NamedCounts: Equatable {
    public var name: String
    public var counts: RollupCounts


    public init(name: String, counts: RollupCounts) {
        self.name = name
        self.counts = counts
    }
}
