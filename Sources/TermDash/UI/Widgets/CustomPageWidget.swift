import Metrics

/// A custom page: its panes in boxes titled by the pane, one column below 120 columns, two from 120 (so 80×24
/// stacks them and 200×50 lays them out two by two), rows of equal height. Panes that would get under 3 rows are
/// left out and the last row says how many.
struct CustomPageWidget: Widget {
    var page: CustomPage?
    /// The outcomes of `page`'s panes; nil (or a pane past its end) reads "loading…".
    var results: PageResults?
    var glyphs: GlyphSet

    /// The smallest pane: a border and a line.
    static let minimumPaneHeight = 3

    func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard area.width > 0, area.height > 0 else { return }
        guard let page, !page.panes.isEmpty else {
            buffer.put("No such page", x: area.x, y: area.y, maxWidth: area.width)
            return
        }
        let places = Self.layout(panes: page.panes.count, in: area)
        let outcomes = results?.title == page.title ? results?.outcomes ?? [] : []
        for (index, place) in places.enumerated() {
            let pane = page.panes[index]
            let outcome = index < outcomes.count ? outcomes[index] : nil
            var title = pane.title.isEmpty ? "Pane \(index + 1)" : pane.title
            if case .success(let result)? = outcome, result.truncated { title += " (first \(result.rows.count) rows)" }
            let panel = Panel(title: title, glyphs: glyphs)
            panel.render(place, into: &buffer)
            let inner = panel.inner(place)
            CustomPaneWidget(outcome: outcome, kind: pane.kind, glyphs: glyphs)
                .render(inner.width >= 10 ? inner.inset(horizontal: 1) : inner, into: &buffer)
        }
        let left = page.panes.count - places.count
        if left > 0 {
            let note = places.isEmpty ? "\(left) panes: too small" : "\(glyphs.ellipsis) \(left) more"
            buffer.put(note, x: area.x, y: area.maxY - 1, style: Style(.dim), maxWidth: area.width)
        }
    }

    /// Where each of `count` panes goes, in order; fewer when they do not all fit (a line kept for the note).
    static func layout(panes count: Int, in area: Rect) -> [Rect] {
        guard count > 0, area.width > 0, area.height > 0 else { return [] }
        let columns = area.width >= 120 && count >= 2 ? 2 : 1
        var rows = (count + columns - 1) / columns
        var fitting = count
        if rows * minimumPaneHeight > area.height {
            // Keep a line for "… N more".
            rows = max(0, (area.height - 1) / minimumPaneHeight)
            fitting = rows * columns
        }
        guard rows > 0 else { return [] }
        let usable = fitting < count ? area.height - 1 : area.height
        var places: [Rect] = []
        var y = area.y
        for row in 0..<rows {
            let height = usable / rows + (row < usable % rows ? 1 : 0)
            let inRow = min(columns, fitting - row * columns)
            // A row with one pane (the last of an odd count) gives it the whole width.
            let cells = Rect(x: area.x, y: y, width: area.width, height: height)
                .columns(Array(repeating: .fill, count: inRow))
            places += cells
            y += height
        }
        return places
    }
}
