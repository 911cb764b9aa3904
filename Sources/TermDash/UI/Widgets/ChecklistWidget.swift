import Metrics

/// The checklist, one item a row, alerts first as the engine orders them:
///
/// ```
/// ▲ ALERT  CDR file in error         Master.csv: line 3: broken quote
/// ◆ WARN   Profile not verified      New Co (X9) was created by importing Master-2026-11.csv
/// … 4 more
/// ```
///
/// Severity is a glyph and a word (ALERT, WARN), never colour alone. Titles line up in a column; reasons are cut
/// with an ellipsis, and dropped when the row is too narrow for a useful part of one. Everything from the store is
/// sanitised. The list scrolls by an offset the view keeps; a last row says how many items are out of view.
struct ChecklistWidget: Widget {
    /// Nil until the first snapshot: "loading…".
    var items: [ChecklistItem]?
    /// The first item shown (the view's scroll position).
    var offset = 0
    var glyphs: GlyphSet

    /// "▲ ALERT" and "◆ WARN " are this wide.
    static let severityWidth = 7
    static let gap = 2
    /// Below this the reason is left out rather than cut to a stub.
    static let minimumReason = 12

    /// The largest useful offset for `count` items in `height` rows (the view clamps its scroll position to it).
    static func maximumOffset(count: Int, height: Int) -> Int {
        guard count > height, height > 0 else { return 0 }
        return height == 1 ? count - 1 : count - (height - 1)
    }

    func render(_ rect: Rect, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        guard let items else {
            buffer.put("loading" + glyphs.ellipsis, x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
            return
        }
        guard !items.isEmpty else {
            buffer.put(glyphs.ok + " Nothing outstanding", x: rect.x, y: rect.y, style: Style(.good), maxWidth: rect.width)
            return
        }
        let first = min(max(0, offset), Self.maximumOffset(count: items.count, height: rect.height))
        // When the items do not all fit (and there are two rows or more), the last row counts the rest.
        let rowsForItems = items.count > rect.height && rect.height >= 2 ? rect.height - 1 : rect.height
        let shown = Array(items.dropFirst(first).prefix(rowsForItems))
        let titleWidth = min(shown.map { DisplayWidth.of(Sanitizer.clean($0.title)) }.max() ?? 0, max(10, rect.width / 3))
        for (index, item) in shown.enumerated() {
            Self.drawItem(item, titleWidth: titleWidth, x: rect.x, y: rect.y + index, width: rect.width, glyphs: glyphs,
                     into: &buffer)
        }
        if rowsForItems < rect.height {
            let below = items.count - first - shown.count
            let note = below > 0 ? "\(glyphs.ellipsis) \(below) more" : "\(first) above"
            buffer.put(note, x: rect.x, y: rect.maxY - 1, style: Style(.dim), maxWidth: rect.width)
        }
    }

    private static func drawItem(_ item: ChecklistItem, titleWidth: Int, x: Int, y: Int, width: Int, glyphs: GlyphSet,
                                 into buffer: inout CellBuffer) {
        let alert = item.severity == .alert
        let style = Style(alert ? .alarm : .warning, bold: alert)
        let severity = alert ? glyphs.alarm + " ALERT" : glyphs.warning + " WARN "
        let title = Sanitizer.clean(item.title)
        let reason = Sanitizer.clean(item.reason)
        // Too narrow for the word: the glyph and as much of the title as fits.
        guard width >= severityWidth + gap + 4 else {
            buffer.put(alert ? glyphs.alarm : glyphs.warning, x: x, y: y, style: style, maxWidth: width)
            if width >= 3 {
                buffer.put(TextFit.truncate(title, toWidth: width - 2, ellipsis: glyphs.ellipsis), x: x + 2, y: y,
                           style: Style(.normal))
            }
            return
        }
        buffer.put(severity, x: x, y: y, style: style)
        let titleX = x + severityWidth + gap
        let reasonX = titleX + titleWidth + gap
        let reasonWidth = x + width - reasonX
        if reasonWidth >= minimumReason {
            buffer.put(TextFit.truncate(title, toWidth: titleWidth, ellipsis: glyphs.ellipsis), x: titleX, y: y,
                       style: Style(.label))
            buffer.put(TextFit.truncate(reason, toWidth: reasonWidth, ellipsis: glyphs.ellipsis), x: reasonX, y: y,
                       style: Style(.normal))
        } else {
            buffer.put(TextFit.truncate(title, toWidth: x + width - titleX, ellipsis: glyphs.ellipsis), x: titleX, y: y,
                       style: Style(.label))
        }
    }
}
