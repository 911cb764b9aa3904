import Metrics

/// How a graph's figures read.
enum GraphValueFormat: Equatable, Sendable {
    /// "1,234" (rounded).
    case count
    /// "3.2".
    case decimal
    /// Currency units: "1,234.56" (the axis rounds to units from 100 up).
    case money
    /// "45.2%".
    case percent
    /// Seconds as "2:31".
    case duration

    /// - Parameter axis: the magnitude of the axis the value labels, for axis labels (money in whole units from 100
    ///   up, so that both ends of a scale read alike); nil for a figure.
    func text(_ value: Double, axis: Double? = nil) -> String {
        switch self {
        case .count: return NumberText.grouped(Int(value.rounded(.toNearestOrAwayFromZero)))
        case .decimal: return NumberText.decimal(value)
        case .money:
            return (axis ?? 0) >= 100
                ? NumberText.grouped(Int(value.rounded(.toNearestOrAwayFromZero))) : NumberText.decimal(value, places: 2)
        case .percent: return axis != nil ? NumberText.decimal(value, places: 0) + "%" : NumberText.percent(value)
        case .duration: return NumberText.minutesSeconds(value)
        }
    }
}
