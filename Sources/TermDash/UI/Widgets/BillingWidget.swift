import Metrics

/// The Billing view (the CDR billing dashboard): the top figures in a box, then side by side the top 5 customers by
/// invoice total over the past month and the CDR files processed in each of the past 3 months as bars.
///
/// ```
/// ┌ Billing ────────────────────────────────────────────────────────────────────┐
/// │ Customer records              12   Draft invoices                       3   │
/// │ CDR files on disk        1.2 MiB   Unpaid invoices         2 · 1,250.00   │
/// │ Files imported          ● 120      Open help tickets                  1   │
/// │ Files in error          ▲ 2        Files waiting                    ◆ 1   │
/// │ Last file  Master.csv · 2026-12-03 23:59 UTC · success                     │
/// └─────────────────────────────────────────────────────────────────────────────┘
/// ┌ Top 5 by invoice total · past month ┐┌ CDR files processed · 3 months ───────┐
/// ```
///
/// States read without colour: an error count has the alarm glyph, waiting files the warning glyph, the last file
/// says "success" or "error". Names from the store are sanitised. What does not fit is left out, the top figures
/// last.
struct BillingWidget: Widget {
    /// Nil until the first read: "loading…".
    var figures: BillingFigures?
    var glyphs: GlyphSet
    var moneyDecimals = 2

    /// Columns of one label and value of the top box.
    static let pairWidth = 36
    static let pairGap = 2
    /// The top customers and the files per month never grow beyond this many rows.
    static let maximumPaneHeight = 16

