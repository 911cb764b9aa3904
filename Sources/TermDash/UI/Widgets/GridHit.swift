import Metrics

/// What a press or drag landed on.
enum GridHit: Equatable, Sendable {
    case cell(GridPosition)
    /// A customer's name in the frozen column.
    case rowName(Int)
    /// A bucket's heading.
    case columnHeader(Int)
    /// The top-left corner (the metric's name).
    case corner
}
