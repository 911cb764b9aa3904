import Metrics

extension ServerStore {
    /// The servers keep no aggregates — every figure is a `GROUP BY` over the CDRs (`FINAL`) — so there is nothing to
    /// recompute: the CDRs every figure is read from are counted (which also proves both servers answer).
    public func rebuildAggregates(_ retention: Retention, at now: Int64) throws -> Int {
        guard let row = try clickhouse[0].rows("SELECT count() FROM \(cdrTable) FINAL").first, let count = row.first,
              let value = Int(count) else {
            throw ServerStoreError.refused(server: clickhouse[0].server, answer: "no count of the CDRs")
        }
        _ = try reading { try postgres.execute("SELECT 1") }
        return value
    }
}
