import Metrics

/// The summary grid: customers down, UTC buckets across, one figure per cell.
///
/// ```
/// Attempts      10:00 11:00 12:00 13:00
/// Acme Telecom    120   130   N/A     0
/// Globex            7     9    12    14
/// Total           127   139    12    14
/// n 1 · Σ 14 · avg 14.00 · weighted N/A
/// ```
///
/// The name column is frozen; rows and columns scroll to keep the cursor in view. The cursor's cell and the
/// selection are shown in the selection role (reverse video in monochrome); inside a rectangle of several cells
/// the cursor's cell is the one left out of the reverse, in bold, as spreadsheets show the active cell. The cursor's
/// row name and column heading are bold as well, so the position reads without colour.
struct SummaryGridWidget: Widget {
    /// Nil until the first read: "loading…".
    var grid: SummaryGrid?
    var state: SummaryGridViewState
    var glyphs: GlyphSet
    var options = Options()

    struct Options: Equatable, Sendable {
        /// Places for money (the currency's minor digits).
        var moneyDecimals = 2
        /// The "n · Σ · avg · weighted" line at the bottom (off when the status bar shows it instead).
        var showsSelectionLine = true

        init(moneyDecimals: Int = 2, showsSelectionLine: Bool = true) {
            self.moneyDecimals = moneyDecimals
            self.showsSelectionLine = showsSelectionLine
        }
    }

    static let gap = 1
    static let maxNameWidth = 24
    static let minNameWidth = 5
    static let totalLabel = "Total"

    /// Where everything goes in a rect, from the grid's sizes and the widths of its texts.
    struct Layout: Equatable, Sendable {
        var rect: Rect
        var nameWidth: Int
        var cellWidth: Int
        var headerY: Int?
        var bodyY: Int
        /// Customer rows and bucket columns that fit.
        var visibleRows: Int
        var visibleColumns: Int
        var totalY: Int?
        var selectionLineY: Int?

        var stride: Int { cellWidth + gap }

        /// The first column of the `index`-th visible bucket's text.
        func columnX(_ index: Int) -> Int { rect.x + nameWidth + gap + index * stride }
    }

    static func layout(_ grid: SummaryGrid, metric: CellMetric, in rect: Rect, options: Options = Options()) -> Layout {
        let totals = columnTotals(grid)
        return layout(grid, totals: totals, metric: metric, in: rect, options: options)
    }

    private static func layout(
        _ grid: SummaryGrid, totals: [TrafficFigures], metric: CellMetric, in rect: Rect, options: Options
    ) -> Layout {
        let columnCount = grid.buckets.count
        let cellWidth = self.cellWidth(grid, totals: totals, metric: metric, moneyDecimals: options.moneyDecimals)
        var preferred = max(DisplayWidth.of(totalLabel), DisplayWidth.of(metric.label))
        for row in grid.rows { preferred = max(preferred, DisplayWidth.of(Sanitizer.clean(row.name))) }
        preferred = min(maxNameWidth, max(minNameWidth, preferred))
        let stride = cellWidth + gap

        let nameWidth: Int
        let visibleColumns: Int
        if columnCount == 0 {
            nameWidth = min(preferred, rect.width)
            visibleColumns = 0
        } else if rect.width >= preferred + stride {
            nameWidth = preferred
            visibleColumns = min(columnCount, (rect.width - preferred) / stride)
        } else if rect.width >= stride + 1 {
            // Narrow: one bucket, the name gets what is left.
            visibleColumns = 1
            nameWidth = rect.width - stride
        } else {
            visibleColumns = 0
            nameWidth = rect.width
        }

        var top = rect.y
        var remaining = rect.height
        var headerY: Int?
        if remaining >= 1 {
            headerY = top
            top += 1
            remaining -= 1
        }
        var selectionLineY: Int?
        if options.showsSelectionLine, rect.height >= 3 {
            selectionLineY = rect.maxY - 1
            remaining -= 1
        }
        let showsTotal = grid.rows.count >= 2 && remaining >= 3
        if showsTotal { remaining -= 1 }
        let visibleRows = min(grid.rows.count, max(0, remaining))
        return Layout(
            rect: rect, nameWidth: nameWidth, cellWidth: cellWidth, headerY: headerY, bodyY: top,
            visibleRows: visibleRows, visibleColumns: visibleColumns,
            totalY: showsTotal ? top + visibleRows : nil, selectionLineY: selectionLineY)
    }

