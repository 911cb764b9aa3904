/// What one write transaction may do.
public protocol StoreWriteSession {
    /// Stores `records` with their rollup updates; a record already stored (same start and `RowKey`) is skipped, so a
    /// writer may repeat a batch. Returns how many were new.
    @discardableResult
    func insertCDRs(_ records: [CallRecord]) throws -> Int

    /// Adds calls that started.
    func startCalls(_ calls: [CallInProgress]) throws

    /// Notes the answer of a call in progress.
    func answerCall(_ callKey: String, at: Int64) throws

    /// Removes calls from the live table (their CDRs go through `insertCDRs` in the same transaction).
    func endCalls(_ callKeys: [String]) throws

    /// Removes every call in progress a writer of `source` left behind (they will never end).
    func dropCallsInProgress(source: String) throws

    /// Adds or replaces registrations, and removes those of `removedEndpoints`.
    func updateRegistrations(adding added: [Registration], removing removedEndpoints: [String]) throws

    /// Removes every registration whose endpoint ends with `suffix` (a writer's own, left from an earlier run).
    func removeRegistrations(endpointSuffix suffix: String) throws

    /// Records the network's registration count at the start of each minute (the registrations graph).
    func sampleRegistrations(_ samples: [(minute: Int64, registrations: Int)]) throws

    /// Drops aggregates older than `retention` allows at `now`; CDRs are never pruned.
    func pruneAggregates(_ retention: Retention, at now: Int64) throws
}
