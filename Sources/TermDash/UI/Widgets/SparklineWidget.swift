/// A series of counts drawn as a bar graph that fills its rect: the newest samples at the right edge, scaled
/// to the largest value in view, several rows tall when there is room, and a caption
/// `now 123  max 150  min 80` on the last row when the rect has two rows or more.
///
/// The live graph (`init(live:endingAt:glyphs:)`) gives each column a fixed period of wall-clock time, aligned to
/// multiples of the period, so the graph shifts left only when a period is complete; in between only its newest
/// column changes, in place. A monitor redrawing every second then re-sends the graph once per period, not
/// every second.
struct SparklineWidget: Widget {
    /// Nil until the first snapshot: "loading…".
    var series: [Int]?
    /// The Unix second of the last sample of a live graph (a sample per second); nil for a bar per sample.
    var liveEnd: Int64?
    var glyphs: GlyphSet

    /// One bar per sample.
    init(_ series: [Int]?, glyphs: GlyphSet) {
        self.series = series
        self.glyphs = glyphs
    }

    /// The live graph: `series` holds a sample per second, the last one for second `last` (Unix time).
    init(live series: [Int]?, endingAt last: Int64, glyphs: GlyphSet) {
        self.series = series
        liveEnd = last
        self.glyphs = glyphs
    }

    /// The live graph covers at least this much time, when the longest period allows it.
    static let liveSpan = 15 * 60
    /// Seconds a live-graph column may stand for: the shortest one that reaches `liveSpan` is used.
    static let columnPeriods = [1, 2, 5, 10, 15, 30, 60]

    func render(_ rect: Rect, into buffer: inout CellBuffer) {
        guard let series = Self.placeholder(for: series, in: rect, glyphs: glyphs, into: &buffer) else { return }
        if let liveEnd {
            Self.renderLive(series, endingAt: liveEnd, in: rect, glyphs: glyphs, into: &buffer)
        } else {
            Self.renderBars(series, in: rect, glyphs: glyphs, into: &buffer)
        }
    }

    private static func renderBars(_ series: [Int], in rect: Rect, glyphs: GlyphSet, into buffer: inout CellBuffer) {
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

    /// Each column shows the highest sample of its period (`secondsPerColumn(samples:)` for the rect's width); the
    /// newest column is the period still running. The caption's figures are per second, over the seconds
    /// shown, followed by the time the whole graph spans (`last 16 min`).
    private static func renderLive(_ series: [Int], endingAt last: Int64, in rect: Rect, glyphs: GlyphSet,
                                   into buffer: inout CellBuffer) {
        let hasCaption = rect.height >= 2
        let (graph, captionRow) = hasCaption ? rect.takeTop(rect.height - 1) : (rect, Rect.zero)
        let samples = graph.width * glyphs.samplesPerCell
        let period = secondsPerColumn(samples: samples)
        let (peaks, shown) = columns(series, endingAt: last, secondsPerColumn: period, count: samples)
        drawBars(peaks, in: graph, glyphs: glyphs, into: &buffer)
        if hasCaption {
            drawCaption(now: max(0, series.last ?? 0), max: shown.max() ?? 0, min: shown.min() ?? 0,
                        span: (samples * period, samples > 0), in: captionRow, into: &buffer)
        }
    }

    /// The period of a live-graph column when the graph has room for `samples` columns.
    static func secondsPerColumn(samples: Int) -> Int {
        columnPeriods.first { samples * $0 >= liveSpan } ?? columnPeriods[columnPeriods.count - 1]
    }

    /// Seconds of samples the live graph needs in a rect `width` columns wide: one period more than it shows,
    /// so the oldest column shown is always a whole period.
    static func liveWindow(width: Int, glyphs: GlyphSet) -> Int {
        let samples = max(1, width * glyphs.samplesPerCell)
        return (samples + 1) * secondsPerColumn(samples: samples)
    }

    /// The newest `count` columns of a per-second series whose last sample is for second `last`: column k holds
    /// the highest sample of the seconds [k·period, (k+1)·period), negative samples counted as zero, oldest
    /// first. The oldest column is cut short only when the series runs out before `count` columns.
    /// Also returns the samples those columns cover.
    static func columns(_ series: [Int], endingAt last: Int64, secondsPerColumn period: Int, count: Int)
        -> (peaks: [Int], samples: [Int])
    {
        let period = Int64(max(1, period))
        guard count > 0, !series.isEmpty else { return ([], []) }
        var peaks: [Int] = []
        var index = series.count - 1
        var second = last
        while index >= 0, peaks.count < count {
            // The first second of this second's period (floor division: also right before 1970).
            let start = second - ((second % period) + period) % period
            var peak = 0
            while index >= 0, second >= start {
                peak = max(peak, series[index])
                index -= 1
                second -= 1
            }
            peaks.append(peak)
        }
        return (peaks.reversed(), series[(index + 1)...].map { max(0, $0) })
    }

    /// Draws "loading…" or "no data" and returns nil, or returns the series to draw.
    private static func placeholder(for series: [Int]?, in rect: Rect, glyphs: GlyphSet,
                                    into buffer: inout CellBuffer) -> [Int]? {
        guard !rect.isEmpty else { return nil }
        guard let series else {
            buffer.put("loading" + glyphs.ellipsis, x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
            return nil
        }
        guard !series.isEmpty else {
            buffer.put("no data", x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
            return nil
        }
        return series
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
                // The glyphs are the set's own single-column characters: no need to sanitise or measure them.
                buffer[firstColumn + cell, y] = Cell(glyph, style: style)
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

    private static func drawCaption(now: Int, max peak: Int, min low: Int, span: (seconds: Int, shown: Bool) = (0, false),
                                    in row: Rect, into buffer: inout CellBuffer) {
        var segments = [("now", NumberText.grouped(now)), ("max", NumberText.grouped(peak)), ("min", NumberText.grouped(low))]
        if span.shown { segments.append(("last", duration(span.seconds))) }
        var x = row.x
        for (index, (label, number)) in segments.enumerated() {
            let gap = index == 0 ? 0 : 2
            let needed = gap + label.count + 1 + number.count
            // Segments are shown whole or not at all: a cut figure would be a wrong figure.
            if x + needed > row.maxX { break }
            x += gap
            x += buffer.put(label + " ", x: x, y: row.y, style: Style(.label), maxWidth: row.maxX - x)
            x += buffer.put(number, x: x, y: row.y, style: Style(.value), maxWidth: row.maxX - x)
        }
    }

    /// "45 s", "16 min", "2 h": how long the live graph reaches back.
    static func duration(_ seconds: Int) -> String {
        if seconds < 120 { return "\(seconds) s" }
        if seconds < 2 * 3_600 { return "\((seconds + 30) / 60) min" }
        return "\((seconds + 1_800) / 3_600) h"
    }
}
