/// What a terminal must do to turn the frame it shows into the next one: send every cell that differs or, when it
/// shows nothing known (the first frame, after a resize, a frame of another size), erase and send every cell.
/// `CellBuffer.diff(from:)` computes it; a backend only applies it.
struct FrameDiff: Equatable, Sendable {
    struct Change: Equatable, Sendable {
        var x: Int
        var y: Int
        var cell: Cell
    }

    var width: Int
    var height: Int
    /// Erase the screen first: what it shows is unknown or of another size.
    var repaint: Bool
    /// Row by row, left to right.
    var changes: [Change]

    /// Nothing to send: the screen already shows the frame.
    var isEmpty: Bool { !repaint && changes.isEmpty }
}
