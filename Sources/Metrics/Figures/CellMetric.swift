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
        case .spend: return Self.units(figures.spend)
        case .providerCost: return Self.units(figures.providerCost)
        case .profit: return Self.units(figures.profit)
        }
    }

    /// Money in currency units, for display and averaging.
    private static func units(_ money: Money) -> Double { Double(money.micros) / Double(Money.microsPerUnit) }

    /// Whether adding cells' values means anything (counts and money do; ratios do not).
    public var isAdditive: Bool { ![.asr, .acd, .dtmfShare].contains(self) }
}
