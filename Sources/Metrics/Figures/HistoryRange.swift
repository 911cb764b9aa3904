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
