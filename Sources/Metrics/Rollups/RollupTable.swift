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

    var level: TimeBucket {
        switch self {
        case .carrier(let level), .customer(let level): return level
        case .customerCarrierHour: return .hour
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
}
