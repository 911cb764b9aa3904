import Metrics

/// Everything the summary pane remembers between frames: which period, page and figure it shows, the selection and
/// the customers ticked for invoicing.
struct SummaryGridViewState: Equatable, Sendable {
    var period: SummaryPeriod
    /// Pages of buckets before the page that ends now (0: the newest), as `MetricsEngine.summary` takes it.
    var page = 0
    /// Customers ticked for invoicing, by id; kept across pages and periods.
    var ticked: Set<Int64> = []
    private(set) var metric: CellMetric
    /// The figures `m` cycles through. A customer-scoped view should leave out provider cost and profit.
    let metrics: [CellMetric]
    var selection: GridSelection
    /// What the selection's indices meant in the grid last seen, so a refresh keeps it on the same cells.
    private var seenPeriod: SummaryPeriod?
    private var seenPage = 0
    private var seenRowIDs: [Int64] = []
    private var seenBuckets: [Int64] = []

    /// Every figure, for operators.
    static let operatorMetrics = CellMetric.allCases
    /// A customer's own figures: no carrier cost or margin.
    static let customerMetrics: [CellMetric] = [.attempts, .answered, .asr, .acd, .dtmfShare, .spend]

    init(period: SummaryPeriod = .live, metric: CellMetric = .attempts, metrics: [CellMetric] = operatorMetrics) {
        self.period = period
        self.metrics = metrics.isEmpty ? [.attempts] : metrics
        self.metric = self.metrics.contains(metric) ? metric : self.metrics[0]
        selection = GridSelection(rows: 0, columns: 0)
    }

    /// `m` / `M`: the next (or previous) figure.
    mutating func cycleMetric(backwards: Bool = false) {
        let index = metrics.firstIndex(of: metric) ?? 0
        let step = backwards ? metrics.count - 1 : 1
        metric = metrics[(index + step) % metrics.count]
    }

    /// Shows `metric` if it is one of `metrics`.
    mutating func show(_ metric: CellMetric) {
        if metrics.contains(metric) { self.metric = metric }
    }

    /// `p` / `P`: Live → Daily → Monthly. The caller then reads the grid of the new period and passes it to
    /// `update`, which puts the cursor on the newest bucket.
    mutating func cyclePeriod(backwards: Bool = false) {
        let all = SummaryPeriod.allCases
        let index = all.firstIndex(of: period) ?? 0
        period = all[(index + (backwards ? all.count - 1 : 1)) % all.count]
        page = 0
    }

    /// The customer under the cursor in the grid last seen.
    var cursorCustomer: Int64? {
        guard !selection.isEmpty, seenRowIDs.indices.contains(selection.cursor.row) else { return nil }
        return seenRowIDs[selection.cursor.row]
    }

    /// The time frame `i` invoices in `grid`: the buckets of the selected rectangle's columns, else the cursor's
    /// bucket, from the first one's start to the last one's end (half-open, UTC). Nil when the grid shown is not the
    /// one the state is on.
    func invoiceInterval(in grid: SummaryGrid) -> Range<Int64>? {
        guard grid.period == period, grid.pagesBack == page, !grid.buckets.isEmpty, !selection.isEmpty else { return nil }
        let columns = selection.hasRectangle ? selection.range?.columns : selection.cursor.column...selection.cursor.column
        guard let columns, columns.lowerBound >= 0, columns.upperBound < grid.buckets.count else { return nil }
        return grid.buckets[columns.lowerBound]..<period.next(after: grid.buckets[columns.upperBound])
    }

    /// Space: ticks the cursor's customer, or unticks it.
    mutating func toggleTick() {
        guard let customer = cursorCustomer else { return }
        if ticked.contains(customer) { ticked.remove(customer) } else { ticked.insert(customer) }
    }

    /// Takes a new grid. Within the same period the cursor and anchor stay on the same customer and bucket
    /// (a cursor on the newest bucket follows the newest bucket when the hour, day or month rolls over);
    /// a customer or bucket that is gone leaves the position clamped. A grid of another period starts the
    /// cursor on the newest bucket of the same customer, with no selection.
    mutating func update(to grid: SummaryGrid) {
        let rowIDs = grid.rows.map(\.customerID)
        let old = selection
        let samePeriod = seenPeriod == grid.period
        let samePage = samePeriod && seenPage == grid.pagesBack
        let unchanged = samePage && rowIDs == seenRowIDs && grid.buckets == seenBuckets
        defer {
            seenPeriod = grid.period
            seenPage = grid.pagesBack
            seenRowIDs = rowIDs
            seenBuckets = grid.buckets
        }
        let firstGrid = seenPeriod == nil
        guard !unchanged else { return }
        selection.resize(rows: rowIDs.count, columns: grid.buckets.count)
        guard !selection.isEmpty else { return }
        let newest = grid.buckets.count - 1

        func row(_ index: Int) -> Int {
            guard index >= 0, index < seenRowIDs.count else { return index }
            return rowIDs.firstIndex(of: seenRowIDs[index]) ?? index
        }
        func column(_ index: Int) -> Int {
            guard samePeriod, index >= 0, index < seenBuckets.count else { return newest }
            if index == seenBuckets.count - 1 { return newest }
            return grid.buckets.firstIndex(of: seenBuckets[index]) ?? (seenBuckets[index] < (grid.buckets.first ?? 0) ? 0 : newest)
        }

        if samePeriod, !samePage {
            // Another page of the same period: the cursor keeps its customer and its place on the axis.
            let cursor = GridPosition(row: row(old.cursor.row), column: min(old.cursor.column, newest))
            selection.clearSelection()
            selection.relocate(cursor: cursor, anchor: nil)
            return
        }
        if firstGrid || !samePeriod {
            let cursor = GridPosition(row: firstGrid ? 0 : row(old.cursor.row), column: newest)
            selection.clearSelection()
            selection.relocate(cursor: cursor, anchor: nil)
            return
        }
        let cursor = GridPosition(row: row(old.cursor.row), column: column(old.cursor.column))
        let anchor = old.anchor.map { GridPosition(row: row($0.row), column: column($0.column)) }
        selection.relocate(cursor: cursor, anchor: anchor)
    }

