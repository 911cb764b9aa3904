/// How long a feed waits before its next refresh: its period while the switch answers; after failures, twice as
/// long each time up to `ceiling`, so a switch that is down is not hammered and one that is back is seen soon.
public struct FeedBackoff: Sendable, Equatable {
    public let period: Double
    public let ceiling: Double
    public private(set) var failures = 0

    public init(period: Double, ceiling: Double = 30) {
        self.period = period
        self.ceiling = max(period, ceiling)
    }

    /// The wait after a refresh that succeeded (`ok`) or not.
    public mutating func next(ok: Bool) -> Double {
        failures = ok ? 0 : failures + 1
        guard failures > 0 else { return period }
        return min(ceiling, period * Double(1 << min(failures, 16)))
    }
}
