import Metrics

/// One series of a history graph: a value per bucket, nil where there is none (a gap, not a zero).
struct GraphSeries: Equatable, Sendable {
    var label: String
    var values: [Double?]
}

/// How a graph's figures read.
enum GraphValueFormat: Equatable, Sendable {
    /// "1,234" (rounded).
    case count
    /// "3.2".
    case decimal
    /// Currency units: "1,234.56" (the axis rounds to units from 100 up).
    case money
    /// "45.2%".
    case percent
    /// Seconds as "2:31".
    case duration

    /// - Parameter axis: the magnitude of the axis the value labels, for axis labels (money in whole units from 100
    ///   up, so that both ends of a scale read alike); nil for a figure.
    func text(_ value: Double, axis: Double? = nil) -> String {
        switch self {
        case .count: return NumberText.grouped(Int(value.rounded(.toNearestOrAwayFromZero)))
        case .decimal: return NumberText.decimal(value)
        case .money:
            return (axis ?? 0) >= 100
                ? NumberText.grouped(Int(value.rounded(.toNearestOrAwayFromZero))) : NumberText.decimal(value, places: 2)
        case .percent: return axis != nil ? NumberText.decimal(value, places: 0) + "%" : NumberText.percent(value)
        case .duration: return NumberText.minutesSeconds(value)
        }
    }
}

/// What a history graph draws: buckets of `step` seconds from `start` (UTC), one or two series on one scale,
/// labelled in `zone`, with caption segments below.
struct HistoryGraphModel: Equatable, Sendable {
    /// UTC start of the first bucket.
    var start: Int64
    var step: Int64
    /// Drawn as bars (an area).
    var primary: GraphSeries
    /// Drawn as points over the bars, so the two read apart without colour; the caption starts with a legend.
    var secondary: GraphSeries?
    var format: GraphValueFormat
    var zone: GraphZone
    /// Segments such as "now 51" or "peak 7/s at 14:03:17", each shown whole or not at all.
    var caption: [String]

