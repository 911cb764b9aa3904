import Metrics

/// What a key does in the summary grid.
enum GridCommand: Equatable, Sendable {
    case move(GridDirection)
    /// Shift+move: grows the selection.
    case extend(GridDirection)
    case toggleAnchor, clearSelection, selectAll
    case nextMetric, previousMetric, nextPeriod, previousPeriod
    case copy, copyWithHeaders, export
}
