/// The portal's summaries over any period [from, to) rather than the last 24 hours, 31 days or 12 months: what
/// `report --from/--to/--month` shows, so imported history is reachable. Buckets are UTC; a period that does not
/// start or end on a bucket boundary makes its first or last cell partial, counted exactly (`figures`).
extension MetricsEngine {
    /// The grid of `period`'s buckets (hours, days, weeks or months) that overlap `range`; each cell counts the calls that
    /// started in both. `buckets` holds each cell's first instant (the range's start for a partial first cell).
    public func summary(_ period: SummaryPeriod, over range: Period, at now: Int64) throws -> SummaryGrid {
        var starts: [Int64] = []
        var bucket = period.start(of: range.from)
        while bucket < range.to {
            starts.append(bucket)
            bucket = period.next(after: bucket)
        }
        return try store.read { session in
            var cells: [Int64: [TrafficFigures]] = [:]
            for (index, start) in starts.enumerated() {
                let from = max(start, range.from)
                let to = min(period.next(after: start), range.to)
                for (customer, figures) in try self.figures(from: from, to: to, groupedBy: .customer, at: now,
                                                            in: session) where figures.attempts > 0 {
                    cells[customer, default: Array(repeating: TrafficFigures(), count: starts.count)][index] = figures
                }
            }
            var names: [Int64: String] = [:]
            for customer in try session.customers() where cells[customer.id] != nil {
                names[customer.id] = customer.name
            }
            if cells[0] != nil { names[0] = "(unknown customer)" }
            let rows = names.map { id, name in
                SummaryGrid.Row(customerID: id, name: name, cells: cells[id]!)
            }.sorted { ($0.name, $0.customerID) < ($1.name, $1.customerID) }
            return SummaryGrid(period: period, buckets: starts.map { max($0, range.from) }, rows: rows)
        }
    }

    /// Totals per customer or carrier over `range`, busiest first (ties by name): `totals(_:period:at:)` over any
    /// period.
    public func totals(_ grouping: FigureGrouping, over range: Period, at now: Int64) throws -> [FigureRow] {
        try store.read { session in
            let figures = try self.figures(from: range.from, to: range.to, groupedBy: grouping, at: now, in: session)
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