    /// The selected cells of `grid`, row by row; cells outside the grid (a stale selection) are left out.
    func selectedCells(in grid: SummaryGrid) -> [TrafficFigures] {
        guard let range = selection.range else { return [] }
        return Self.cells(of: range, in: grid)
    }

    /// What `e` exports: the selection when one is made, otherwise the whole grid.
    var exportRange: GridRange? {
        guard !selection.isEmpty else { return nil }
        if selection.hasRectangle { return selection.range }
        return GridRange(rows: 0...(selection.rowCount - 1), columns: 0...(selection.columnCount - 1))
    }

    static func cells(of range: GridRange, in grid: SummaryGrid) -> [TrafficFigures] {
        var cells: [TrafficFigures] = []
        for r in range.rows where r >= 0 && r < grid.rows.count {
            let row = grid.rows[r].cells
            for c in range.columns where c >= 0 && c < row.count { cells.append(row[c]) }
        }
        return cells
    }
}

extension SummaryGridViewState {
    /// Applies a grid command. `pageRows` is how many customer rows the pane shows
    /// (`SummaryGridWidget.layout(…).visibleRows`). Returns what the session must do next.
    mutating func apply(_ command: GridCommand, pageRows: Int) -> GridEffect {
        func gridMove(_ direction: GridDirection) -> GridMove {
            switch direction {
            case .up: return .up
            case .down: return .down
            case .left: return .left
            case .right: return .right
            case .pageUp: return .pageUp(rows: pageRows)
            case .pageDown: return .pageDown(rows: pageRows)
            case .home: return .home
            case .end: return .end
            case .top: return .top
            case .bottom: return .bottom
            }
        }
        switch command {
        case .move(let direction): selection.move(gridMove(direction))
        case .extend(let direction): selection.extend(gridMove(direction))
        case .toggleAnchor: selection.toggleAnchor()
        case .clearSelection: selection.clearSelection()
        case .selectAll: selection.selectAll()
        case .nextMetric: cycleMetric()
        case .previousMetric: cycleMetric(backwards: true)
        case .nextPeriod:
            cyclePeriod()
            return .reloadGrid
        case .previousPeriod:
            cyclePeriod(backwards: true)
            return .reloadGrid
        case .copy: return .copy(headers: false)
        case .copyWithHeaders: return .copy(headers: true)
        case .export: return .export
        case .pageBack:
            page += 1
            return .reloadGrid
        case .pageForward:
            guard page > 0 else { return .redraw }
            page -= 1
            return .reloadGrid
        case .toggleTick: toggleTick()
        case .generateInvoices: return .generateInvoices
        }
        return .redraw
    }

    /// The selection as TSV (with headers for `Y`) and what it is ("6 cells"), for `CopyPipeline.copy`;
    /// nil when there is nothing to copy (an empty grid, or a grid of another period than the one shown).
    func clipboardText(_ grid: SummaryGrid, headers: Bool, moneyDecimals: Int = 2) -> (text: String, what: String)? {
        guard grid.period == period, grid.pagesBack == page, let range = selection.range else { return nil }
        let text = SelectionExport.tsv(grid, range: range, metric: metric, headers: headers, moneyDecimals: moneyDecimals)
        guard !text.isEmpty else { return nil }
        return (text, SelectionExport.describe(range, in: grid) + (headers ? " with headers" : ""))
    }

    /// The CSV for `e` (the selection, or the whole grid when nothing is selected), what it holds and a file
    /// name stamped with `now` (Unix seconds, UTC), for `CSVExport.export`.
    func csvExport(_ grid: SummaryGrid, now: Int64, moneyDecimals: Int = 2) -> (csv: String, what: String, fileName: String)? {
        guard grid.period == period, grid.pagesBack == page, let range = exportRange else { return nil }
        let csv = SelectionExport.csv(grid, range: range, metric: metric, moneyDecimals: moneyDecimals)
        guard !csv.isEmpty else { return nil }
        return (csv, SelectionExport.describe(range, in: grid),
                SelectionExport.fileName(period: period, metric: metric, at: now))
    }
}
