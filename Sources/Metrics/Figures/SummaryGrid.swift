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
    /// Pages of buckets before the page that ends now (0: the newest).
    public var pagesBack: Int

    public init(period: SummaryPeriod, buckets: [Int64], rows: [Row], pagesBack: Int = 0) {
        self.period = period
        self.buckets = buckets
        self.rows = rows
        self.pagesBack = pagesBack
    }

    /// The half-open interval of instants the grid covers: the first bucket's start to the last one's end.
    public var interval: Range<Int64>? {
        guard let first = buckets.first, let last = buckets.last else { return nil }
        return first..<period.next(after: last)
    }
}
