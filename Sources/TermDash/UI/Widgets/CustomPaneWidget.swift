import Foundation
import Metrics

/// A custom page's pane: its query's rows as a table, bars, a sparkline or a counter; or, when the query failed or
/// ran too long, its error after a "!" (so the state reads without colour). Text from the store is sanitised when
/// it is measured and when it is put.
struct CustomPaneWidget: Widget {
    /// Nil until the query first ran: "loading…".
    var outcome: Result<CustomQueryResult, CustomQueryError>?
    var kind: CustomPaneKind
    var glyphs: GlyphSet

    func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard area.width > 0, area.height > 0 else { return }
        switch outcome {
        case nil:
            buffer.put("loading…", x: area.x, y: area.y, maxWidth: area.width)
        case .failure(let error):
            buffer.put("! \(error)", x: area.x, y: area.y, maxWidth: area.width)
        case .success(let result):
            switch kind {
            case .table: renderTable(result, area, &buffer)
            case .bar: renderBars(result, area, &buffer)
            case .sparkline:
                let series = result.rows.compactMap { $0.last.flatMap(Self.number) }.map { Int($0.rounded()) }
                SparklineWidget(series, glyphs: glyphs).render(area, into: &buffer)
            case .counter:
                let value = result.rows.first?.first.map(Self.text) ?? "-"
                buffer.put(value, x: area.x, y: area.y, style: Style(bold: true), maxWidth: area.width)
                if area.height >= 2, let name = result.columns.first {
                    buffer.put(name, x: area.x, y: area.y + 1, maxWidth: area.width)
                }
            }
        }
    }

    private func renderTable(_ result: CustomQueryResult, _ area: Rect, _ buffer: inout CellBuffer) {
        let cells = result.rows.prefix(max(0, area.height - 1)).map { $0.map(Self.text) }
        var widths = result.columns.map { DisplayWidth.of(Sanitizer.clean($0)) }
        for row in cells {
            for (index, text) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(Sanitizer.clean(text)))
            }
        }
        var x = area.x
        for (index, column) in result.columns.enumerated() {
            let room = area.x + area.width - x
            guard room > 0 else { break }
            buffer.put(column, x: x, y: area.y, style: Style(bold: true), maxWidth: min(room, widths[index]))
            for (line, row) in cells.enumerated() where index < row.count {
                let text = row[index]
                let numeric = Self.number(result.rows[line][index]) != nil
                let pad = numeric ? widths[index] - DisplayWidth.of(Sanitizer.clean(text)) : 0
                buffer.put(text, x: x + pad, y: area.y + 1 + line, maxWidth: max(0, min(room, widths[index]) - pad))
            }
            x += widths[index] + 2
        }
    }

    /// A bar per row: its label (the first column), then bars scaled to the largest value, then the value.
    private func renderBars(_ result: CustomQueryResult, _ area: Rect, _ buffer: inout CellBuffer) {
        let rows = result.rows.prefix(area.height).map { row in
            (label: row.first.map(Self.text) ?? "", value: row.last.flatMap(Self.number) ?? 0,
             text: row.last.map(Self.text) ?? "")
        }
        let labelWidth = min(area.width / 3, rows.map { DisplayWidth.of(Sanitizer.clean($0.label)) }.max() ?? 0)
        let valueWidth = rows.map { DisplayWidth.of($0.text) }.max() ?? 0
        let barRoom = max(0, area.width - labelWidth - valueWidth - 2)
        let largest = rows.map(\.value).max() ?? 0
        for (line, row) in rows.enumerated() {
            let y = area.y + line
            buffer.put(row.label, x: area.x, y: y, maxWidth: labelWidth)
            let length = largest > 0 ? Int((max(0, row.value) / largest * Double(barRoom)).rounded()) : 0
            buffer.put(String(repeating: glyphs.barFull, count: length), x: area.x + labelWidth + 1, y: y,
                       maxWidth: barRoom)
            let valueX = area.x + labelWidth + 1 + barRoom + 1
            buffer.put(row.text, x: valueX, y: y, maxWidth: max(0, area.x + area.width - valueX))
        }
    }

    static func text(_ value: CustomQueryResult.Value) -> String {
        switch value {
        case .null: return ""
        case .integer(let number): return String(number)
        case .real(let number): return String(format: "%.2f", number)
        case .text(let text): return text
        }
    }

    static func number(_ value: CustomQueryResult.Value) -> Double? {
        switch value {
        case .integer(let number): return Double(number)
        case .real(let number): return number
        case .null, .text: return nil
        }
    }
}
