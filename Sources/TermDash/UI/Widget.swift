/// A pane of the monitor: a value that holds what to show, drawn into an area of a frame.
///
/// The contract, as in ratatui: rendering is pure (the same widget and area always give the same cells, and nothing
/// but the buffer changes); it writes only inside `area`; and every area is valid, 0×0 and 1×1 included: a widget
/// shows what fits and never traps.
protocol Widget {
    func render(_ area: Rect, into buffer: inout CellBuffer)
}
