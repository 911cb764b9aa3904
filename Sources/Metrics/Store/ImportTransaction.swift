/// One import's write transaction (`ImportSink.importTransaction`): what the import reads at its start, then what
/// it writes, batch by batch. Nothing is visible to readers before the transaction commits.
public protocol ImportTransaction {
    /// Customers, carriers and DIDs as stored, with the last id of each: the import names accounts first seen
    /// itself (`AccountDirectory`) and creates them with `createAccounts` before the records that name them.
    func accountDirectory() throws -> AccountDirectory

    /// Every rate card, indexed for rating, by id.
    func rateTables() throws -> [Int64: RateTable]

    /// A file other than `file`, imported successfully, whose first row has this key and another start: the same
    /// line read in another zone. Its name and that start.
    func earlierStart(ofFirstRow key: RowKey, start: Int64, excludingFile file: Int64) throws
        -> (name: String, start: Int64)?

    /// Remembers the key and start of the file's first row (for `earlierStart`).
    func noteFirstRow(ofFile file: Int64, key: RowKey, start: Int64) throws

    /// Creates accounts first seen, with the ids `AccountDirectory` gave them: customers unverified, remembering the
    /// file that named them first, as carriers do.
    func createAccounts(_ creations: [AccountDirectory.Creation], firstSeenIn file: Int64, at now: Int64) throws

    /// Inserts `records` in order; a record the store holds already (same start and `RowKey`) is not stored again
    /// and is handed to `alreadyStored` instead. Returns how many were new. Touches no rollup: see `write(_:)`.
    func insert(_ records: [CallRecord], alreadyStored: (CallRecord) -> Void) throws -> Int

    /// How many CDRs `insert` counted new that another import, running at the same time, stored and committed
    /// first: they are not new after all. Called once, after the last `insert`. A store whose imports run one at a
    /// time (SQLite's write lock) returns 0.
    func storedMeanwhile() throws -> Int

    /// Stores rejected rows of `file`; a retried file replaces its earlier report of the same line.
    func addRejects(_ rejects: [FileLedger.Reject], toFile file: Int64) throws

    /// Adds rollup deltas to the aggregates (and the busiest seconds they change).
    func write(_ deltas: RollupDeltas) throws

    /// Whether `write(_:)` uses its deltas: a store that recomputes its rollups from the CDRs says no, and the
    /// import does not count them (about 6% of an importer's CPU on the servers, by perf).
    var takesRollupDeltas: Bool { get }

    /// Stores the network's registrations by minute (UTC start of the minute), replacing what a minute held.
    func storeRegistrations(_ registrationsByMinute: [Int64: Int]) throws

    /// The entry, other than `file`, that first imported the same content of the same source successfully (what
    /// `StoreLedger.fileEntry(source:contentHash:)` says once this transaction started): a run that finds one and
    /// stored no row is a duplicate of it (`FileLedger.Outcome.duplicateOf`).
    func firstImport(ofSameContentAs file: Int64) throws -> FileLedger.Entry?

    /// Records how the file's import ended.
    func finishFile(_ file: Int64, _ outcome: FileLedger.Outcome, at now: Int64) throws
}

extension ImportTransaction {
    public var takesRollupDeltas: Bool { true }
}