    var bucketCount: Int { max(primary.values.count, secondary?.values.count ?? 0) }
}

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
        // Dots from the bottom up: left column 7, 3, 2, 1; right column 8, 6, 5, 4.
        let leftBits: [UInt32] = [0x40, 0x04, 0x02, 0x01]
        let rightBits: [UInt32] = [0x80, 0x20, 0x10, 0x08]
        var pattern: UInt32 = 0
        for row in 0..<4 {
            if row >= left.0 && row < left.1 { pattern |= leftBits[row] }
            if row >= right.0 && row < right.1 { pattern |= rightBits[row] }
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

// MARK: - The dashboard's graphs, from a history snapshot

extension HistoryGraphModel {
    private static func on(_ history: HistorySnapshot, _ primary: GraphSeries, _ secondary: GraphSeries? = nil,
                           format: GraphValueFormat, zone: GraphZone, caption: [String]) -> HistoryGraphModel {
        HistoryGraphModel(start: history.from, step: history.step, primary: primary, secondary: secondary,
                          format: format, zone: zone, caption: caption)
    }

    private static func units(_ money: Money) -> Double { Double(money.micros) / Double(Money.microsPerUnit) }

    /// Average channels in use per bucket: "now 51  max 60".
    static func channels(_ history: HistorySnapshot, zone: GraphZone) -> HistoryGraphModel {
        let values = history.channels
        return on(history, GraphSeries(label: "channels", values: values), format: .count, zone: zone, caption: [
            "now " + GraphValueFormat.count.text(values.last ?? 0), "max " + GraphValueFormat.count.text(values.max() ?? 0),
        ])
    }

    /// Calls per second per bucket (bars) and each bucket's busiest second (points), with the range's peak.
    static func cps(_ history: HistorySnapshot, zone: GraphZone) -> HistoryGraphModel {
        let peak = history.peak
        var caption = ["now " + NumberText.decimal(history.cps.last ?? 0) + "/s",
                       "max " + NumberText.decimal(history.cps.max() ?? 0) + "/s"]
        if let second = peak.peakSecond {
            caption.append("peak \(NumberText.grouped(Int(peak.peak)))/s at \(zone.clock(second, seconds: true))")
        }
        return on(history, GraphSeries(label: "cps", values: history.cps),
                  GraphSeries(label: "peak", values: history.peakAttempts.map(Double.init)),
                  format: .decimal, zone: zone, caption: caption)
    }

    /// Customer spend (bars) against provider cost (points), with the range's totals.
    static func spendAndCost(_ history: HistorySnapshot, zone: GraphZone) -> HistoryGraphModel {
        let total = history.total
        return on(history, GraphSeries(label: "spend", values: history.money.map { units($0.spend) }),
                  GraphSeries(label: "cost", values: history.money.map { units($0.cost) }), format: .money, zone: zone,
                  caption: ["spend " + NumberText.money(total.spend), "cost " + NumberText.money(total.providerCost),
                            "profit " + NumberText.money(total.profit)])
    }

    /// Profit per bucket, below zero for a loss, with the range's total and its worst bucket.
    static func profit(_ history: HistorySnapshot, zone: GraphZone) -> HistoryGraphModel {
        let money = history.money
        var caption = ["profit " + NumberText.money(history.total.profit)]
        if let worst = money.min(by: { $0.profit < $1.profit }), worst.profit.micros < 0 {
            caption.append("worst " + NumberText.money(worst.profit) + " at " + label(worst.bucket, history, zone))
        } else if let best = money.max(by: { $0.profit < $1.profit }), best.profit.micros > 0 {
            caption.append("best " + NumberText.money(best.profit) + " at " + label(best.bucket, history, zone))
        }
        return on(history, GraphSeries(label: "profit", values: money.map { units($0.profit) }), format: .money,
                  zone: zone, caption: caption)
    }

    /// The daily profit and loss of the last seven days. Days are UTC days, like the summaries, and labelled so.
    static func dailyProfit(_ history: HistorySnapshot) -> HistoryGraphModel {
        let days = history.daily
        let week = days.reduce(Money(micros: 0)) { $0 + $1.profit }
        return HistoryGraphModel(
            start: days.first?.bucket ?? history.from, step: 86_400,
            primary: GraphSeries(label: "profit", values: days.map { units($0.profit) }), secondary: nil,
            format: .money, zone: .utc,
            caption: ["today " + NumberText.money(days.last?.profit ?? Money(micros: 0)),
                      "7 d " + NumberText.money(week), "UTC days"])
    }

    /// Registrations at the end of each bucket.
    static func registrations(_ history: HistorySnapshot, zone: GraphZone) -> HistoryGraphModel {
        let values = history.registrations
        return on(history, GraphSeries(label: "registrations", values: values.map(Double.init)), format: .count,
                  zone: zone, caption: ["now \(NumberText.grouped(values.last ?? 0))",
                                        "max \(NumberText.grouped(values.max() ?? 0))",
                                        "min \(NumberText.grouped(values.min() ?? 0))"])
    }

    /// ASR per bucket for the whole network (a gap where a bucket had no attempt), and over the range.
    static func asr(_ history: HistorySnapshot, zone: GraphZone) -> HistoryGraphModel {
        on(history, GraphSeries(label: "ASR", values: history.figures.map(\.asr)), format: .percent, zone: zone,
           caption: ["ASR " + (history.total.asr.map(NumberText.percent) ?? "N/A")])
    }

    /// ACD per bucket (a gap where nothing was answered), and over the range.
    static func acd(_ history: HistorySnapshot, zone: GraphZone) -> HistoryGraphModel {
        on(history, GraphSeries(label: "ACD", values: history.figures.map(\.acd)), format: .duration, zone: zone,
           caption: ["ACD " + (history.total.acd.map(NumberText.minutesSeconds) ?? "N/A")])
    }

    /// DTMF share per bucket (a gap where no answered call's DTMF is known), and over the range with its digits.
    static func dtmf(_ history: HistorySnapshot, zone: GraphZone) -> HistoryGraphModel {
        let total = history.total
        return on(history, GraphSeries(label: "DTMF", values: history.figures.map(\.dtmfShare)), format: .percent,
                  zone: zone, caption: ["DTMF " + (total.dtmfShare.map(NumberText.percent) ?? "N/A"),
                                        "\(NumberText.grouped(Int(total.counts.dtmfDigits))) digits"])
    }

    /// A bucket's start as the axis names it: a time of day, or a date for day buckets.
    private static func label(_ bucket: Int64, _ history: HistorySnapshot, _ zone: GraphZone) -> String {
        history.step >= 86_400 ? zone.date(bucket) : zone.clock(bucket)
    }
}
