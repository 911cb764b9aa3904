/// How each rollup is laid out in SQLite: table names, key columns and DDL, all derived from `Counter`.
extension RollupTable {
    var name: String {
        switch self {
        case .carrier(let level): return "rollup_carrier_\(level.rawValue)"
        case .customer(let level): return "rollup_customer_\(level.rawValue)"
        case .customerCarrierHour: return "rollup_customer_carrier_hour"
        }
    }

    /// The key columns, in primary-key order.
    var keyColumns: [String] {
        switch self {
        case .carrier: return ["bucket", "carrier_id"]
        case .customer: return ["bucket", "customer_id"]
        case .customerCarrierHour: return ["customer_id", "bucket", "carrier_id"]
        }
    }

    /// The counter columns, in `Counter.allCases` order.
    static var counterColumns: [String] { Counter.allCases.map(\.column) }

    var createSQL: String {
        let keys = keyColumns.map { "\($0) INTEGER NOT NULL" }
        let counters = Self.counterColumns.map { "\($0) INTEGER NOT NULL DEFAULT 0" }
        return """
            CREATE TABLE \(name) (
                \((keys + counters).joined(separator: ",\n    ")),
                PRIMARY KEY (\(keyColumns.joined(separator: ", ")))
            ) WITHOUT ROWID;
            """
    }
}
