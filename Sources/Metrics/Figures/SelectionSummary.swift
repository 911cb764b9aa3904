/// A figure a summary cell shows.
public enum CellMetric: String, Sendable, CaseIterable {
    case attempts, answered, asr, acd, dtmfShare, spend, providerCost, profit

    /// The cell's value, nil where it is N/A. Money in currency units (for display and averaging only; sums of
    /// money are taken in micros by `SelectionSummary`).
    public func value(of figures: TrafficFigures) -> Double? {
        switch self {
        case .attempts: return Double(figures.attempts)
        case .answered: return Double(figures.answered)
        case .asr: return figures.asr
        case .acd: return figures.acd
        case .dtmfShare: return figures.dtmfShare
        case .spend: return Double(figures.spend.micros) / Double(Money.microsPerUnit)
        case .providerCost: return Double(figures.providerCost.micros) / Double(Money.microsPerUnit)
        case .profit: return Double(figures.profit.micros) / Double(Money.microsPerUnit)
        }
    }

    /// Whether adding cells' values means anything (counts and money do; ratios do not).
    public var isAdditive: Bool { ![.asr, .acd, .dtmfShare].contains(self) }
}

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
