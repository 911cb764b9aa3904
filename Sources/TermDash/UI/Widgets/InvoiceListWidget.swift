import Metrics

/// A customer's invoices in their portal, newest first, one a row:
///
/// ```
/// Number      Issued             Total    Left  Status       Period
/// INV-000042  2026-11-02  1,250.00 EUR  250.00  partly paid  2026-10-01..2026-10-31
/// (draft)     -             310.55 EUR       -  draft        2026-11-01..2026-11-30
/// ```
///
/// The status is a word (draft, issued, partly paid, paid, void), never colour alone; what remains to pay is shown
/// for issued ones. Dates are in the invoice's zone. Numbers and currencies from the store are sanitised; columns
/// that do not fit are left out from the right, rows that do not fit end with "… N more".
struct InvoiceListWidget: Widget {
    /// Nil until the first read: "loading…".
    var invoices: [Invoice]?
    var glyphs: GlyphSet
    /// The portal's selected row (marked by › or >, not by colour alone); nil: no cursor.
    var cursor: Int? = nil

    /// The period last: on a narrow screen it is the column left out first, the status stays.
    static let headings = ["Number", "Issued", "Total", "Left", "Status", "Period"]

    static func cells(_ invoice: Invoice) -> [String] {
        let dates = InvoiceDates(zone: invoice.zone)
        let decimals = CurrencyUnits.decimals(invoice.currency)
        let currency = Sanitizer.clean(invoice.currency)
        return [
            invoice.number.map(Sanitizer.clean) ?? "(draft)",
            invoice.issuedAt.map(dates.day) ?? "-",
            "\(NumberText.money(invoice.total, decimals: decimals)) \(currency)",
            invoice.status == .issued ? NumberText.money(invoice.left, decimals: decimals) : "-",
            invoice.statusText,
            "\(dates.day(invoice.period.from))..\(dates.day(invoice.period.to - 1))",
        ]
    }

    func render(_ rect: Rect, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        guard let invoices else {
            buffer.put("loading" + glyphs.ellipsis, x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
            return
        }
        guard !invoices.isEmpty else {
            buffer.put("No invoices yet", x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
            return
        }
        let rows = invoices.map(Self.cells)
        // Money columns (Total, Left) are right-aligned.
        let rightAligned: Set<Int> = [2, 3]
        var widths = Self.headings.map(DisplayWidth.of)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        // With a cursor, a column for its mark.
        let markWidth = cursor == nil ? 0 : 2
        // The columns that fit, from the left, two spaces apart.
        var shown = 0
        var used = 0
        for width in widths {
            let needed = used + (shown == 0 ? 0 : 2) + width
            guard needed <= rect.width - markWidth else { break }
            used = needed
            shown += 1
        }
        shown = max(1, shown)
        func line(_ cells: [String], y: Int, style: Style) {
            var x = rect.x + markWidth
            for index in 0..<shown {
                let cell = cells[index]
                let pad = widths[index] - DisplayWidth.of(cell)
                let text = rightAligned.contains(index) ? String(repeating: " ", count: max(0, pad)) + cell : cell
                buffer.put(text, x: x, y: y, style: style, maxWidth: max(0, rect.maxX - x))
                x += widths[index] + 2
                if x >= rect.maxX { break }
            }
        }
        line(Self.headings, y: rect.y, style: Style(.dim))
        let room = rect.height - 1
        guard room > 0 else { return }
        var fits = rows.count <= room ? rows.count : (cursor == nil ? room - 1 : max(1, room - 1))
        // The cursor's row stays in view: the list starts late enough to show it; at the end, no "more" line.
        var first = cursor.map { max(0, min($0, rows.count - 1) - fits + 1) } ?? 0
        if cursor != nil, rows.count > room, first + room >= rows.count {
            first = rows.count - room
            fits = room
        }
        for (offset, row) in rows[first...].prefix(fits).enumerated() {
            let y = rect.y + 1 + offset
            if let cursor, first + offset == cursor {
                buffer.put(glyphs.unicode ? "›" : ">", x: rect.x, y: y, style: Style(.value), maxWidth: rect.width)
                line(row, y: y, style: Style(.value))
            } else {
                line(row, y: y, style: .normal)
            }
        }
        let below = rows.count - first - fits
        if below > 0, fits < room {
            buffer.put("\(glyphs.ellipsis) \(below) more", x: rect.x, y: rect.y + 1 + fits,
                       style: Style(.dim), maxWidth: rect.width)
        }
    }
}
