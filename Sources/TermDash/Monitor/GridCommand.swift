import Metrics

/// What a key does in the summary grid.
enum GridCommand: Equatable, Sendable {
    case move(GridDirection)
    /// Shift+move: grows the selection.
    case extend(GridDirection)
    case toggleAnchor, clearSelection, selectAll
    case nextMetric, previousMetric, nextPeriod, previousPeriod
    case copy, copyWithHeaders, export
    /// The time axis a page of buckets back (older) or forward (newer, up to the page that ends now).
    case pageBack, pageForward
    /// Ticks or unticks the cursor's customer for invoicing.
    case toggleTick
    /// A draft invoice for each ticked customer over the grid's buckets.
    case generateInvoices
}
