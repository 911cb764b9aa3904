/// A summary grid: one row per customer, one cell per bucket, each cell keeping its numerators and denominators.
public struct SummaryGrid: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var customerID: Int64
        public var name: String
        public var cells: [TrafficFigures]

        public var total: TrafficFigures { cells.reduce(TrafficFigures(), +) }
    }

    public var period: SummaryPeriod
    /// UTC bucket starts, oldest first.
    public var buckets: [Int64]
    public var rows: [Row]
}
