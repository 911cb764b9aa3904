/// The portal's summaries: a grid per customer and bucket, and totals per customer, carrier or DID.
extension MetricsEngine {
    /// The summary grid of `period` ending at `now`: every customer that is active or had calls in it.
    public func summary(_ period: SummaryPeriod, at now: Int64) throws -> SummaryGrid {
        let buckets = period.buckets(endingAt: now)
        let end = period.level.next(after: now)
        return try store.read { session in
            var cells: [Int64: [Int64: TrafficFigures]] = [:]
            try session.rollupCounts(period.level, by: .customer, buckets: buckets[0]..<end,
                                     counters: Counter.allCases) { bucket, customer, counts in
                cells[customer, default: [:]][bucket, default: TrafficFigures()] += TrafficFigures(counts)
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
            return SummaryGrid(period: period, buckets: buckets, rows: gridRows)
        }
    }

    /// Totals per customer or carrier (or one network total) over the buckets of `period` ending at `now`.
    public func totals(_ grouping: FigureGrouping, period: SummaryPeriod, at now: Int64) throws -> [FigureRow] {
        try totals(grouping, over: Period(from: period.buckets(endingAt: now)[0], to: period.level.next(after: now))!,
                   at: now)
    }
}
