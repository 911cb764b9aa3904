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

    // MARK: Switch feeds

    /// Customers, carriers and DIDs as stored, with the last id of each: a feed names the accounts a CDR or a call
    /// brings first itself, and creates them with `createAccounts` before what names them.
    func accountDirectory() throws -> AccountDirectory

    /// Creates accounts first seen by a feed, with the ids `AccountDirectory` gave them (customers unverified).
    func createAccounts(_ creations: [AccountDirectory.Creation], at now: Int64) throws

    /// Every rate card, indexed for rating, by id.
    func rateTables() throws -> [Int64: RateTable]

    /// The feed as stored; nil for one never stored.
    func feed(named name: String) throws -> FeedState?

    /// Stores the feed's cursor and state: in the transaction that stores the CDRs up to the cursor.
    func storeFeed(_ feed: FeedState) throws
}
