/// The portal's summaries: a grid per customer and bucket, and totals per customer, carrier or DID.
extension MetricsEngine {
    /// The summary grid of `period` ending at `now`, or `pagesBack` pages of buckets before: every customer that
    /// is active or had calls in it.
    public func summary(_ period: SummaryPeriod, pagesBack: Int = 0, at now: Int64) throws -> SummaryGrid {
        let buckets = period.buckets(endingAt: now, pagesBack: pagesBack)
        let end = period.next(after: buckets[buckets.count - 1])
        return try store.read { session in
            var cells: [Int64: [Int64: TrafficFigures]] = [:]
            try session.rollupCounts(period.level, by: .customer, buckets: buckets[0]..<end,
                                     counters: Counter.allCases) { bucket, customer, counts in
                // A week's cell sums the day rollups that start in it.
                cells[customer, default: [:]][period.start(of: bucket), default: TrafficFigures()] += TrafficFigures(counts)
            }
            var names: [Int64: String] = [:]
            for customer in try session.customers() where customer.active || cells[customer.id] != nil {
                names[customer.id] = customer.name
            }
            if cells[0] != nil { names[0] = "(unknown customer)" }
            let gridRows = names.map { id, name in
                SummaryGrid.Row(customerID: id, name: name,
                                cells: buckets.map { cells[id]?[$0] ?? TrafficFigures() })
            }.sorted { ($0.name, $0.customerID) < ($1.name, $1.customerID) }
            return SummaryGrid(period: period, buckets: buckets, rows: gridRows, pagesBack: max(0, pagesBack))
        }
    }

    /// Totals per customer or carrier (or one network total) over the buckets of `period` ending at `now`.
    public func totals(_ grouping: FigureGrouping, period: SummaryPeriod, at now: Int64) throws -> [FigureRow] {
        let range = Period(from: period.buckets(endingAt: now)[0], to: period.next(after: now))!
        return try totals(grouping, over: range, at: now)
    }
}
