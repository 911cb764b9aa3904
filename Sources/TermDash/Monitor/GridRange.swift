import Metrics

/// A rectangle of grid cells, both ends included.
struct GridRange: Hashable, Sendable {
    var rows: ClosedRange<Int>
    var columns: ClosedRange<Int>

    init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        self.rows = rows
        self.columns = columns
    }

    /// The rectangle with `a` and `b` at opposite corners.
    init(_ a: GridPosition, _ b: GridPosition) {
        rows = min(a.row, b.row)...max(a.row, b.row)
        columns = min(a.column, b.column)...max(a.column, b.column)
    }

    var cellCount: Int { rows.count * columns.count }

    func contains(_ position: GridPosition) -> Bool {
        rows.contains(position.row) && columns.contains(position.column)
    }
}