    /// Scrolls `state`'s selection so its cursor is in view in `rect` (call before drawing and before paging,
    /// whose step is `layout(…).visibleRows`).
    static func reveal(_ state: inout SummaryGridViewState, grid: SummaryGrid, in rect: Rect, options: Options = Options()) {
        let layout = layout(grid, metric: state.metric, in: rect, options: options)
        state.selection.reveal(visibleRows: layout.visibleRows, visibleColumns: layout.visibleColumns)
    }

    /// The panel title: "Summary · Daily · Attempts (UTC) · 2026-11-04 to 2026-12-04", the period that of the grid
    /// shown (the state's until the first grid is read).
    static func title(_ state: SummaryGridViewState, grid: SummaryGrid? = nil, glyphs: GlyphSet) -> String {
        let dot = glyphs.unicode ? " · " : " - "
        let period = grid?.period ?? state.period
        let span = grid?.interval.map { dot + BucketLabel.span($0, period: period) } ?? ""
        return "Summary" + dot + period.label + dot + state.metric.label + " (UTC)" + span
    }

    // MARK: Drawing

    func render(_ rect: Rect, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        guard let grid else {
            buffer.put("loading" + glyphs.ellipsis, x: rect.x, y: rect.y, style: Style(.dim), maxWidth: rect.width)
            return
        }
        let metric = state.metric
        let totals = Self.columnTotals(grid)
        let layout = Self.layout(grid, totals: totals, metric: metric, in: rect, options: options)
        // A copy scrolled to the cursor: whatever the caller did, the cursor is never drawn off-screen.
        var selection = state.selection
        if selection.rowCount != grid.rows.count || selection.columnCount != grid.buckets.count {
            selection.resize(rows: grid.rows.count, columns: grid.buckets.count)
        }
        selection.reveal(visibleRows: layout.visibleRows, visibleColumns: layout.visibleColumns)
        let firstRow = selection.scrollRow, firstColumn = selection.scrollColumn
        let columns = firstColumn..<min(grid.buckets.count, firstColumn + layout.visibleColumns)
        let rows = firstRow..<min(grid.rows.count, firstRow + layout.visibleRows)
        let cursor = selection.isEmpty ? nil : selection.cursor

        if let y = layout.headerY {
            let corner = TextFit.truncate(metric.label, toWidth: layout.nameWidth, ellipsis: glyphs.ellipsis)
            buffer.put(corner, x: rect.x, y: y, style: Style(.title), maxWidth: layout.nameWidth)
            for (index, column) in columns.enumerated() {
                let label = BucketLabel.compact(grid.buckets[column], period: grid.period)
                let style = column == cursor?.column ? Style(.accent, bold: true) : Style(.label)
                buffer.put(TextFit.rightAligned(label, width: layout.cellWidth), x: layout.columnX(index), y: y,
                           style: style)
            }
        }
        if grid.rows.isEmpty {
            if layout.bodyY < rect.maxY {
                buffer.put("no customers in this period", x: rect.x, y: layout.bodyY, style: Style(.dim),
                           maxWidth: rect.width)
            }
            return
        }
        for (offset, r) in rows.enumerated() {
            let y = layout.bodyY + offset
            let row = grid.rows[r]
            // Once any customer is ticked, every name has a tick column before it: "✓ Acme", "  Globex".
            let tick = state.ticked.isEmpty ? "" : (state.ticked.contains(row.customerID) ? glyphs.tick + " " : "  ")
            let name = TextFit.truncate(tick + Sanitizer.clean(row.name), toWidth: layout.nameWidth,
                                        ellipsis: glyphs.ellipsis)
            let nameStyle = r == cursor?.row ? Style(.accent, bold: true) : Style(.normal)
            buffer.put(name, x: rect.x, y: y, style: nameStyle, maxWidth: layout.nameWidth)
            for (index, column) in columns.enumerated() where column < row.cells.count {
                Self.drawCell(row.cells[column], metric: metric, x: layout.columnX(index), y: y, width: layout.cellWidth,
                         emphasis: false, options: options, into: &buffer)
            }
        }
        if let y = layout.totalY {
            buffer.put(TextFit.truncate(Self.totalLabel, toWidth: layout.nameWidth, ellipsis: glyphs.ellipsis), x: rect.x, y: y,
                       style: Style(.label, bold: true), maxWidth: layout.nameWidth)
            for (index, column) in columns.enumerated() {
                Self.drawCell(totals[column], metric: metric, x: layout.columnX(index), y: y, width: layout.cellWidth,
                         emphasis: true, options: options, into: &buffer)
            }
        }
        if let cursor, let range = selection.range {
            Self.markSelection(range, cursor: cursor, rectangle: selection.hasRectangle, rows: rows, columns: columns,
                          layout: layout, into: &buffer)
        }
        if let y = layout.selectionLineY {
            let cells = SummaryGridViewState.cells(of: selection.range ?? GridRange(rows: 0...0, columns: 0...0), in: grid)
            let text = selection.isEmpty
                ? "" : SelectionLine.text(cells, metric: metric, glyphs: glyphs, moneyDecimals: options.moneyDecimals)
            buffer.put(TextFit.truncate(text, toWidth: rect.width, ellipsis: glyphs.ellipsis), x: rect.x, y: y,
                       style: Style(.label), maxWidth: rect.width)
        }
    }

