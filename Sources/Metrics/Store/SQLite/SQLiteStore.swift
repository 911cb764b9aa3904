import Foundation
import GRDB

/// The embedded store: one SQLite file in WAL mode so the monitor reads while importers and the simulator write.
///
/// Everything dialect-specific (SQL, pragmas, GRDB) stays in this folder; callers ask for figures and hand over
/// records through the protocols in `Store/`, never a `Database`.
public final class SQLiteStore: Sendable {
    public let path: String
    /// Reads and writes; nil when the store was opened read-only.
    private let pool: DatabasePool?
    /// Reads a store opened read-only, with read access alone if need be.
    private let readOnlyReader: SQLiteReadOnlyReader?

    /// Opens (creating if needed) the store at `path` and brings its schema to the current version.
    /// Queued upkeep (see `StoreUpkeep`) runs at `now`.
    public init(path: String, readOnly: Bool = false, now: Int64 = Int64(Date().timeIntervalSince1970)) throws {
        self.path = path
        var config = Configuration()
        config.readonly = readOnly
        // Writers hold the lock briefly; readers never block in WAL mode. A generous timeout rides out
        // checkpoints and long import transactions instead of surfacing "database is locked".
        config.busyMode = .timeout(TimeInterval(Self.busyMilliseconds) / 1_000)
        config.label = "termdash"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        if !readOnly {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
        } else if !FileManager.default.fileExists(atPath: path) {
            throw StoreError.missing(path: path)
        }
        do {
            if readOnly {
                pool = nil
                readOnlyReader = try SQLiteReadOnlyReader(path: path, configuration: config)
            } else {
                pool = try DatabasePool(path: path, configuration: config)
                readOnlyReader = nil
            }
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        if let pool {
            try Schema.migrator.migrate(pool)
            try pool.write { db in try StoreUpkeep.run(in: db, at: now) }
        } else {
            try read { db in try Schema.requireCurrent(db, path: path) }
        }
    }

    /// How long a writer waits for another's transaction before "database is locked" (imports wait longer).
    static let busyMilliseconds: Int32 = 10_000

    /// The schema version this store is at (the number of applied migrations).
    public func schemaVersion() throws -> [String] {
        try read { db in try Schema.migrator.appliedMigrations(db) }
    }

    /// Runs `body` in one write transaction. Only code in this folder (and tests) reaches the `Database`.
    @discardableResult
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try writer().write(body)
    }

    /// Runs `body` on a read-only snapshot of the store. Only code in this folder (and tests) reaches the `Database`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        if let pool { return try pool.read(body) }
        return try readOnlyReader!.read(body)
    }

    /// Copies every page of the WAL into the database file and empties the WAL, as SQLite's automatic checkpoints
    /// do in a running system; a bulk load that outran them leaves a WAL that every read has to search.
    public func checkpoint() throws {
        try writer().writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }

    /// Runs `body` on the writer connection outside any transaction (an import opens and commits its own).
    func writeWithoutTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try writer().writeWithoutTransaction(body)
    }

    /// The read-write pool, or the error SQLite gives a write to a read-only store.
    private func writer() throws -> DatabasePool {
        guard let pool else {
            throw DatabaseError(resultCode: .SQLITE_READONLY, message: "\(path) was opened read-only")
        }
        return pool
    }
}