    func render(_ rect: Rect, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        guard let figures else {
            buffer.put("loading" + glyphs.ellipsis, x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
            return
        }
        let pairs = self.pairs(figures)
        let inner = max(1, rect.width - 4)
        let perRow = max(1, min(3, (inner + Self.pairGap) / (Self.pairWidth + Self.pairGap)))
        let metricRows = (pairs.count + perRow - 1) / perRow + 1
        let (top, rest) = rect.takeTop(min(rect.height, metricRows + 2))
        drawMetrics(pairs, figures: figures, perRow: perRow, in: top, into: &buffer)
        // The panes below need a border, a heading row and at least a row of figures.
        guard rest.height >= 4 else { return }
        // Bars taller than this compare no better, and five customers need no more.
        let (panes, _) = rest.takeTop(min(rest.height, Self.maximumPaneHeight))
        let columns = panes.width >= 60 ? panes.columns([.fill, .fill]) : [panes]
        drawTopCustomers(figures.topCustomers, in: columns[0], into: &buffer)
        if columns.count > 1 { drawFilesPerMonth(figures.filesPerMonth, in: columns[1], into: &buffer) }
    }

    // MARK: The top figures

    private struct Pair {
        var label: String
        var value: String
        var style: Style
    }

    private func pairs(_ figures: BillingFigures) -> [Pair] {
        let currency = figures.unpaidCurrency.map { " " + Sanitizer.clean($0) } ?? ""
        let unpaid = NumberText.grouped(figures.unpaidInvoices)
            + (figures.unpaidInvoices > 0
                ? " " + dot + " " + NumberText.money(figures.unpaidValue, decimals: moneyDecimals) + currency : "")
        return [
            Pair(label: "Customer records", value: NumberText.grouped(figures.customers), style: Style(.value)),
            Pair(label: "Draft invoices", value: NumberText.grouped(figures.draftInvoices), style: Style(.value)),
            Pair(label: "CDR files on disk", value: Self.bytes(figures.cdrBytes), style: Style(.value)),
            Pair(label: "Unpaid invoices", value: unpaid,
                 style: figures.unpaidInvoices > 0 ? Style(.warning, bold: true) : Style(.value)),
            Pair(label: "Files imported", value: glyphs.ok + " " + NumberText.grouped(figures.filesSuccess),
                 style: Style(.good)),
            Pair(label: "Open help tickets", value: NumberText.grouped(figures.openTickets),
                 style: figures.openTickets > 0 ? Style(.warning, bold: true) : Style(.value)),
            Pair(label: "Files in error", value: (figures.filesError > 0 ? glyphs.alarm : glyphs.ok) + " "
                    + NumberText.grouped(figures.filesError),
                 style: figures.filesError > 0 ? Style(.alarm, bold: true) : Style(.good)),
            Pair(label: "Files waiting", value: (figures.filesWaiting > 0 ? glyphs.warning : glyphs.ok) + " "
                    + NumberText.grouped(figures.filesWaiting),
                 style: figures.filesWaiting > 0 ? Style(.warning) : Style(.good)),
        ]
    }

    private var dot: String { glyphs.unicode ? "·" : "-" }

    private func drawMetrics(_ pairs: [Pair], figures: BillingFigures, perRow: Int, in rect: Rect,
                             into buffer: inout CellBuffer) {
        let panel = Panel(title: "Billing", glyphs: glyphs)
        panel.render(rect, into: &buffer)
        let inner = padded(panel.inner(rect))
        guard !inner.isEmpty else { return }
        let cells = inner.equalColumns(perRow, gap: Self.pairGap)
        var y = inner.y
        for (index, pair) in pairs.enumerated() {
            let column = index % perRow
            if column == 0, index > 0 { y += 1 }
            guard y < inner.maxY else { return }
            let cell = cells[column]
            let written = buffer.put(pair.label, x: cell.x, y: y, style: Style(.label), maxWidth: cell.width)
            let room = cell.width - written - 1
            guard room > 0 else { continue }
            let value = TextFit.truncate(pair.value, toWidth: room, ellipsis: glyphs.ellipsis)
            buffer.put(TextFit.rightAligned(value, width: room), x: cell.x + written + 1, y: y, style: pair.style,
                       maxWidth: room)
        }
        y += 1
        guard y < inner.maxY else { return }
        let written = buffer.put("Last file", x: inner.x, y: y, style: Style(.label), maxWidth: inner.width)
        let text: String
        let style: Style
        if let last = figures.lastFile {
            text = Sanitizer.clean(last.name) + " " + dot + " " + Self.utc(last.finishedAt) + " " + dot + " "
                + (last.succeeded ? glyphs.ok + " success" : glyphs.alarm + " error")
            style = last.succeeded ? Style(.normal) : Style(.alarm)
        } else {
            text = "none processed yet"
            style = Style(.dim)
        }
        let room = inner.width - written - 2
        guard room > 0 else { return }
        buffer.put(TextFit.truncate(text, toWidth: room, ellipsis: glyphs.ellipsis), x: inner.x + written + 2, y: y,
                   style: style, maxWidth: room)
    }

    // MARK: Top customers

    private func drawTopCustomers(_ customers: [BillingFigures.CustomerTotal], in rect: Rect,
                                  into buffer: inout CellBuffer) {
        let panel = Panel(title: "Top 5 by invoice total " + dot + " past month", glyphs: glyphs)
        panel.render(rect, into: &buffer)
        let inner = padded(panel.inner(rect))
        guard !inner.isEmpty else { return }
        guard !customers.isEmpty else {
            buffer.put("no invoices in the past month", x: inner.x, y: inner.y, style: Style(.dim), maxWidth: inner.width)
            return
        }
        let totals = customers.prefix(5).map {
            NumberText.money($0.total, decimals: moneyDecimals) + ($0.currency.map { " " + Sanitizer.clean($0) } ?? "")
        }
        let valueWidth = min(inner.width, totals.map(DisplayWidth.of).max() ?? 0)
        for (index, customer) in customers.prefix(5).enumerated() where inner.y + index < inner.maxY {
            let y = inner.y + index
            let nameWidth = inner.width - valueWidth - 1
            let rank = "\(index + 1) "
            if nameWidth > DisplayWidth.of(rank) {
                let name = TextFit.truncate(rank + Sanitizer.clean(customer.name), toWidth: nameWidth,
                                            ellipsis: glyphs.ellipsis)
                buffer.put(name, x: inner.x, y: y, style: Style(.normal), maxWidth: nameWidth)
            }
            buffer.put(TextFit.rightAligned(totals[index], width: valueWidth), x: inner.maxX - valueWidth, y: y,
                       style: Style(.value), maxWidth: valueWidth)
        }
    }

    // MARK: Files per month

    /// One bar per month, side by side: the count above, the month below, bars scaled to the busiest month (a month
    /// with any file gets at least one cell, so a small month never reads as none).
    private func drawFilesPerMonth(_ months: [BillingFigures.MonthCount], in rect: Rect,
                                   into buffer: inout CellBuffer) {
        let panel = Panel(title: "CDR files processed " + dot + " 3 months", glyphs: glyphs)
        panel.render(rect, into: &buffer)
        let inner = padded(panel.inner(rect))
        guard inner.height >= 1, !months.isEmpty else { return }
        let labels = months.map { BucketLabel.full($0.month, period: .monthly) }
        let counts = months.map { NumberText.grouped($0.files) }
        let columnWidth = max(labels.map(DisplayWidth.of).max() ?? 0, counts.map(DisplayWidth.of).max() ?? 0)
        let gap = 3
        guard months.count * columnWidth + (months.count - 1) * gap <= inner.width else {
            // Too narrow for bars: one line per month.
            for (index, month) in months.enumerated() where inner.y + index < inner.maxY {
                buffer.put(labels[index] + " " + counts[index], x: inner.x, y: inner.y + index,
                           style: month.files > 0 ? Style(.value) : Style(.dim), maxWidth: inner.width)
            }
            return
        }
        let barRows = max(0, inner.height - 2)
        let busiest = months.map(\.files).max() ?? 0
        for (index, month) in months.enumerated() {
            let x = inner.x + index * (columnWidth + gap)
            let filled = busiest == 0 ? 0 : (month.files * barRows + busiest - 1) / busiest
            let countY = inner.y + barRows - filled
            for row in 0..<filled {
                buffer.put(String(repeating: glyphs.barFull, count: columnWidth), x: x, y: inner.y + barRows - row,
                           style: Style(.accent))
            }
            if countY < inner.maxY - (inner.height >= 2 ? 1 : 0) {
                buffer.put(TextFit.rightAligned(counts[index], width: columnWidth), x: x, y: countY,
                           style: month.files > 0 ? Style(.value) : Style(.dim))
            }
            if inner.height >= 2 {
                buffer.put(labels[index], x: x, y: inner.maxY - 1, style: Style(.label), maxWidth: columnWidth)
            }
        }
    }

    // MARK: Text

    /// "0 B", "812 B", "1.2 KiB", "12.4 MiB", "3.0 GiB": binary units, one decimal.
    static func bytes(_ count: Int64) -> String {
        guard count >= 1_024 else { return "\(max(0, count)) B" }
        var value = Double(count)
        var unit = "B"
        for next in ["KiB", "MiB", "GiB", "TiB"] where value >= 1_024 {
            value /= 1_024
            unit = next
        }
        return NumberText.decimal(value) + " " + unit
    }

    /// "2026-12-03 23:59 UTC".
    static func utc(_ seconds: Int64) -> String {
        BucketLabel.full(seconds, period: .daily) + " " + String(BucketLabel.timestamp(seconds).dropFirst(9).prefix(2)) + ":"
            + String(BucketLabel.timestamp(seconds).dropFirst(11).prefix(2)) + " UTC"
    }

    private func padded(_ inner: Rect) -> Rect {
        inner.width >= 10 ? inner.inset(horizontal: 1) : inner
    }
}