    /// A figure right-aligned in its column: N/A and zero dimmed, a loss in the alarm role (its sign says it too).
    private static func drawCell(
        _ figures: TrafficFigures, metric: CellMetric, x: Int, y: Int, width: Int, emphasis: Bool, options: Options,
        into buffer: inout CellBuffer
    ) {
        let text = FigureText.cell(figures, metric: metric, moneyDecimals: options.moneyDecimals)
        let style: Style
        if text == nil {
            style = Style(.dim)
        } else if FigureText.isMoney(metric), FigureText.micros(of: figures, metric) < 0 {
            style = Style(.alarm)
        } else if (metric.value(of: figures) ?? 0) == 0 {
            style = Style(.dim)
        } else {
            style = emphasis ? Style(.value) : Style(.normal)
        }
        buffer.put(TextFit.rightAligned(text ?? FigureText.notApplicable, width: width), x: x, y: y, style: style,
                   maxWidth: width)
    }

    /// Reverse video over the visible part of the selected rectangle (the gaps inside it too, so it reads as one
    /// block); the cursor's cell in the selection role and bold when alone, cut out of a larger block in bold.
    private static func markSelection(
        _ range: GridRange, cursor: GridPosition, rectangle: Bool, rows: Range<Int>, columns: Range<Int>, layout: Layout,
        into buffer: inout CellBuffer
    ) {
        let firstRow = max(range.rows.lowerBound, rows.lowerBound), lastRow = min(range.rows.upperBound, rows.upperBound - 1)
        let firstColumn = max(range.columns.lowerBound, columns.lowerBound)
        let lastColumn = min(range.columns.upperBound, columns.upperBound - 1)
        guard firstRow <= lastRow, firstColumn <= lastColumn else { return }
        let left = layout.columnX(firstColumn - columns.lowerBound)
        let right = layout.columnX(lastColumn - columns.lowerBound) + layout.cellWidth
        if rectangle {
            let top = layout.bodyY + firstRow - rows.lowerBound
            buffer.restyle(Rect(x: left, y: top, width: right - left, height: lastRow - firstRow + 1), style: Style(.selection))
        }
        guard rows.contains(cursor.row), columns.contains(cursor.column) else { return }
        let x = layout.columnX(cursor.column - columns.lowerBound)
        let y = layout.bodyY + cursor.row - rows.lowerBound
        let style = rectangle ? Style(.normal, bold: true) : Style(.selection, bold: true)
        buffer.restyle(Rect(x: x, y: y, width: layout.cellWidth, height: 1), style: style)
    }

    // MARK: Mouse

    /// What the screen cell (`x`, `y`) shows, for a grid drawn in `rect` with `state`; nil outside the grid.
    /// With `clamped`, a point outside the cells (a drag past the edge) gives the nearest cell, one step beyond
    /// the visible ones so the grid scrolls under the pointer.
    static func hitTest(
        x: Int, y: Int, grid: SummaryGrid, state: SummaryGridViewState, in rect: Rect, options: Options = Options(),
        clamped: Bool = false
    ) -> GridHit? {
        guard !grid.rows.isEmpty, !grid.buckets.isEmpty else { return nil }
        let layout = layout(grid, metric: state.metric, in: rect, options: options)
        var selection = state.selection
        selection.resize(rows: grid.rows.count, columns: grid.buckets.count)
        selection.reveal(visibleRows: layout.visibleRows, visibleColumns: layout.visibleColumns)
        let bodyEnd = layout.bodyY + layout.visibleRows
        let columnsStart = rect.x + layout.nameWidth
        let columnIndex = x >= columnsStart ? (x - columnsStart) / layout.stride : -1
        if clamped {
            let row = y < layout.bodyY ? selection.scrollRow - 1
                : y >= bodyEnd ? selection.scrollRow + layout.visibleRows : selection.scrollRow + (y - layout.bodyY)
            let column = x < columnsStart ? selection.scrollColumn - 1
                : columnIndex >= layout.visibleColumns ? selection.scrollColumn + layout.visibleColumns
                : selection.scrollColumn + columnIndex
            return .cell(GridPosition(row: min(max(0, row), grid.rows.count - 1),
                                      column: min(max(0, column), grid.buckets.count - 1)))
        }
        guard rect.contains(x: x, y: y) else { return nil }
        let inColumns = columnIndex >= 0 && columnIndex < layout.visibleColumns
        let column = selection.scrollColumn + columnIndex
        if y == layout.headerY {
            if x < columnsStart { return .corner }
            return inColumns ? .columnHeader(column) : nil
        }
        guard y >= layout.bodyY, y < bodyEnd else { return nil }
        let row = selection.scrollRow + (y - layout.bodyY)
        if x < columnsStart { return .rowName(row) }
        return inColumns ? .cell(GridPosition(row: row, column: column)) : nil
    }

