import GRDB

/// An import's transaction on the writer connection (`SQLiteStore.importTransaction`): CDRs go through one
/// `CDRWriter.Inserter` for the whole file, holding the connection's mutex per batch.
final class SQLiteImportTransaction: ImportTransaction {
    /// The writer connection's page cache during an import.
    static let cacheKilobytes = 256 * 1_024

    private let db: Database
    /// Made at the first insert, kept to the end of the transaction.
    private var inserter: CDRWriter.Inserter?

    init(db: Database) {
        self.db = db
    }

    func accountDirectory() throws -> AccountDirectory {
        try SQLiteAccounts.directory(in: db)
    }

    func rateTables() throws -> [Int64: RateTable] {
        try SQLiteAccounts.rateTables(in: db)
    }

    func earlierStart(ofFirstRow key: RowKey, start: Int64, excludingFile file: Int64) throws
        -> (name: String, start: Int64)?
    {
        try SQLiteFileLedger.earlierStart(of: key, start: start, excluding: file, in: db)
    }

    func noteFirstRow(ofFile file: Int64, key: RowKey, start: Int64) throws {
        try SQLiteFileLedger.noteFirstRow(file, key: key, start: start, in: db)
    }

    func createAccounts(_ creations: [AccountDirectory.Creation], firstSeenIn file: Int64, at now: Int64) throws {
        try SQLiteAccounts.create(creations, firstSeenIn: file, at: now, in: db)
    }

    func insert(_ records: [CallRecord], alreadyStored: (CallRecord) -> Void) throws -> Int {
        let inserter: CDRWriter.Inserter
        if let made = self.inserter {
            inserter = made
        } else {
            inserter = try CDRWriter.Inserter(db)
            self.inserter = inserter
        }
        var inserted = 0
        try inserter.holdingConnection {
            for record in records {
                if try inserter.insert(record) {
                    inserted += 1
                } else {
                    alreadyStored(record)
                }
            }
        }
        return inserted
    }

    /// The transaction holds the write lock: nobody stores anything meanwhile.
    func storedMeanwhile() throws -> Int { 0 }

    func addRejects(_ rejects: [FileLedger.Reject], toFile file: Int64) throws {
        try SQLiteFileLedger.addRejects(rejects, file: file, in: db)
    }

    func write(_ deltas: RollupDeltas) throws {
        try deltas.write(into: db)
    }

    func storeRegistrations(_ registrationsByMinute: [Int64: Int]) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO registration_samples (minute, registrations) VALUES (?, ?)")
        for (minute, registrations) in registrationsByMinute {
            try statement.execute(arguments: [minute, registrations])
        }
    }

    func firstImport(ofSameContentAs file: Int64) throws -> FileLedger.Entry? {
        try SQLiteFileLedger.firstImport(ofSameContentAs: file, in: db)
    }

    func finishFile(_ file: Int64, _ outcome: FileLedger.Outcome, at now: Int64) throws {
        try SQLiteFileLedger.finish(file, outcome, at: now, in: db)
    }
}
