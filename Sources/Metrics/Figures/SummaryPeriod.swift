/// The summary periods of the portal: Live (the last 24 hours by hour), Daily (the last 31 days) and Monthly
/// (the last 12 months), all in UTC.
public enum SummaryPeriod: String, Sendable, CaseIterable {
    case live, daily, monthly

    public var level: TimeBucket {
        switch self {
        case .live: return .hour
        case .daily: return .day
        case .monthly: return .month
        }
    }

    public var bucketCount: Int {
        switch self {
        case .live: return 24
        case .daily: return 31
        case .monthly: return 12
        }
    }

    /// Bucket starts, oldest first, ending with the bucket that contains `now`.
    public func buckets(endingAt now: Int64) -> [Int64] {
        var starts = [level.start(of: now)]
        while starts.count < bucketCount {
            starts.insert(level.start(of: starts[0] - 1), at: 0)
        }
        return starts
    }
}
