import Metrics

/// A channels table — rank, name, channels in use, limit and, when wide, a utilisation bar:
///
/// ```
///  #  Customer             In use  Limit  Use
///  1  Acme Telecom            120    150  ████████░░  80% ◆
/// ```
///
/// Columns are given up from the right as the rect narrows (bar, limit, rank); names are cut with an ellipsis.
/// The name column's header is given (Customer, Carrier, DID); rows without any limit (DIDs) have no Limit column.
/// The utilisation state is carried by the percentage and a glyph as well as by colour.
struct ChannelTableWidget: Widget {
    /// Nil until the first snapshot: "loading…".
    var rows: [ChannelUsage]?
    var nameHeader = "Customer"
    var glyphs: GlyphSet

    static let barWidth = 10
    /// Bar, space, "100%", space, glyph.
    static let useWidth = barWidth + 1 + 4 + 1 + 1
    static let gap = 2

    /// At or above these percentages a row is a warning or an alarm.
    static let warningPercent = 80
    static let alarmPercent = 95

    struct Plan: Equatable {
        var rankWidth: Int  // 0 when hidden
        var nameWidth: Int
        var inUseWidth: Int  // 0 when hidden
        var limitWidth: Int  // 0 when hidden
        var showsUse: Bool
    }

    static func plan(for rows: [ChannelUsage], width: Int, glyphs: GlyphSet) -> Plan {
        let rank = max(1, String(rows.count).count)
        let inUse = max(6, rows.map { NumberText.grouped($0.inUse).count }.max() ?? 0)
        let limit = max(5, rows.map { limitText($0.configured, glyphs: glyphs).count }.max() ?? 0)
        // Rows that have no limit at all (DIDs) get no Limit and Use columns.
        let limited = rows.contains { $0.configured != nil }
        let candidates = (limited ? [
            (Plan(rankWidth: rank, nameWidth: 0, inUseWidth: inUse, limitWidth: limit, showsUse: true), 12),
            (Plan(rankWidth: rank, nameWidth: 0, inUseWidth: inUse, limitWidth: limit, showsUse: false), 6),
        ] : []) + [
            (Plan(rankWidth: rank, nameWidth: 0, inUseWidth: inUse, limitWidth: 0, showsUse: false), 6),
            (Plan(rankWidth: 0, nameWidth: 0, inUseWidth: inUse, limitWidth: 0, showsUse: false), 4),
        ]
        for (candidate, minimumName) in candidates {
            var fixed = candidate.inUseWidth + gap
            if candidate.rankWidth > 0 { fixed += candidate.rankWidth + gap }
            if candidate.limitWidth > 0 { fixed += candidate.limitWidth + gap }
            if candidate.showsUse { fixed += useWidth + gap }
            if width - fixed >= minimumName {
                var plan = candidate
                plan.nameWidth = width - fixed
                return plan
            }
        }
        return Plan(rankWidth: 0, nameWidth: width, inUseWidth: 0, limitWidth: 0, showsUse: false)
    }

