/// What the status line shows for a selection of summary cells: how many, their sum (for additive figures),
/// the mean of the cells' values (an average of averages, as the portal shows), and the weighted figure
/// recomputed from the cells' numerators and denominators.
public struct SelectionSummary: Sendable, Equatable {
    public var count: Int
    /// Cells whose value is N/A, left out of the average of averages.
    public var notApplicable: Int
    public var sum: Double?
    public var averageOfAverages: Double?
    public var weighted: Double?

    public init(_ cells: [TrafficFigures], metric: CellMetric) {
        count = cells.count
        let values = cells.compactMap(metric.value)
        notApplicable = cells.count - values.count
        averageOfAverages = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
        let total = cells.reduce(TrafficFigures(), +)
        if metric.isAdditive {
            // Sums come from the exact integer totals, not from adding doubles.
            sum = metric.value(of: total)
            weighted = sum
        } else {
            sum = nil
            weighted = metric.value(of: total)
        }
    }
}
