extension TimeBucket {
    /// minute 0 … month 3: how coarse a level is.
    var rank: Int { TimeBucket.allCases.firstIndex(of: self)! }
}
