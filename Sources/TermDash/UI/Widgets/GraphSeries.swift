import Metrics

/// One series of a history graph: a value per bucket, nil where there is none (a gap, not a zero).
struct GraphSeries: Equatable, Sendable {
    var label: String
    var values: [Double?]
}
