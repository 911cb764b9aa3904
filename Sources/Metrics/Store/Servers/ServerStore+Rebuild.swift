import Metrics

extension ServerStore {
    /// Recomputes every range of the minute rollup still marked (left by a writer killed before its recompute, or
    /// CDRs stored before the rollup existed; a running writer's too) from the CDRs, and counts the CDRs (which also
    /// proves both servers answer).
    public func rebuildAggregates(_ retention: Retention, at now: Int64) throws -> Int {
        try settleAllRollups()
        guard let row = try clickhouse[0].rows("SELECT count() FROM \(cdrTable) FINAL").first, let count = row.first,
              let value = Int(count) else {
            throw ServerStoreError.refused(server: clickhouse[0].server, answer: "no count of the CDRs")
        }
        _ = try reading { try postgres.execute("SELECT 1") }
        return value
    }
}
