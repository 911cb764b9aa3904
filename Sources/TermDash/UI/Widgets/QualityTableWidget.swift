import Metrics

/// ASR, ACD and DTMF by carrier, with the total of the carriers toggled in pinned to the last row:
///
/// ```
///    Carrier           Calls     ASR        ACD    DTMF  Digits
/// ›✓ Alpha Telecom     1,234   45.2%       2:31   12.0%     345
///  · Beta                 80   12.5% LOW   1:05     N/A     N/A
///    Total (1 of 2)    1,234   45.2%       2:31   12.0%     345
/// ```
///
/// The toggle state is a mark (✓ in, · out; x and . in ASCII) and the cursor a › (>) with reverse video, never
/// colour alone; N/A where a figure has no denominator. Columns go from the right as the rect narrows (digits, DTMF,
/// ACD, calls); ASR and its alarm stay. Rows scroll to keep the cursor in view.
struct QualityTableWidget: Widget {
    /// Nil until the first snapshot: "loading…".
    var model: QualityTableModel?
    var glyphs: GlyphSet

    static let gap = 2

    struct Plan: Equatable {
        var nameWidth: Int
        var callsWidth: Int  // 0 when hidden
        var showsAlarm: Bool
        var acdWidth: Int  // 0 when hidden
        var showsDTMF: Bool
        var digitsWidth: Int  // 0 when hidden
    }

    static let markWidth = 3  // cursor, toggle, space
    static let asrWidth = 6  // "100.0%"
    static let alarmWidth = 4  // " LOW"
    static let dtmfWidth = 6

    static func plan(for model: QualityTableModel, width: Int) -> Plan {
        let rows = model.quality.carriers.map(\.counts) + [model.quality.total(excluding: model.excluded)]
        let calls = max(5, rows.map { NumberText.grouped(Int($0.attempts)).count }.max() ?? 0)
        let acd = max(4, rows.map { text(acd: $0).count }.max() ?? 0)
        let digits = max(6, rows.map { text(digits: $0).count }.max() ?? 0)
        let alarm = model.lowASR != nil
        let candidates = [
            Plan(nameWidth: 0, callsWidth: calls, showsAlarm: alarm, acdWidth: acd, showsDTMF: true, digitsWidth: digits),
            Plan(nameWidth: 0, callsWidth: calls, showsAlarm: alarm, acdWidth: acd, showsDTMF: true, digitsWidth: 0),
            Plan(nameWidth: 0, callsWidth: calls, showsAlarm: alarm, acdWidth: acd, showsDTMF: false, digitsWidth: 0),
            Plan(nameWidth: 0, callsWidth: calls, showsAlarm: alarm, acdWidth: 0, showsDTMF: false, digitsWidth: 0),
            Plan(nameWidth: 0, callsWidth: 0, showsAlarm: alarm, acdWidth: 0, showsDTMF: false, digitsWidth: 0),
        ]
        for candidate in candidates {
            let rest = width - fixedWidth(candidate)
            if rest >= 8 {
                var plan = candidate
                plan.nameWidth = rest
                return plan
            }
        }
        var last = candidates[candidates.count - 1]
        last.nameWidth = max(0, width - fixedWidth(last))
        return last
    }

    private static func fixedWidth(_ plan: Plan) -> Int {
        var width = markWidth + gap + asrWidth
        if plan.callsWidth > 0 { width += gap + plan.callsWidth }
        if plan.showsAlarm { width += alarmWidth }
        if plan.acdWidth > 0 { width += gap + plan.acdWidth }
        if plan.showsDTMF { width += gap + dtmfWidth }
        if plan.digitsWidth > 0 { width += gap + plan.digitsWidth }
        return width
    }

    /// The first carrier row shown when `visible` rows fit: the cursor kept in view, near the middle.
    static func firstVisibleRow(cursor: Int?, rows: Int, visible: Int) -> Int {
        guard let cursor, visible > 0, rows > visible else { return 0 }
        return min(max(0, cursor - visible / 2), rows - visible)
    }