    func render(_ rect: Rect, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        guard let rows else {
            buffer.put("loading" + glyphs.ellipsis, x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
            return
        }
        guard !rows.isEmpty else {
            buffer.put("no data", x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
            return
        }
        let plan = Self.plan(for: rows, width: rect.width, glyphs: glyphs)
        var y = rect.y
        // A header over a single row of data is worth less than the row itself.
        if rect.height >= 2 {
            Self.drawHeader(plan, nameHeader: nameHeader, x: rect.x, y: y, glyphs: glyphs, into: &buffer)
            y += 1
        }
        for (index, row) in rows.enumerated() where y < rect.maxY {
            Self.drawRow(row, rank: index + 1, plan: plan, x: rect.x, y: y, glyphs: glyphs, into: &buffer)
            y += 1
        }
    }

    private static func drawHeader(
        _ plan: Plan, nameHeader: String, x: Int, y: Int, glyphs: GlyphSet, into buffer: inout CellBuffer
    ) {
        let style = Style(.label)
        var x = x
        if plan.rankWidth > 0 {
            buffer.put(TextFit.rightAligned("#", width: plan.rankWidth), x: x, y: y, style: style)
            x += plan.rankWidth + gap
        }
        buffer.put(TextFit.truncate(nameHeader, toWidth: plan.nameWidth, ellipsis: glyphs.ellipsis), x: x, y: y, style: style)
        x += plan.nameWidth
        if plan.inUseWidth > 0 {
            buffer.put(TextFit.rightAligned("In use", width: plan.inUseWidth), x: x + gap, y: y, style: style)
            x += gap + plan.inUseWidth
        }
        if plan.limitWidth > 0 {
            buffer.put(TextFit.rightAligned("Limit", width: plan.limitWidth), x: x + gap, y: y, style: style)
            x += gap + plan.limitWidth
        }
        if plan.showsUse {
            buffer.put("Use", x: x + gap, y: y, style: style)
        }
    }

    private static func drawRow(
        _ row: ChannelUsage, rank: Int, plan: Plan, x: Int, y: Int, glyphs: GlyphSet, into buffer: inout CellBuffer
    ) {
        var x = x
        if plan.rankWidth > 0 {
            buffer.put(TextFit.rightAligned(String(rank), width: plan.rankWidth), x: x, y: y, style: Style(.dim))
            x += plan.rankWidth + gap
        }
        let name = TextFit.truncate(Sanitizer.clean(row.name), toWidth: plan.nameWidth, ellipsis: glyphs.ellipsis)
        buffer.put(name, x: x, y: y, style: Style(.normal), maxWidth: plan.nameWidth)
        x += plan.nameWidth
        if plan.inUseWidth > 0 {
            let text = TextFit.rightAligned(NumberText.grouped(row.inUse), width: plan.inUseWidth)
            buffer.put(text, x: x + gap, y: y, style: Style(.value))
            x += gap + plan.inUseWidth
        }
        if plan.limitWidth > 0 {
            let text = TextFit.rightAligned(limitText(row.configured, glyphs: glyphs), width: plan.limitWidth)
            buffer.put(text, x: x + gap, y: y, style: Style(.normal))
            x += gap + plan.limitWidth
        }
        if plan.showsUse, let limit = row.configured {
            drawUse(inUse: row.inUse, limit: limit, x: x + gap, y: y, glyphs: glyphs, into: &buffer)
        }
    }

    /// `████████░░  80% ◆`
    private static func drawUse(inUse: Int, limit: Int, x: Int, y: Int, glyphs: GlyphSet, into buffer: inout CellBuffer) {
        let percent = utilisationPercent(inUse: inUse, limit: limit)
        let role = role(forPercent: percent)
        let filled: Int
        if limit > 0 {
            let exact = Double(max(0, inUse)) * Double(barWidth) / Double(limit)
            filled = min(barWidth, Int(exact.rounded(.toNearestOrAwayFromZero)))
        } else {
            filled = inUse > 0 ? barWidth : 0
        }
        buffer.put(String(repeating: glyphs.barFull, count: filled), x: x, y: y, style: Style(role))
        buffer.put(String(repeating: glyphs.barEmpty, count: barWidth - filled), x: x + filled, y: y, style: Style(.dim))
        let label = TextFit.rightAligned("\(min(percent, 999))%", width: 4)
        buffer.put(label, x: x + barWidth + 1, y: y, style: Style(role))
        let marker = role == .alarm ? glyphs.alarm : role == .warning ? glyphs.warning : ""
        buffer.put(marker, x: x + barWidth + 6, y: y, style: Style(role))
    }

    static func utilisationPercent(inUse: Int, limit: Int) -> Int {
        guard limit > 0 else { return inUse > 0 ? 999 : 0 }
        return Int((Double(max(0, inUse)) * 100 / Double(limit)).rounded(.toNearestOrAwayFromZero))
    }

    static func role(forPercent percent: Int) -> StyleRole {
        percent >= alarmPercent ? .alarm : percent >= warningPercent ? .warning : .good
    }

    static func limitText(_ configured: Int?, glyphs: GlyphSet) -> String {
        configured.map(NumberText.grouped) ?? glyphs.unlimited
    }
}
