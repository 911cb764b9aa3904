import Metrics

/// A history graph — a y-axis (the top of the scale, and 0 or the lowest value), bars, optional points for a
/// second series, time labels in the display zone and a caption:
///
/// ```
///  60 │         ▂▄▆█▇▅
///     │   ▁▃▅▆▇███████▇▅▃
///   0 │▁▃▅█████████████████
///       14:10   14:20   14:30
/// now 51  max 60  peak 7/s at 14:03:17
/// ```
///
/// Bars grow up from zero, and down from it for negative values (a loss). A bucket without a value is a gap.
/// Rows go, as the rect shrinks: the time axis, then the y-axis; the caption goes only below two rows.
struct HistoryGraphWidget: Widget {
    /// Nil until the first snapshot: "loading…".
    var model: HistoryGraphModel?
    var glyphs: GlyphSet

    func render(_ rect: Rect, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        guard let model else {
            buffer.put("loading" + glyphs.ellipsis, x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
            return
        }
        let values = model.primary.values.compactMap { $0 } + (model.secondary?.values.compactMap { $0 } ?? [])
        guard model.bucketCount > 0, !values.isEmpty else {
            buffer.put("no data", x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
            return
        }
        var area = rect
        var captionRow: Rect?
        var axisRow: Rect?
        if area.height >= 2 {
            (captionRow, area) = area.takeBottom(1)
        }
        if area.height >= 3 {
            (axisRow, area) = area.takeBottom(1)
        }
        let scale = Scale(values: values)
        let magnitude = max(abs(scale.top), abs(scale.bottom))
        let topText = model.format.text(scale.top, axis: magnitude)
        let bottomText = model.format.text(scale.bottom, axis: magnitude)
        var axisWidth = max(DisplayWidth.of(topText), DisplayWidth.of(bottomText)) + 1
        if area.width - axisWidth < 8 || area.height < 2 { axisWidth = 0 }
        let (axis, graph) = area.takeLeft(axisWidth)
        if axisWidth > 0 {
            Self.drawYAxis(top: topText, bottom: bottomText, scale: scale, format: model.format, in: axis, graph: graph,
                      glyphs: glyphs, into: &buffer)
        }
        Self.drawBars(model, scale: scale, in: graph, glyphs: glyphs, into: &buffer)
        if let axisRow {
            Self.drawTimeAxis(model, in: Rect(x: graph.x, y: axisRow.y, width: graph.width, height: 1), into: &buffer)
        }
        if let captionRow {
            Self.drawCaption(Self.legend(model, glyphs: glyphs) + model.caption, in: captionRow, into: &buffer)
        }
    }

    /// The value range drawn: from 0 (or the lowest value, when one is negative) to the highest (or 0).
    struct Scale {
        var top: Double
        var bottom: Double

        init(values: [Double]) {
            top = max(0, values.max() ?? 0)
            bottom = min(0, values.min() ?? 0)
            if top == bottom { top = bottom + 1 }  // all zero: a flat line at the bottom of a 0…1 scale
        }

        /// Where `value` falls in `steps` steps from the bottom, rounded.
        func level(_ value: Double, steps: Int) -> Int {
            let share = (min(max(value, bottom), top) - bottom) / (top - bottom)
            return Int((share * Double(steps)).rounded(.toNearestOrAwayFromZero))
        }
    }

    // MARK: Y-axis

    private static func drawYAxis(
        top: String, bottom: String, scale: Scale, format: GraphValueFormat, in axis: Rect, graph: Rect,
        glyphs: GlyphSet, into buffer: inout CellBuffer
    ) {
        let width = axis.width - 1
        buffer.put(TextFit.rightAligned(top, width: width), x: axis.x, y: graph.y, style: Style(.dim))
        buffer.put(TextFit.rightAligned(bottom, width: width), x: axis.x, y: graph.maxY - 1, style: Style(.dim))
        // With negative values, the zero line is labelled too when it has a row of its own.
        if scale.bottom < 0 {
            let zeroRow = graph.maxY - 1 - zeroCell(scale, rows: graph.height)
            if zeroRow > graph.y, zeroRow < graph.maxY - 1 {
                buffer.put(TextFit.rightAligned(format.text(0, axis: max(abs(scale.top), abs(scale.bottom))), width: width),
                           x: axis.x, y: zeroRow,
                           style: Style(.dim))
            }
        }
    }

    /// The row (from the bottom) whose bottom edge is the zero line: bars start on a cell boundary.
    private static func zeroCell(_ scale: Scale, rows: Int) -> Int {
        scale.level(0, steps: rows)
    }

    // MARK: Bars and points

    /// The value each of `slots` graph positions shows: the buckets under it, the one of largest magnitude when
    /// several share a slot (a peak or a loss is never averaged away); a bucket spans several slots when there
    /// are more slots than buckets.
    static func sample(_ values: [Double?], slots: Int, buckets: Int) -> [Double?] {
        guard slots > 0, buckets > 0 else { return [] }
        return (0..<slots).map { slot in
            let first = slot * buckets / slots
            let last = max(first + 1, (slot + 1) * buckets / slots)
            var best: Double?
            for index in first..<min(last, values.count) {
                guard let value = values[index] else { continue }
                if best == nil || abs(value) > abs(best!) { best = value }
            }
            return best
        }
    }

    private static func drawBars(_ model: HistoryGraphModel, scale: Scale, in graph: Rect, glyphs: GlyphSet,
                                 into buffer: inout CellBuffer) {
        guard !graph.isEmpty else { return }
        let perCell = glyphs.samplesPerCell
        let levels = glyphs.levelsPerCell
        let steps = graph.height * levels
        let slots = graph.width * perCell
        let primary = sample(model.primary.values, slots: slots, buckets: model.bucketCount)
        let zero = zeroCell(scale, rows: graph.height) * levels
        // The filled steps of each slot, [low, high) from the bottom; an empty range for none.
        let fills: [(Int, Int)] = primary.map { value in
            guard let value, value != 0 else { return (0, 0) }
            let level = scale.level(value, steps: steps)
            return value > 0 ? (zero, min(steps, max(level, zero + 1))) : (max(0, min(level, zero - 1)), zero)
        }
        let style = Style(.accent)
        for column in 0..<graph.width {
            for row in 0..<graph.height {
                let base = row * levels
                func part(_ slot: Int) -> (Int, Int) {
                    guard slot < fills.count else { return (0, 0) }
                    let (low, high) = fills[slot]
                    return (min(max(low - base, 0), levels), min(max(high - base, 0), levels))
                }
                let glyph: String
                if glyphs.graphStyle == .braille {
                    glyph = brailleCell(left: part(column * 2), right: part(column * 2 + 1))
                } else {
                    glyph = blockCell(part(column), levels: levels, glyphs: glyphs)
                }
                if glyph != " " { buffer.put(glyph, x: graph.x + column, y: graph.maxY - 1 - row, style: style) }
            }
        }
        // One point a column (not a slot): two points side by side in one cell would read as noise. A single row
        // has no height to place a point in: it shows the bars alone.
        if let secondary = model.secondary, graph.height >= 2 {
            let marker = glyphs.unicode ? "•" : "o"
            for (column, value) in sample(secondary.values, slots: graph.width, buckets: model.bucketCount).enumerated() {
                guard let value else { continue }
                let level = scale.level(value, steps: steps)
                let row = value > 0 ? (max(level, zero + 1) - 1) / levels : value < 0 ? level / levels : zero / levels
                buffer.put(marker, x: graph.x + column, y: graph.maxY - 1 - min(max(row, 0), graph.height - 1),
                           style: Style(.value, bold: true))
            }
        }
    }

    /// A braille cell with dots over [low, high) of four rows in each column.
    static func brailleCell(left: (Int, Int), right: (Int, Int)) -> String {
        // Dots from the bottom up: left column 7, 3, 2, 1; right column 8, 6, 5, 4 (one byte each, packed, so a
        // cell of a graph costs no array).
        let leftBits: UInt32 = 0x01_02_04_40
        let rightBits: UInt32 = 0x08_10_20_80
        var pattern: UInt32 = 0
        for row in 0..<4 {
            let shift = UInt32(row * 8)
            if row >= left.0 && row < left.1 { pattern |= (leftBits >> shift) & 0xFF }
            if row >= right.0 && row < right.1 { pattern |= (rightBits >> shift) & 0xFF }
        }
        return pattern == 0 ? " " : String(Character(Unicode.Scalar(0x2800 + pattern)!))
    }

    /// A block or ASCII cell filled over [low, high) of its levels: from the bottom with the sparkline levels,
    /// hanging from the top (a negative bar) with upper blocks.
    static func blockCell(_ fill: (Int, Int), levels: Int, glyphs: GlyphSet) -> String {
        let (low, high) = fill
        guard high > low else { return " " }
        if low == 0 { return glyphs.sparkLevels[high] }
        let amount = high - low
        if glyphs.unicode {
            return amount * 4 >= levels * 3 ? "█" : amount * 8 >= levels * 3 ? "▀" : "▔"
        }
        return amount * 2 >= levels ? glyphs.barFull : "'"
    }

    // MARK: Time axis

    /// Label spacings tried, smallest first.
    static let tickIntervals: [Int64] = [60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200,
                                         86_400, 172_800, 604_800]

    /// Labels at round times of the display zone ("14:30", or "11-20" for whole days), as many as fit with two
    /// columns between them.
    private static func drawTimeAxis(_ model: HistoryGraphModel, in row: Rect, into buffer: inout CellBuffer) {
        let span = Int64(model.bucketCount) * model.step
        guard row.width > 0, span > 0 else { return }
        let labelWidth = 5
        guard let interval = tickIntervals.first(where: {
            Double(row.width) * Double($0) / Double(span) >= Double(labelWidth + 2)
        }) else { return }
        let zone = model.zone
        func aligned(from instant: Int64) -> Int64 {
            let past = GraphZone.modulo(zone.local(instant), interval)
            return past == 0 ? instant : instant + (interval - past)
        }
        var tick = aligned(from: model.start)
        var free = row.x
        while tick < model.start + span {
            let x = row.x + Int((tick - model.start) * Int64(row.width) / span)
            let label = interval >= 86_400 ? zone.date(tick) : zone.clock(tick)
            if x >= free, x + labelWidth <= row.maxX {
                buffer.put(label, x: x, y: row.y, style: Style(.dim))
                free = x + labelWidth + 2
            }
            tick = aligned(from: tick + interval)
        }
    }

    // MARK: Caption

    /// "█ spend  • cost" when there are two series.
    private static func legend(_ model: HistoryGraphModel, glyphs: GlyphSet) -> [String] {
        guard let secondary = model.secondary else { return [] }
        let bar = glyphs.graphStyle == .braille ? "⣿" : glyphs.unicode ? "█" : "#"
        return [bar + " " + model.primary.label, (glyphs.unicode ? "•" : "o") + " " + secondary.label]
    }

    private static func drawCaption(_ segments: [String], in row: Rect, into buffer: inout CellBuffer) {
        var x = row.x
        for (index, segment) in segments.enumerated() {
            let text = Sanitizer.clean(segment)
            let gap = index == 0 ? 0 : 2
            // Whole or not at all: a cut figure would be a wrong figure.
            if x + gap + DisplayWidth.of(text) > row.maxX { break }
            x += gap
            x += buffer.put(text, x: x, y: row.y, style: Style(index == 0 ? .label : .normal), maxWidth: row.maxX - x)
        }
    }
}