    func render(_ rect: Rect, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        guard let model else {
            buffer.put("loading" + glyphs.ellipsis, x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
            return
        }
        let carriers = model.quality.carriers
        guard !carriers.isEmpty else {
            buffer.put("no carriers", x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
            return
        }
        let plan = Self.plan(for: model, width: rect.width)
        var body = rect
        if body.height >= 3 {
            Self.drawHeader(plan, x: rect.x, y: rect.y, width: rect.width, into: &buffer)
            body = rect.takeTop(1).rest
        }
        if body.height >= 2 {
            let (totalRow, rest) = body.takeBottom(1)
            body = rest
            let included = carriers.filter { !model.excluded.contains($0.id) }.count
            let label = included == carriers.count ? "Total" : "Total (\(included) of \(carriers.count))"
            Self.drawRow(mark: "  ", name: label, counts: model.quality.total(excluding: model.excluded), plan: plan,
                    model: model, dim: false, x: rect.x, y: totalRow.y, limit: rect.maxX, glyphs: glyphs, into: &buffer)
        }
        let first = Self.firstVisibleRow(cursor: model.cursor, rows: carriers.count, visible: body.height)
        for (offset, carrier) in carriers.dropFirst(first).prefix(body.height).enumerated() {
            let index = first + offset
            let out = model.excluded.contains(carrier.id)
            let cursorMark = index == model.cursor ? (glyphs.unicode ? "›" : ">") : " "
            let toggle = out ? (glyphs.unicode ? "·" : ".") : (glyphs.unicode ? "✓" : "x")
            let y = body.y + offset
            Self.drawRow(mark: cursorMark + toggle, name: carrier.name, counts: carrier.counts, plan: plan, model: model,
                    dim: out, x: rect.x, y: y, limit: rect.maxX, glyphs: glyphs, into: &buffer)
            if index == model.cursor {
                buffer.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: Style(.selection))
            }
        }
    }

    private static func drawHeader(_ plan: Plan, x: Int, y: Int, width: Int, into buffer: inout CellBuffer) {
        var cells: [(String, Int, Bool)] = [("Carrier", plan.nameWidth, false)]
        if plan.callsWidth > 0 { cells.append(("Calls", plan.callsWidth, true)) }
        cells.append(("ASR", asrWidth, true))
        if plan.showsAlarm { cells.append(("", alarmWidth - gap, false)) }
        if plan.acdWidth > 0 { cells.append(("ACD", plan.acdWidth, true)) }
        if plan.showsDTMF { cells.append(("DTMF", dtmfWidth, true)) }
        if plan.digitsWidth > 0 { cells.append(("Digits", plan.digitsWidth, true)) }
        var column = x + markWidth
        for (index, (title, cellWidth, right)) in cells.enumerated() {
            if index > 0 { column += gap }
            let text = right ? TextFit.rightAligned(title, width: cellWidth) : TextFit.prefix(title, width: cellWidth)
            buffer.put(text, x: column, y: y, style: Style(.label), maxWidth: x + width - column)
            column += cellWidth
        }
    }

    private static func drawRow(
        mark: String, name: String, counts: QualityCounts, plan: Plan, model: QualityTableModel, dim: Bool, x: Int,
        y: Int, limit: Int, glyphs: GlyphSet, into buffer: inout CellBuffer
    ) {
        let value = Style(dim ? .dim : .value)
        // Every cell is clipped at the rect's right edge, however narrow the plan left it.
        func put(_ text: String, _ x: Int, _ style: Style) {
            buffer.put(text, x: x, y: y, style: style, maxWidth: max(0, limit - x))
        }
        put(mark, x, Style(dim ? .dim : .accent))
        var column = x + markWidth
        let clean = TextFit.truncate(Sanitizer.clean(name), toWidth: plan.nameWidth, ellipsis: glyphs.ellipsis)
        buffer.put(clean, x: column, y: y, style: Style(dim ? .dim : .normal), maxWidth: min(plan.nameWidth, max(0, limit - column)))
        column += plan.nameWidth
        func cell(_ text: String, _ width: Int, notApplicable: Bool = false) {
            column += gap
            put(TextFit.rightAligned(text, width: width), column, notApplicable ? Style(.dim) : value)
            column += width
        }
        if plan.callsWidth > 0 { cell(NumberText.grouped(Int(counts.attempts)), plan.callsWidth) }
        cell(counts.asr.map(NumberText.percent) ?? "N/A", asrWidth, notApplicable: counts.asr == nil)
        if plan.showsAlarm {
            if let threshold = model.lowASR, counts.attempts >= max(1, model.minimumAttempts), let asr = counts.asr,
               asr < threshold {
                put(" LOW", column, Style(.alarm))
            }
            column += alarmWidth
        }
        if plan.acdWidth > 0 { cell(text(acd: counts), plan.acdWidth, notApplicable: counts.acd == nil) }
        if plan.showsDTMF {
            cell(counts.dtmfShare.map(NumberText.percent) ?? "N/A", dtmfWidth, notApplicable: counts.dtmfShare == nil)
        }
        if plan.digitsWidth > 0 { cell(text(digits: counts), plan.digitsWidth, notApplicable: counts.dtmfKnown == 0) }
    }

    private static func text(acd counts: QualityCounts) -> String {
        counts.acd.map(NumberText.minutesSeconds) ?? "N/A"
    }

    /// The digits of the calls whose DTMF is known; N/A when no call's is.
    private static func text(digits counts: QualityCounts) -> String {
        counts.dtmfKnown == 0 ? "N/A" : NumberText.grouped(Int(counts.dtmfDigits))
    }
}
