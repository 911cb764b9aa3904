/// Totals over a period for one customer, carrier or the whole network.
public struct FigureRow: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var figures: TrafficFigures
}
