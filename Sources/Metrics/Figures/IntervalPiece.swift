/// A piece of an interval and where its figures come from.
enum IntervalPiece: Equatable {
    /// Whole buckets of a rollup level, [from, to).
    case rollup(TimeBucket, from: Int64, to: Int64)
    /// Raw CDRs whose start is in [from, to): the ragged edges of an interval that is not bucket-aligned.
    case raw(from: Int64, to: Int64)
}
