import Foundation
import GRDB

/// The embedded SQLite store: one file in WAL mode so the monitor reads while importers and the simulator write.
///
/// Everything dialect-specific (SQLite SQL, pragmas) stays inside Metrics, behind this type, so another backend
/// is an addition rather than a rewrite.
public final class Store: Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens (creating if needed) the store at `path` and brings its schema to the current version.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        var config = Configuration()
        config.readonly = readOnly
        // Writers hold the lock briefly; readers never block in WAL mode. A generous timeout rides out
        // checkpoints and long import transactions instead of surfacing "database is locked".
        config.busyMode = .timeout(10)
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
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        if readOnly {
            try pool.read { db in try Schema.requireCurrent(db, path: path) }
        } else {
            try Schema.migrator.migrate(pool)
        }
    }

    /// The schema version this store is at (the number of applied migrations).
    public func schemaVersion() throws -> [String] {
        try pool.read { db in try Schema.migrator.appliedMigrations(db) }
    }

    /// Runs `body` in one write transaction.
    @discardableResult
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.write(body)
    }

    /// Runs `body` on a read-only snapshot of the store.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }
}

public enum StoreError: Error, CustomStringConvertible, Equatable {
    case missing(path: String)
    case cannotOpen(path: String, reason: String)
    case outdatedSchema(path: String, missing: [String])

    public var description: String {
        switch self {
        case .missing(let path):
            return "\(path): no store here (run `termdash simulate --db \(path)` to create one)"
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open the store: \(reason)"
        case .outdatedSchema(let path, let missing):
            return "\(path): the store's schema is older than this build (missing \(missing.joined(separator: ", "))); open it once read-write to migrate"
        }
    }
}