    /// Applies a mouse event at screen cell (`x`, `y`) to `state`: a press on a cell starts a selection, a drag
    /// extends it (past the edge too), a release ends it; a press on a name selects the customer's row, on a
    /// heading the bucket's column, on the corner everything; the wheel moves the cursor three rows.
    /// Returns whether the event was the grid's (and the pane needs drawing).
    @discardableResult
    static func handleMouse(
        x: Int, y: Int, kind: MouseKind, grid: SummaryGrid, state: inout SummaryGridViewState, in rect: Rect,
        options: Options = Options()
    ) -> Bool {
        if state.selection.rowCount != grid.rows.count || state.selection.columnCount != grid.buckets.count {
            state.selection.resize(rows: grid.rows.count, columns: grid.buckets.count)
        }
        reveal(&state, grid: grid, in: rect, options: options)
        defer { reveal(&state, grid: grid, in: rect, options: options) }
        switch kind {
        case .drag, .release:
            guard state.selection.isDragging,
                  case .cell(let position)? = hitTest(x: x, y: y, grid: grid, state: state, in: rect, options: options,
                                                      clamped: true)
            else { return false }
            state.selection.mouse(kind, at: position)
            return true
        case .scrollUp, .scrollDown:
            guard rect.contains(x: x, y: y), !state.selection.isEmpty else { return false }
            for _ in 0..<3 { state.selection.move(kind == .scrollUp ? .up : .down) }
            return true
        case .press, .click:
            guard let hit = hitTest(x: x, y: y, grid: grid, state: state, in: rect, options: options) else { return false }
            switch hit {
            case .cell(let position): state.selection.mouse(kind, at: position)
            case .rowName(let row): state.selection.selectRow(row)
            case .columnHeader(let column): state.selection.selectColumn(column)
            case .corner: state.selection.selectAll()
            }
            return true
        case .other:
            return false
        }
    }

    // MARK: Measuring

    /// Per bucket, the sum of every customer's cell (ratios in the total row are recomputed from these sums).
    static func columnTotals(_ grid: SummaryGrid) -> [TrafficFigures] {
        var totals = Array(repeating: TrafficFigures(), count: grid.buckets.count)
        for row in grid.rows {
            for (index, cell) in row.cells.enumerated() where index < totals.count { totals[index] += cell }
        }
        return totals
    }

    /// The width every bucket column gets: its widest figure, heading or "N/A". Found from the extreme values
    /// rather than by formatting every cell.
    static func cellWidth(_ grid: SummaryGrid, totals: [TrafficFigures], metric: CellMetric, moneyDecimals: Int) -> Int {
        var width = DisplayWidth.of(FigureText.notApplicable)
        if let first = grid.buckets.first {
            width = max(width, DisplayWidth.of(BucketLabel.compact(first, period: grid.period)))
        }
        var low = TrafficFigures(), high = TrafficFigures()
        var lowKey = Int64.max, highKey = Int64.min
        var highRatio: Double = -1
        func consider(_ figures: TrafficFigures) {
            switch metric {
            case .asr, .dtmfShare:
                return  // at most "100.0%"
            case .acd:
                if let value = figures.acd, value > highRatio { highRatio = value; high = figures }
            default:
                let key = FigureText.isMoney(metric)
                    ? FigureText.micros(of: figures, metric) : (metric == .attempts ? figures.attempts : figures.answered)
                if key < lowKey { lowKey = key; low = figures }
                if key > highKey { highKey = key; high = figures }
            }
        }
        for row in grid.rows { row.cells.forEach(consider) }
        totals.forEach(consider)
        switch metric {
        case .asr, .dtmfShare:
            width = max(width, "100.0%".count)
        case .acd:
            if highRatio >= 0 { width = max(width, DisplayWidth.of(FigureText.cell(high, metric: metric) ?? "")) }
        default:
            for figures in [low, high] {
                width = max(width, DisplayWidth.of(FigureText.cell(figures, metric: metric, moneyDecimals: moneyDecimals) ?? ""))
            }
        }
        return width
    }
}
