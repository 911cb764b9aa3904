import Metrics

/// The top counters — live channels, active customers, carriers, rate cards — in the roomiest layout that fits:
///
/// - four columns, label over a three-row figure (wide and tall: wall screens);
/// - four columns, label over value (wide);
/// - a 2×2 grid of `label  value` pairs;
/// - one counter per row (tall and narrow);
/// - the same grid with short labels;
/// - a single line, counters dropped from the right when even that is too wide.
struct CountersWidget: Widget {
    /// Nil until the first snapshot: "loading…".
    var counters: Counters?
    var glyphs: GlyphSet

    struct Item: Equatable {
        var label: String
        var shortLabel: String
        var value: String
    }

    static func items(_ counters: Counters) -> [Item] {
        [
            Item(label: "Live channels", shortLabel: "Live", value: NumberText.grouped(counters.liveChannels)),
            Item(label: "Active customers", shortLabel: "Customers", value: NumberText.grouped(counters.activeCustomers)),
            Item(label: "Carriers", shortLabel: "Carriers", value: NumberText.grouped(counters.carriers)),
            Item(label: "Rate cards", shortLabel: "Cards", value: NumberText.grouped(counters.rateCards)),
        ]
    }

    func render(_ rect: Rect, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        guard let counters else {
            buffer.put("loading" + glyphs.ellipsis, x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
            return
        }
        let items = Self.items(counters)
        let valueWidth = items.map { $0.value.count }.max() ?? 0
        let labelWidth = items.map { $0.label.count }.max() ?? 0
        let shortWidth = items.map { $0.shortLabel.count }.max() ?? 0
        let gridColumn = (rect.width - 3) / 2  // two columns around " │ "

        let bigWidth = items.map { BigNumber.width(of: $0.value) }.max() ?? 0
        if rect.height >= 1 + BigNumber.height && rect.width / 4 >= max(labelWidth, bigWidth) + 2 {
            Self.drawColumns(items, big: true, in: rect, glyphs: glyphs, into: &buffer)
        } else if rect.height >= 2 && rect.width / 4 >= max(labelWidth, valueWidth) + 2 {
            Self.drawColumns(items, big: false, in: rect, glyphs: glyphs, into: &buffer)
        } else if rect.height >= 2 && gridColumn >= labelWidth + 2 + valueWidth {
            Self.drawGrid(items, short: false, in: rect, glyphs: glyphs, into: &buffer)
        } else if rect.height >= 4 && rect.width >= labelWidth + 2 + valueWidth {
            Self.drawList(items, in: rect, into: &buffer)
        } else if rect.height >= 2 && gridColumn >= shortWidth + 2 + valueWidth {
            Self.drawGrid(items, short: true, in: rect, glyphs: glyphs, into: &buffer)
        } else {
            Self.drawLine(items, in: rect, into: &buffer)
        }
    }

    private static func drawColumns(_ items: [Item], big: Bool, in rect: Rect, glyphs: GlyphSet, into buffer: inout CellBuffer) {
        for (item, column) in zip(items, rect.equalColumns(items.count)) {
            buffer.put(item.label, x: column.x, y: column.y, style: Style(.label), maxWidth: column.width - 1)
            if big && BigNumber.canRender(item.value) {
                BigNumber.render(item.value, x: column.x, y: column.y + 1, unicode: glyphs.unicode, style: Style(.value), into: &buffer)
            } else {
                buffer.put(item.value, x: column.x, y: column.y + 1, style: Style(.value), maxWidth: column.width - 1)
            }
        }
    }

    private static func drawGrid(_ items: [Item], short: Bool, in rect: Rect, glyphs: GlyphSet, into buffer: inout CellBuffer) {
        let columns = rect.equalColumns(2, gap: 3)
        for (index, item) in items.enumerated() {
            let column = columns[index % 2]
            let y = rect.y + index / 2
            guard y < rect.maxY else { break }
            put(pair: item, short: short, x: column.x, y: y, width: column.width, into: &buffer)
            if index % 2 == 0 {
                buffer.put(glyphs.separator, x: column.maxX + 1, y: y, style: Style(.dim))
            }
        }
    }

    private static func drawList(_ items: [Item], in rect: Rect, into buffer: inout CellBuffer) {
        for (index, item) in items.enumerated() where index < rect.height {
            put(pair: item, short: false, x: rect.x, y: rect.y + index, width: rect.width, into: &buffer)
        }
    }

    /// `label      value`, the value right-aligned at `width`.
    private static func put(pair item: Item, short: Bool, x: Int, y: Int, width: Int, into buffer: inout CellBuffer) {
        let label = short ? item.shortLabel : item.label
        buffer.put(label, x: x, y: y, style: Style(.label), maxWidth: width)
        let valueX = x + width - item.value.count
        if valueX > x + label.count {
            buffer.put(item.value, x: valueX, y: y, style: Style(.value))
        }
    }

    /// `Live channels 1,234  Active customers 87  ...` on one row; short labels, then fewer counters, as needed.
    private static func drawLine(_ items: [Item], in rect: Rect, into buffer: inout CellBuffer) {
        func width(_ short: Bool) -> Int {
            items.reduce(0) { $0 + (short ? $1.shortLabel : $1.label).count + 1 + $1.value.count } + 2 * (items.count - 1)
        }
        let short = width(false) > rect.width
        var x = rect.x
        for (index, item) in items.enumerated() {
            let label = short ? item.shortLabel : item.label
            let gap = index == 0 ? 0 : 2
            let needed = gap + label.count + 1 + item.value.count
            if index > 0 && x + needed > rect.maxX { break }
            x += gap
            x += buffer.put(label + " ", x: x, y: rect.y, style: Style(.label), maxWidth: rect.maxX - x)
            x += buffer.put(item.value, x: x, y: rect.y, style: Style(.value), maxWidth: rect.maxX - x)
        }
    }
}
