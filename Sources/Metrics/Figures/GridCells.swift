/// One summary row's counters by bucket position while a grid is read: empty until the first row of its customer.
struct GridCells: AdditiveArithmetic {
    var counts: [RollupCounts] = []

    static var zero: GridCells { GridCells() }

    /// Adds `row` to the cell at `index` of a row of `width` cells.
    mutating func add(_ row: RollupCounts, at index: Int, of width: Int) {
        if counts.isEmpty { counts = [RollupCounts](repeating: .zero, count: width) }
        counts[index] += row
    }

    static func + (lhs: GridCells, rhs: GridCells) -> GridCells {
        guard !lhs.counts.isEmpty else { return rhs }
        guard !rhs.counts.isEmpty else { return lhs }
        return GridCells(counts: zip(lhs.counts, rhs.counts).map { $0 + $1 })
    }

    static func - (lhs: GridCells, rhs: GridCells) -> GridCells {
        guard !rhs.counts.isEmpty else { return lhs }
        let left = lhs.counts.isEmpty ? [RollupCounts](repeating: .zero, count: rhs.counts.count) : lhs.counts
        return GridCells(counts: zip(left, rhs.counts).map { $0 - $1 })
    }
}
