/// A series of counts drawn as a bar graph that fills its rect: the newest samples at the right edge, scaled
/// to the largest value in view, several rows tall when there is room, and a caption
/// `now 123  max 150  min 80` on the last row when the rect has two rows or more.
enum SparklineWidget {
    static func render(_ series: [Int]?, in rect: Rect, glyphs: GlyphSet, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        guard let series else {
            buffer.put("loading" + glyphs.ellipsis, x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
            return
        }
        guard !series.isEmpty else {
            buffer.put("no data", x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
            return
        }
        let hasCaption = rect.height >= 2
        let (graph, captionRow) = hasCaption ? rect.takeTop(rect.height - 1) : (rect, Rect.zero)
        // Negative counts are not meaningful for a graph of channels; show them as zero.
        let window = series.suffix(graph.width * glyphs.samplesPerCell).map { max(0, $0) }
        drawBars(window, in: graph, glyphs: glyphs, into: &buffer)
        if hasCaption {
            drawCaption(now: window.last ?? 0, max: window.max() ?? 0, min: window.min() ?? 0,
                        in: captionRow, into: &buffer)
        }
    }

    private static func drawBars(_ window: [Int], in graph: Rect, glyphs: GlyphSet, into buffer: inout CellBuffer) {
        let style = Style(.accent)
        let perCell = glyphs.samplesPerCell
        let levels = glyphs.levelsPerCell
        let total = levels * graph.height
        let peak = window.max() ?? 0
        let heights = window.map { scaled($0, peak: peak, steps: total) }
        let cellsUsed = (heights.count + perCell - 1) / perCell
        let firstColumn = graph.maxX - cellsUsed

        for cell in 0..<cellsUsed {
            // Samples of this cell, counted so the newest sample lands in the right half of the last cell.
            let rightIndex = heights.count - 1 - (cellsUsed - 1 - cell) * perCell
            let right = heights[rightIndex]
            let left = perCell == 2 && rightIndex >= 1 ? heights[rightIndex - 1] : 0
            for row in 0..<graph.height {
                let y = graph.maxY - 1 - row
                let base = row * levels
                let glyph: String
                if glyphs.graphStyle == .braille {
                    let l = min(max(left - base, 0), levels), r = min(max(right - base, 0), levels)
                    glyph = l == 0 && r == 0 ? " " : GlyphSet.braille(left: l, right: r)
                } else {
                    glyph = glyphs.sparkLevels[min(max(right - base, 0), levels)]
                }
                buffer.put(glyph, x: firstColumn + cell, y: y, style: style)
            }
        }
    }

    /// A sample's height in steps, rounded to the nearest step; any non-zero value shows at least one step
    /// so a trickle of calls is never drawn as silence.
    static func scaled(_ value: Int, peak: Int, steps: Int) -> Int {
        guard value > 0, peak > 0, steps > 0 else { return 0 }
        let v = min(value, peak)
        let rounded = Int((Double(v) * Double(steps) / Double(peak)).rounded(.toNearestOrAwayFromZero))
        return min(steps, max(1, rounded))
    }

    private static func drawCaption(now: Int, max peak: Int, min low: Int, in row: Rect, into buffer: inout CellBuffer) {
        let segments = [("now", now), ("max", peak), ("min", low)]
        var x = row.x
        for (index, (label, value)) in segments.enumerated() {
            let number = NumberText.grouped(value)
            let gap = index == 0 ? 0 : 2
            let needed = gap + label.count + 1 + number.count
            // Segments are shown whole or not at all: a cut figure would be a wrong figure.
            if x + needed > row.maxX { break }
            x += gap
            x += buffer.put(label + " ", x: x, y: row.y, style: Style(.label), maxWidth: row.maxX - x)
            x += buffer.put(number, x: x, y: row.y, style: Style(.value), maxWidth: row.maxX - x)
        }
    }
}
