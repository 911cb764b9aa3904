/// The portal's summaries: a grid per customer and bucket, and totals per customer, carrier or DID.
extension MetricsEngine {
    /// The summary grid of `period` ending at `now`: every customer that is active or had calls in it.
    public func summary(_ period: SummaryPeriod, at now: Int64) throws -> SummaryGrid {
        let buckets = period.buckets(endingAt: now)
        let end = period.level.next(after: now)
        return try store.read { session in
            // Each customer's cells in bucket order, found by the bucket's position: one array index per row
            // rather than two dictionary lookups (thousands of rows a snapshot).
            let position = Dictionary(uniqueKeysWithValues: buckets.enumerated().map { ($1, $0) })
            var cells = SumsByID<GridCells>()
            try session.rollupCounts(period.level, by: .customer, buckets: buckets[0]..<end,
                                     counters: Counter.allCases) { bucket, customer, counts in
                guard let index = position[bucket] else { return }
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
            return SummaryGrid(period: period, buckets: buckets, rows: gridRows)
        }
    }

    /// Totals per customer or carrier (or one network total) over the buckets of `period` ending at `now`.
    public func totals(_ grouping: FigureGrouping, period: SummaryPeriod, at now: Int64) throws -> [FigureRow] {
        let from = period.buckets(endingAt: now)[0]
        let to = period.level.next(after: now)
        return try store.read { session in
            let figures = try self.figures(from: from, to: to, groupedBy: grouping, at: now, in: session)
            let names: [Int64: String]
            switch grouping {
            case .total: names = [0: "all"]
            case .customer:
                names = Dictionary(try session.customers().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            case .carrier, .customerCarrier:
                names = Dictionary(try session.carriers().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            case .did:
                names = try session.didNumbers(nil)
            }
            return figures.map { id, figures in
                FigureRow(id: id, name: names[id] ?? (id == 0 ? "(unknown)" : "#\(id)"), figures: figures)
            // Busiest first; ties by name.
            }.sorted { ($0.figures.attempts, $1.name) > ($1.figures.attempts, $0.name) }
        }
    }
}
