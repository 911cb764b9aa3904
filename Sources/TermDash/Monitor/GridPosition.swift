import Metrics

/// A cell of the summary grid: `row` indexes the grid's customers, `column` its buckets (oldest first).
struct GridPosition: Hashable, Sendable {
    var row: Int
    var column: Int

    init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
