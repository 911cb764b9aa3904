/// What the aggregates keep and for how long, and how to recompute them from the CDRs.
public struct Retention: Sendable, Equatable {
    /// Days of minute rollups, attempts per second and minute occupancy (the 1 h / 24 h / 7 d graphs).
    public var minuteDays: Int
    /// Days of hour rollups; 0 keeps them for ever. Day and month rollups are always kept.
    public var hourDays: Int

    public init(minuteDays: Int = 7, hourDays: Int = 400) {
        self.minuteDays = minuteDays
        self.hourDays = hourDays
    }

    public static let standard = Retention()

    /// The first second whose minute-level aggregates are kept at `now`: whole hours, so it moves once an hour.
    public func minuteHorizon(at now: Int64) -> Int64 {
        TimeBucket.hour.start(of: now) - Int64(minuteDays) * 86_400
    }

    public func hourHorizon(at now: Int64) -> Int64? {
        hourDays > 0 ? TimeBucket.day.start(of: now) - Int64(hourDays) * 86_400 : nil
    }
}
