import Metrics

/// The cursor, the rectangular selection and the scroll position of the summary grid: a value with no knowledge
/// of the screen beyond the viewport sizes it is given, so every key and mouse gesture is a pure transition.
///
/// The selection is the rectangle between `anchor` and `cursor`; without an anchor it is the cursor's cell.
/// How the anchor was set decides what a plain move does:
/// - Shift+move (`extend`) sets it where the cursor was; a plain move afterwards drops it (as in spreadsheets);
/// - `v` (`toggleAnchor`) sets a sticky one: plain moves extend until `v` or Esc;
/// - a mouse press sets it, a drag extends, a release at the press cell drops it (a click only moves the cursor).
struct GridSelection: Equatable, Sendable {
    enum AnchorKind: Equatable, Sendable { case shift, sticky, mouse }

    private(set) var rowCount: Int
    private(set) var columnCount: Int
    private(set) var cursor: GridPosition
    private(set) var anchor: GridPosition?
    private(set) var anchorKind: AnchorKind?
    /// A mouse button is down over the grid.
    private(set) var isDragging = false
    /// The first customer row and the first bucket column shown (the name column is frozen and not counted).
    private(set) var scrollRow = 0
    private(set) var scrollColumn = 0

    /// A grid of `rows` × `columns`, the cursor on `cursor` or, by default, on the first customer's newest bucket
    /// (the right-hand column), which is where a summary is read from.
    init(rows: Int, columns: Int, cursor: GridPosition? = nil) {
        rowCount = max(0, rows)
        columnCount = max(0, columns)
        self.cursor = GridPosition(row: 0, column: max(0, columnCount - 1))
        if let cursor { self.cursor = clamped(cursor) }
    }

    var isEmpty: Bool { rowCount == 0 || columnCount == 0 }

    /// The selected rectangle: anchor to cursor, or the cursor's cell; nil when the grid is empty.
    var range: GridRange? {
        guard !isEmpty else { return nil }
        return GridRange(anchor ?? cursor, cursor)
    }

    /// Whether more than the cursor's cell is selected.
    var hasRectangle: Bool { anchor.map { $0 != cursor } ?? false }

    // MARK: Keys

    /// A plain move (arrows, hjkl, PgUp/PgDn, Home/End): extends a sticky (`v`) selection, drops any other.
    mutating func move(_ move: GridMove) {
        if anchorKind != .sticky { clearSelection() }
        apply(move)
    }

    /// A Shift+move: starts a selection at the cursor if there is none, then moves the cursor.
    mutating func extend(_ move: GridMove) {
        guard !isEmpty else { return }
        if anchor == nil {
            anchor = cursor
            anchorKind = .shift
        }
        apply(move)
    }

    /// `v`: sets a sticky anchor at the cursor, or drops the selection when there is one.
    mutating func toggleAnchor() {
        guard !isEmpty else { return }
        if anchor != nil {
            clearSelection()
        } else {
            anchor = cursor
            anchorKind = .sticky
        }
    }

    /// Esc: back to the cursor's cell alone.
    mutating func clearSelection() {
        anchor = nil
        anchorKind = nil
        isDragging = false
    }

    /// Every cell; the cursor stays where it is, so the rectangle runs from the opposite corner.
    mutating func selectAll() {
        guard !isEmpty else { return }
        select(GridRange(rows: 0...(rowCount - 1), columns: 0...(columnCount - 1)))
    }

    /// A customer's whole row (a press on its name).
    mutating func selectRow(_ row: Int) {
        guard !isEmpty else { return }
        let r = min(max(0, row), rowCount - 1)
        anchor = GridPosition(row: r, column: 0)
        anchorKind = .sticky
        cursor = GridPosition(row: r, column: columnCount - 1)
        isDragging = false
    }

    /// A bucket's whole column (a press on its heading).
    mutating func selectColumn(_ column: Int) {
        guard !isEmpty else { return }
        let c = min(max(0, column), columnCount - 1)
        anchor = GridPosition(row: 0, column: c)
        anchorKind = .sticky
        cursor = GridPosition(row: rowCount - 1, column: c)
        isDragging = false
    }

