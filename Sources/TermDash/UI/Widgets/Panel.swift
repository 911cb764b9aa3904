/// A box with its title in the top border: `┌ Title ─────┐`.
struct Panel: Widget {
    var title: String
    var glyphs: GlyphSet

    /// The area inside the border. A rect too small for a border (under 2×2) gets none and is returned whole, so
    /// content still gets every cell there is.
    func inner(_ rect: Rect) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return rect }
        return Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)
    }

    /// Draws the border; a rect under 2×2 is left untouched.
    func render(_ rect: Rect, into buffer: inout CellBuffer) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let border = Style(.dim)
        let span = rect.width - 2
        let top = rect.y, bottom = rect.maxY - 1, left = rect.x, right = rect.maxX - 1

        buffer.put(glyphs.topLeft, x: left, y: top, style: border)
        buffer.put(String(repeating: glyphs.horizontal, count: span), x: left + 1, y: top, style: border)
        buffer.put(glyphs.topRight, x: right, y: top, style: border)
        for row in (top + 1)..<bottom {
            buffer.put(glyphs.vertical, x: left, y: row, style: border)
            buffer.put(glyphs.vertical, x: right, y: row, style: border)
        }
        buffer.put(glyphs.bottomLeft, x: left, y: bottom, style: border)
        buffer.put(String(repeating: glyphs.horizontal, count: span), x: left + 1, y: bottom, style: border)
        buffer.put(glyphs.bottomRight, x: right, y: bottom, style: border)

        // " Title " needs a space on each side and one border cell either end.
        // A cut title keeps at least one character before the ellipsis, or is left out.
        let room = rect.width - 4
        let clean = Sanitizer.clean(title)
        let fits = DisplayWidth.of(clean) <= room || room >= 1 + DisplayWidth.of(glyphs.ellipsis)
        if room >= 1, !clean.isEmpty, fits {
            let text = TextFit.truncate(clean, toWidth: room, ellipsis: glyphs.ellipsis)
            buffer.put(" ", x: left + 1, y: top, style: border)
            let written = buffer.put(text, x: left + 2, y: top, style: Style(.title))
            buffer.put(" ", x: left + 2 + written, y: top, style: border)
        }
    }
}
