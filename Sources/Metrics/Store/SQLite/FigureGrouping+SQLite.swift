/// Where each breakdown's groups are in SQLite: the rollup table and key column per level, and the column of the
/// call tables (`cdrs`, `calls_in_progress`), unknown ids read as 0.
extension FigureGrouping {
    /// The rollup that keeps this breakdown at `level` and its group column; nil where none does. The network total
    /// is the sum over carriers (one row per carrier and bucket, all under group 0).
    func rollup(_ level: TimeBucket) -> (table: RollupTable, column: String)? {
        guard levels.contains(level) else { return nil }
        switch self {
        case .total: return (.carrier(level), "0")
        case .carrier: return (.carrier(level), "carrier_id")
        case .customer: return (.customer(level), "customer_id")
        case .customerCarrier: return (.customerCarrierHour, "carrier_id")
        case .did: return nil
        }
    }

    /// The group of a row of `cdrs` or `calls_in_progress`.
    var callColumn: String {
        switch self {
        case .total: return "0"
        case .customer: return "COALESCE(customer_id, 0)"
        case .carrier, .customerCarrier: return "COALESCE(carrier_id, 0)"
        case .did: return "COALESCE(did_id, 0)"
        }
    }

    /// The customer a crossed breakdown is about: calls and rollup rows of others are left out.
    var customerFilter: Int64? {
        if case .customerCarrier(let customer) = self { return customer }
        return nil
    }
}