    /// Selects `range` (clamped), the cursor on its corner farthest from the origin.
    mutating func select(_ range: GridRange) {
        guard !isEmpty else { return }
        anchor = clamped(GridPosition(row: range.rows.lowerBound, column: range.columns.lowerBound))
        cursor = clamped(GridPosition(row: range.rows.upperBound, column: range.columns.upperBound))
        anchorKind = .sticky
        isDragging = false
    }

    // MARK: Mouse

    /// A mouse gesture over the cell `position` (already mapped from screen coordinates; see
    /// `SummaryGridWidget.handleMouse`).
    mutating func mouse(_ kind: MouseKind, at position: GridPosition) {
        guard !isEmpty else { return }
        let cell = clamped(position)
        switch kind {
        case .press:
            cursor = cell
            anchor = cell
            anchorKind = .mouse
            isDragging = true
        case .drag:
            guard isDragging else { return }
            cursor = cell
        case .release:
            guard isDragging else { return }
            cursor = cell
            isDragging = false
            if anchor == cursor { clearSelection() }
        case .click:
            clearSelection()
            cursor = cell
        case .scrollUp, .scrollDown, .other:
            break
        }
    }

    // MARK: Grid size and viewport

    /// The grid now has this size (a new snapshot): cursor, anchor and scroll are kept inside it.
    mutating func resize(rows: Int, columns: Int) {
        rowCount = max(0, rows)
        columnCount = max(0, columns)
        if isEmpty {
            cursor = GridPosition(row: 0, column: 0)
            clearSelection()
            scrollRow = 0
            scrollColumn = 0
            return
        }
        cursor = clamped(cursor)
        anchor = anchor.map(clamped)
        scrollRow = min(scrollRow, rowCount - 1)
        scrollColumn = min(scrollColumn, columnCount - 1)
    }

    /// Puts the cursor and anchor on given cells (after the grid's rows or buckets moved under them).
    mutating func relocate(cursor newCursor: GridPosition, anchor newAnchor: GridPosition?) {
        guard !isEmpty else { return }
        cursor = clamped(newCursor)
        anchor = newAnchor.map(clamped)
        if anchor == nil { anchorKind = nil; isDragging = false }
    }

    /// Scrolls as little as possible so the cursor is inside a viewport of `visibleRows` customer rows and
    /// `visibleColumns` bucket columns, and no viewport space is left empty past the grid's end.
    mutating func reveal(visibleRows: Int, visibleColumns: Int) {
        scrollRow = Self.scroll(scrollRow, keeping: cursor.row, visible: visibleRows, count: rowCount)
        scrollColumn = Self.scroll(scrollColumn, keeping: cursor.column, visible: visibleColumns, count: columnCount)
    }

    private static func scroll(_ offset: Int, keeping index: Int, visible: Int, count: Int) -> Int {
        guard visible > 0, count > 0 else { return max(0, min(offset, count - 1)) }
        var offset = offset
        if index < offset { offset = index }
        if index >= offset + visible { offset = index - visible + 1 }
        return max(0, min(offset, count - visible))
    }

    // MARK: Private

    private mutating func apply(_ move: GridMove) {
        guard !isEmpty else { return }
        var next = cursor
        switch move {
        case .up: next.row -= 1
        case .down: next.row += 1
        case .left: next.column -= 1
        case .right: next.column += 1
        case .pageUp(let rows):
            let step = max(1, rows)
            next.row -= step
            scrollRow = max(0, scrollRow - step)  // the page turns with the cursor; `reveal` tidies up
        case .pageDown(let rows):
            let step = max(1, rows)
            next.row += step
            scrollRow = min(max(0, rowCount - 1), scrollRow + step)
        case .home: next.column = 0
        case .end: next.column = columnCount - 1
        case .top: next.row = 0
        case .bottom: next.row = rowCount - 1
        case .to(let position): next = position
        }
        cursor = clamped(next)
    }

    private func clamped(_ position: GridPosition) -> GridPosition {
        GridPosition(row: min(max(0, position.row), max(0, rowCount - 1)),
                     column: min(max(0, position.column), max(0, columnCount - 1)))
    }
}
