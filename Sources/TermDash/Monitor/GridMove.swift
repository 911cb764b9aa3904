import Metrics

/// A cursor movement in the grid.
enum GridMove: Equatable, Sendable {
    case up, down, left, right
    /// By a screenful: `rows` is the number of customer rows the grid shows.
    case pageUp(rows: Int), pageDown(rows: Int)
    /// First and last bucket of the row (oldest, newest).
    case home, end
    /// First and last customer of the column.
    case top, bottom
    /// Straight to a cell (clamped to the grid).
    case to(GridPosition)
}
