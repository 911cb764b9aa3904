/// Calls per second over an interval: the mean, and the busiest second. Kept as integers, like `TrafficFigures`:
/// the mean is computed from them, in one place.
public struct CPSFigures: Sendable, Equatable {
    /// Attempts whose start falls in the interval.
    public var attempts: Int64
    /// The interval's seconds (those elapsed, for an interval that runs to now).
    public var seconds: Int64
    /// Attempts in the busiest single second (0 when there were none).
    public var peak: Int64
    /// The first second that reached the peak, nil when there were no attempts.
    public var peakSecond: Int64?

    public init(attempts: Int64, seconds: Int64, peak: Int64, peakSecond: Int64?) {
        self.attempts = attempts
        self.seconds = seconds
        self.peak = peak
        self.peakSecond = peakSecond
    }

    init(attempts: Int64, seconds: Int64, busiest: BusiestSecond) {
        self.init(attempts: attempts, seconds: seconds, peak: busiest.attempts,
                  peakSecond: busiest.attempts > 0 ? busiest.second : nil)
    }

    /// Attempts / seconds: the mean CPS (0 over no second).
    public var average: Double { Self.rate(attempts, over: seconds) }

    /// Calls per second: `attempts` that started in a span of `seconds` / `seconds` (0 over no second).
    static func rate(_ attempts: Int64, over seconds: Int64) -> Double {
        seconds > 0 ? Double(attempts) / Double(seconds) : 0
    }
}
