import Metrics

/// What the session has to do after a grid command, beyond drawing again.
enum GridEffect: Equatable, Sendable {
    /// Only the view changed.
    case redraw
    /// The period changed: read the grid of `state.period`, then `state.update(to:)`.
    case reloadGrid
    /// Copy the selection (`SummaryGridViewState.clipboardText`) through `CopyPipeline.copy`.
    case copy(headers: Bool)
    /// Write the CSV (`SummaryGridViewState.csvExport`) through `CSVExport.export`.
    case export
    /// Create draft invoices for `state.ticked` over the grid shown.
    case generateInvoices
}
