extension TimeBucket {
    /// minute 0 … month 3: how coarse a level is.
    var rank: Int { TimeBucket.allCases.firstIndex(of: self)! }
}

extension TimeBucket {
    /// The level whose bucket is a whole number of this one's, for reading a coarse row less some fine ones: an hour
    /// of minutes, a day of hours (nil for the others).
    var coarser: TimeBucket? {
        switch self {
        case .minute: return .hour
        case .hour: return .day
        case .day, .month: return nil
        }
    }
}
