/// A piece of an interval and where its figures come from.
enum IntervalPiece: Equatable {
    /// Whole buckets of a rollup level, [from, to).
    case rollup(TimeBucket, from: Int64, to: Int64)
    /// Whole buckets to take away from a coarser bucket read in full: a day's row less its hours outside the
    /// interval, when those are fewer than the hours inside (hours after `now` hold nothing, so cost nothing).
    case less(TimeBucket, from: Int64, to: Int64)
    /// Raw CDRs whose start is in [from, to): the ragged edges of an interval that is not bucket-aligned.
    case raw(from: Int64, to: Int64)
}
