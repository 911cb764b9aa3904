/// The summary periods of the portal: Live (24 hours by hour), Daily (31 days), Weekly (12 weeks, Monday to Monday)
/// and Monthly (12 months), all in UTC. A grid shows one page of buckets; page 0 ends with the bucket that contains
/// `now`, page n the n-th page before it, so imported history is reachable.
public enum SummaryPeriod: String, Sendable, CaseIterable {
    case live, daily, weekly, monthly

    /// The rollup level the cells are read from: a week is the sum of its seven days.
    public var level: TimeBucket {
        switch self {
        case .live: return .hour
        case .daily, .weekly: return .day
        case .monthly: return .month
        }
    }

    public var bucketCount: Int {
        switch self {
        case .live: return 24
        case .daily: return 31
        case .weekly: return 12
        case .monthly: return 12
        }
    }

    /// The start of the bucket that contains `seconds`: weeks start on Monday at 00:00 UTC (ISO 8601).
    public func start(of seconds: Int64) -> Int64 {
        guard self == .weekly else { return level.start(of: seconds) }
        // 1970-01-01 was a Thursday: Mondays are 4 days after a multiple of 7 days.
        let monday: Int64 = 4 * 86_400
        return floorMultiple(seconds - monday, 7 * 86_400) + monday
    }

    /// The start of the bucket after the one that contains `seconds`.
    public func next(after seconds: Int64) -> Int64 {
        self == .weekly ? start(of: seconds) + 7 * 86_400 : level.next(after: seconds)
    }

    /// Bucket starts, oldest first, ending with the bucket that contains `now` (page 0) or, `pagesBack` pages of
    /// `bucketCount` buckets earlier, the bucket just before the next page's first.
    public func buckets(endingAt now: Int64, pagesBack: Int = 0) -> [Int64] {
        var last = start(of: now)
        for _ in 0..<(max(0, pagesBack) * bucketCount) { last = start(of: last - 1) }
        var starts = [last]
        while starts.count < bucketCount {
            starts.insert(start(of: starts[0] - 1), at: 0)
        }
        return starts
    }
}
