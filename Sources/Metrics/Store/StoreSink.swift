/// The writers' side of the store: what a switch integration, the simulator and a rebuild hand over. Every write
/// happens inside `write`, one transaction: a reader never sees a CDR without its aggregates, or a call both in
/// progress and finished, and a killed writer leaves none of its transaction behind.
public protocol StoreSink: AnyObject, Sendable {
    /// Runs `body` in one write transaction.
    @discardableResult
    func write<T>(_ body: (any StoreWriteSession) throws -> T) throws -> T

    /// Whether any CDR of `source` is stored: a writer that resumes (the simulator) skips what it wrote before.
    func hasCDRs(source: String) throws -> Bool

    /// Recomputes every aggregate from the CDRs, then prunes as `retention` says; the result is identical to what
    /// incremental writes kept. Returns the number of CDRs read.
    @discardableResult
    func rebuildAggregates(_ retention: Retention, at now: Int64) throws -> Int
}
