/// The portal's summaries: a grid per customer and bucket, and totals per customer, carrier or DID.
extension MetricsEngine {
    /// The summary grid of `period` ending at `now`, or `pagesBack` pages of buckets before: every customer that
    /// is active or had calls in it.
    public func summary(_ period: SummaryPeriod, pagesBack: Int = 0, at now: Int64) throws -> SummaryGrid {
        let buckets = period.buckets(endingAt: now, pagesBack: pagesBack)
        let end = period.next(after: buckets[buckets.count - 1])
        return try store.read { session in
            // Each customer's cells in bucket order, found by the bucket's position: one array index per row
            // rather than two dictionary lookups (thousands of rows a snapshot).
            let position = Dictionary(uniqueKeysWithValues: buckets.enumerated().map { ($1, $0) })
            var cells = SumsByID<GridCells>()
            try session.rollupCounts(period.level, by: .customer, buckets: buckets[0]..<end,
                                     counters: Counter.allCases) { bucket, customer, counts in
                // A week's cell sums the day rollups that start in it.
                guard let index = position[period.start(of: bucket)] else { return }
                cells.update(customer) { $0.add(counts, at: index, of: buckets.count) }
            }
            let read = cells.dictionary
            var names: [Int64: String] = [:]
            for customer in try session.customers() where customer.active || read[customer.id] != nil {
                names[customer.id] = customer.name
            }
            if read[0] != nil { names[0] = "(unknown customer)" }
            let empty = [TrafficFigures](repeating: TrafficFigures(), count: buckets.count)
            let gridRows = names.map { id, name in
                SummaryGrid.Row(customerID: id, name: name,
                                cells: read[id].map { $0.counts.map(TrafficFigures.init) } ?? empty)
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
