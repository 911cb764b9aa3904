/// The rollup tables of schema v2. Each keeps the same counters for one breakdown at one level; the bucket is the
/// UTC start of the minute, hour, day or month in which the call *started*. A dimension of 0 stands for unknown.
///
/// Breakdowns are kept apart (by carrier, by customer) rather than crossed, so that a summary or a network total
/// reads a few hundred rows per bucket, not one per customer × carrier pair. The crossed breakdown is kept by the
/// hour only, keyed customer-first, for one customer's per-carrier graphs.
enum RollupTable: Hashable, Sendable {
    /// Per carrier; also the network total (summed over carriers). Every level, minutes included.
    case carrier(TimeBucket)
    /// Per customer: hour, day and month.
    case customer(TimeBucket)
    /// Per customer and carrier, by the hour.
    case customerCarrierHour

    static let all: [RollupTable] =
        TimeBucket.allCases.map(RollupTable.carrier)
        + [TimeBucket.hour, .day, .month].map(RollupTable.customer)
        + [.customerCarrierHour]

    var name: String {
        switch self {
        case .carrier(let level): return "rollup_carrier_\(level.rawValue)"
        case .customer(let level): return "rollup_customer_\(level.rawValue)"
        case .customerCarrierHour: return "rollup_customer_carrier_hour"
        }
    }

    var level: TimeBucket {
        switch self {
        case .carrier(let level), .customer(let level): return level
        case .customerCarrierHour: return .hour
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

    /// The key of `record` in this table, in `keyColumns` order.
    func key(of record: CallRecord) -> RollupKey {
        let bucket = level.start(of: record.startAt)
        switch self {
        case .carrier: return RollupKey(bucket, record.carrierID ?? 0)
        case .customer: return RollupKey(bucket, record.customerID ?? 0)
        case .customerCarrierHour: return RollupKey(record.customerID ?? 0, bucket, record.carrierID ?? 0)
        }
    }

    static let counterColumns = [
        "attempts", "answered", "busy", "no_answer", "failed", "billsec", "dtmf_known", "dtmf_calls", "dtmf_digits",
        "sell_micros", "buy_micros", "unrated_sell", "unrated_buy",
    ]

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

/// Up to three key values of a rollup row, in the table's key order; ordered as the table's primary key.
struct RollupKey: Hashable, Sendable, Comparable {
    var values: (Int64, Int64, Int64)
    var count: Int

    init(_ a: Int64, _ b: Int64) {
        values = (a, b, 0)
        count = 2
    }

    init(_ a: Int64, _ b: Int64, _ c: Int64) {
        values = (a, b, c)
        count = 3
    }

    static func == (lhs: RollupKey, rhs: RollupKey) -> Bool {
        lhs.values == rhs.values && lhs.count == rhs.count
    }

    static func < (lhs: RollupKey, rhs: RollupKey) -> Bool {
        lhs.values < rhs.values
    }

    /// One word into the hasher rather than three: the key is hashed once or twice per CDR on import.
    func hash(into hasher: inout Hasher) {
        hasher.combine(
            UInt64(bitPattern: values.0) &* 0x9E37_79B9_7F4A_7C15
                ^ UInt64(bitPattern: values.1) &* 0xC2B2_AE3D_27D4_EB4F
                ^ UInt64(bitPattern: values.2) &* 0x1656_67B1_9E37_79F9)
    }
}
