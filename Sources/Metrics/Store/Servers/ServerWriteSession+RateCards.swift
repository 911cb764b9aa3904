import Metrics

extension ServerWriteSession {
    /// The rate cards as this write's transaction sees them, for pricing the CDRs it stores.
    func rateTables() throws -> [Int64: RateTable] { try store.loadRateTables() }
}
