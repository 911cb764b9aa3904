/// How a custom pane draws its query's rows.
enum CustomPaneKind: String, CaseIterable, Sendable {
    /// Every column, a header row then the rows.
    case table
    /// One bar per row: the first column labels it, the last is its value.
    case bar
    /// The last column of every row, oldest first, as a sparkline.
    case sparkline
    /// The first value of the first row.
    case counter
}
