import GRDB
import GRDBSQLite

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
            try Self.waitingForImports(db) { try importTransaction(body, in: db) }
        }
    }

    /// An import's ledger write (begin, copy, finish) in a transaction of its own, waiting for another import's
    /// transaction as long as `importWaitMilliseconds` allows.
    func importWrite<T>(_ body: (Database) throws -> T) throws -> T {
        try writeWithoutTransaction { db in
            try Self.waitingForImports(db) {
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    /// How long an import waits for the write lock: another import holds it for its whole file, which may take
    /// minutes, and two imports at once (a spool watcher and a manual run) must both get through. Other writers
    /// keep the store's 10 s.
    static let importWaitMilliseconds: Int32 = 3_600_000

    /// Runs `body` with the connection's busy timeout at `importWaitMilliseconds`, then puts the store's back.
    private static func waitingForImports<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        sqlite3_busy_timeout(db.sqliteConnection, importWaitMilliseconds)
        defer { sqlite3_busy_timeout(db.sqliteConnection, SQLiteStore.busyMilliseconds) }
        return try body()
    }

    private func importTransaction<T>(_ body: (any ImportTransaction) throws -> T, in db: Database) throws -> T {
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
