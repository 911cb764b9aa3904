/// A QR code drawn with half blocks, two modules per cell vertically, inside a quiet zone of `margin` modules.
/// Light modules are the drawn ones (█ ▀ ▄), dark ones blank: on the usual light-on-dark terminal the code then
/// reads as dark on light, as scanners expect. When the code does not fit, or the terminal has no block glyphs,
/// it says so in one line and the caller shows the secret as text instead.
struct QRCodeWidget: Widget {
    var matrix: QRMatrix
    var unicode: Bool
    /// The message when the code cannot be drawn (translated by the caller).
    var tooSmall: String
    var margin = 2

    /// Cells the code needs: columns, rows.
    var size: (width: Int, height: Int) {
        let modules = matrix.width + 2 * margin
        return (modules, (modules + 1) / 2)
    }

    func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let (width, height) = size
        guard unicode, width <= area.width, height <= area.height else {
            buffer.put(Sanitizer.clean(tooSmall), x: area.x, y: area.y, style: Style(.dim), maxWidth: area.width)
            return
        }
        for row in 0..<height {
            var line = ""
            for column in 0..<width {
                let x = column - margin, y = 2 * row - margin
                let top = !matrix.isDark(x: x, y: y)
                // Past the last module row the quiet zone goes on.
                let bottom = !matrix.isDark(x: x, y: y + 1)
                line.append(top ? (bottom ? "█" : "▀") : (bottom ? "▄" : " "))
            }
            buffer.put(line, x: area.x, y: area.y + row)
        }
    }
}
