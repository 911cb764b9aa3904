import GRDB

extension SQLiteStore: ImportSink {
    /// One `BEGIN IMMEDIATE` transaction on the writer connection, tuned for an import.
    ///
    /// Every customer, carrier and DID id a CDR of the import names exists by construction: the accounts are read
    /// inside the transaction, which holds the write lock from its start (nobody can delete one), and those first
    /// seen are inserted before the rows that name them (`AccountDirectory`). SQLite's own check would look each of
    /// them up again for every row, a sixth of the insert's cost: it is off for this transaction (the pragma cannot
    /// change inside one) and back on after it, whatever happens.
    public func importTransaction<T>(_ body: (any ImportTransaction) throws -> T) throws -> T {
        try writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            var result: T?
            try db.inTransaction(.immediate) {
                // A page cache that holds the pages the file's rows touch keeps the inserts off the disk.
                try db.execute(sql: "PRAGMA cache_size = -\(SQLiteImportTransaction.cacheKilobytes)")
                defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
                result = try body(SQLiteImportTransaction(db: db))
                return .commit
            }
            return result!
        }
    }
}
