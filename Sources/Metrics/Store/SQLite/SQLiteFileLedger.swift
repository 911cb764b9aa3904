import Foundation
import GRDB

/// The SQL of the `cdr_files` and `cdr_rejects` tables, inside the caller's transaction.
enum SQLiteFileLedger {
    private static let columns = """
        id, source, path, name, size, content_hash, format, status, rows_read, rows_accepted, rows_rejected, rows_new,
        first_error, discovered_at, started_at, finished_at, duplicate_of, owner_pid, owner_start
        """

    /// `StoreLedger.fileEntry(source:contentHash:)`: the first successful entry of the content that is no copy.
    static func entry(source: String, contentHash: String, in db: Database) throws -> FileLedger.Entry? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT \(columns) FROM cdr_files
                WHERE source = ? AND content_hash = ? AND status = 'success' AND duplicate_of IS NULL
                ORDER BY id LIMIT 1
                """,
            arguments: [source, contentHash]
        ).map(entry(from:))
    }

    /// `ImportTransaction.firstImport(ofSameContentAs:)`.
    static func firstImport(ofSameContentAs file: Int64, in db: Database) throws -> FileLedger.Entry? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT \(columns) FROM cdr_files
                WHERE (source, content_hash) = (SELECT source, content_hash FROM cdr_files WHERE id = ?)
                    AND id <> ? AND status = 'success' AND duplicate_of IS NULL
                ORDER BY id LIMIT 1
                """,
            arguments: [file, file]
        ).map(entry(from:))
    }

    static func entry(id: Int64, in db: Database) throws -> FileLedger.Entry? {
        try Row.fetchOne(db, sql: "SELECT \(columns) FROM cdr_files WHERE id = ?", arguments: [id]).map(entry(from:))
    }

    /// Every file, newest first.
    static func entries(limit: Int, in db: Database) throws -> [FileLedger.Entry] {
        try Row.fetchAll(db, sql: "SELECT \(columns) FROM cdr_files ORDER BY id DESC LIMIT ?", arguments: [limit])
            .map(entry(from:))
    }

    /// `StoreLedger.beginFile`.
    static func begin(
        source: String, path: String, name: String, size: Int64, contentHash: String, owner: FileLedger.Owner,
        at now: Int64, in db: Database
    ) throws -> FileLedger.Attempt {
        let retried = try retry(source: source, contentHash: contentHash, path: path, in: db)
        let id = try retried?.id ?? claimWaiting(source: source, path: path, in: db)
            ?? insertEntry(source: source, path: path, name: name, size: size, at: now, in: db)
        try db.execute(
            sql: """
                UPDATE cdr_files SET path = ?, name = ?, size = ?, content_hash = ?, status = 'processing',
                    started_at = ?, finished_at = NULL, owner_pid = ?, owner_start = ?
                WHERE id = ?
                """,
            arguments: [path, name, size, contentHash, now, owner.pid, owner.start, id])
        return FileLedger.Attempt(id: id, retried: retried)
    }

    /// `StoreLedger.recordCopy`.
    static func recordCopy(
        of original: FileLedger.Entry, path: String, name: String, size: Int64, at now: Int64, in db: Database
    ) throws -> FileLedger.Attempt {
        let retried = try original.contentHash.flatMap {
            try retry(source: original.source, contentHash: $0, path: path, in: db)
        }
        let id = try retried?.id ?? claimWaiting(source: original.source, path: path, in: db)
            ?? insertEntry(source: original.source, path: path, name: name, size: size, at: now, in: db)
        try db.execute(
            sql: """
                UPDATE cdr_files SET path = ?, name = ?, size = ?, content_hash = ?, format = ?, status = 'success',
                    rows_read = ?, rows_accepted = ?, rows_rejected = ?, rows_new = 0, first_error = ?,
                    duplicate_of = ?, started_at = ?, finished_at = ?
                WHERE id = ?
                """,
            arguments: [
                path, name, size, original.contentHash, original.format, original.rowsRead, original.rowsAccepted,
                original.rowsRejected, original.firstError, original.id, now, now, id,
            ])
        // The same bytes have the same bad rows: copied as stored (raw text whole).
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO cdr_rejects (file_id, line, raw, reason)
                SELECT ?, line, raw, reason FROM cdr_rejects WHERE file_id = ?
                """,
            arguments: [id, original.id])
        return FileLedger.Attempt(id: id, retried: retried)
    }

    /// The first earlier attempt at this content that kept nothing — failed, or interrupted (its process is gone;
    /// one still running is left to finish) — as it was, now cleared for the run at `path` that retries it in its
    /// place (a `waiting` entry the spool watcher noted for that path goes: the run has its entry).
    private static func retry(source: String, contentHash: String, path: String, in db: Database) throws
        -> FileLedger.Entry?
    {
        let earlier = try Row.fetchAll(
            db,
            sql: """
                SELECT \(columns) FROM cdr_files
                WHERE source = ? AND content_hash = ? AND status IN ('error', 'processing') ORDER BY id
                """,
            arguments: [source, contentHash]
        ).map(entry(from:))
        guard let retried = earlier.first(where: { $0.status == .error || $0.status == .interrupted }) else {
            return nil
        }
        try db.execute(
            sql: """
                UPDATE cdr_files SET format = NULL, rows_read = 0, rows_accepted = 0, rows_rejected = 0, rows_new = 0,
                    first_error = NULL, duplicate_of = NULL, first_row_key = NULL, first_row_check = NULL,
                    first_row_start = NULL, owner_pid = NULL, owner_start = NULL
                WHERE id = ?
                """,
            arguments: [retried.id])
        // Its rejects were the failed run's; the run that retries it reports its own.
        try db.execute(sql: "DELETE FROM cdr_rejects WHERE file_id = ?", arguments: [retried.id])
        try db.execute(
            sql: "DELETE FROM cdr_files WHERE source = ? AND path = ? AND status = 'waiting'", arguments: [source, path])
        return retried
    }

    /// The `waiting` entry the spool watcher noted for this path, if any: it becomes the run's.
    private static func claimWaiting(source: String, path: String, in db: Database) throws -> Int64? {
        try Int64.fetchOne(
            db, sql: "SELECT id FROM cdr_files WHERE source = ? AND path = ? AND status = 'waiting' ORDER BY id LIMIT 1",
            arguments: [source, path])
    }

    /// A new entry, `processing` until the caller says otherwise.
    private static func insertEntry(
        source: String, path: String, name: String, size: Int64, at now: Int64, in db: Database
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO cdr_files (source, path, name, size, status, discovered_at, started_at)
                VALUES (?, ?, ?, ?, 'processing', ?, ?)
                """,
            arguments: [source, path, name, size, now, now])
        return db.lastInsertedRowID
    }

    /// Notes a spool file that is still being written.
    static func noteWaiting(source: String, path: String, name: String, size: Int64, at now: Int64, in db: Database)
        throws
    {
        let updated = try Int64.fetchOne(
            db, sql: "SELECT id FROM cdr_files WHERE source = ? AND path = ? AND status = 'waiting'",
            arguments: [source, path])
        if let updated {
            try db.execute(sql: "UPDATE cdr_files SET size = ? WHERE id = ?", arguments: [size, updated])
        } else {
            try db.execute(
                sql: """
                    INSERT INTO cdr_files (source, path, name, size, status, discovered_at)
                    VALUES (?, ?, ?, ?, 'waiting', ?)
                    """,
                arguments: [source, path, name, size, now])
        }
    }

    /// Stores rejected rows; a retried file replaces its earlier report of the same line. The raw text is bound
    /// with its length (GRDB binds a String as a C string, which would end it at a NUL byte: a row rejected for
    /// holding one is kept whole).
    static func addRejects(_ rejects: [FileLedger.Reject], file: Int64, in db: Database) throws {
        guard !rejects.isEmpty else { return }
        var statement = FastStatement(
            try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO cdr_rejects (file_id, line, raw, reason) VALUES (?, ?, ?, ?)"),
            in: db)
        for reject in rejects {
            statement.bind(file)
            statement.bind(reject.line)
            statement.bind(reject.raw)
            statement.bind(reject.reason)
            _ = try statement.execute()
        }
    }

    /// The raw text is read as bytes, whole, for the same reason.
    static func rejects(file: Int64, limit: Int, in db: Database) throws -> [FileLedger.Reject] {
        try Row.fetchAll(
            db, sql: "SELECT line, CAST(raw AS BLOB), reason FROM cdr_rejects WHERE file_id = ? ORDER BY line LIMIT ?",
            arguments: [file, limit]
        ).map { FileLedger.Reject(line: $0[0], raw: String(decoding: ($0[1] as Data?) ?? Data(), as: UTF8.self), reason: $0[2]) }
    }

    static func finish(_ file: Int64, _ outcome: FileLedger.Outcome, at now: Int64, in db: Database) throws {
        try db.execute(
            sql: """
                UPDATE cdr_files SET format = ?, status = ?, rows_read = ?, rows_accepted = ?, rows_rejected = ?,
                    rows_new = ?, first_error = ?, duplicate_of = ?, finished_at = ?
                WHERE id = ?
                """,
            arguments: [
                outcome.format, outcome.status.rawValue, outcome.read, outcome.accepted, outcome.rejected, outcome.new,
                outcome.firstError, outcome.duplicateOf, now, file,
            ])
    }

    /// Remembers the key and start of the file's first row (v6).
    static func noteFirstRow(_ file: Int64, key: RowKey, start: Int64, in db: Database) throws {
        try db.execute(
            sql: "UPDATE cdr_files SET first_row_key = ?, first_row_check = ?, first_row_start = ? WHERE id = ?",
            arguments: [key.key, key.check, start, file])
    }

    /// `ImportTransaction.earlierStart`.
    static func earlierStart(of key: RowKey, start: Int64, excluding file: Int64, in db: Database) throws
        -> (name: String, start: Int64)?
    {
        try Row.fetchOne(
            db,
            sql: """
                SELECT name, first_row_start FROM cdr_files
                WHERE first_row_key = ? AND first_row_check = ? AND first_row_start <> ? AND status = 'success'
                    AND id <> ?
                ORDER BY id LIMIT 1
                """,
            arguments: [key.key, key.check, start, file]
        ).map { ($0[0], $0[1]) }
    }

    /// The file now lives at `path`.
    static func moved(_ file: Int64, to path: String, in db: Database) throws {
        try db.execute(sql: "UPDATE cdr_files SET path = ? WHERE id = ?", arguments: [path, file])
    }

    /// An entry as stored, but `interrupted` when it is `processing` and its process is gone (or not recorded:
    /// an entry from before v7 that is still `processing` was left by a process that ended).
    private static func entry(from row: Row) -> FileLedger.Entry {
        let pid: Int32? = row[17]
        let owner = pid.map { FileLedger.Owner(pid: $0, start: row[18] ?? "") }
        var status = FileLedger.Status(rawValue: row[7]) ?? .error
        if status == .processing, !(owner?.isRunning ?? false) { status = .interrupted }
        return FileLedger.Entry(
            id: row[0], source: row[1], path: row[2], name: row[3], size: row[4], contentHash: row[5], format: row[6],
            status: status, rowsRead: row[8], rowsAccepted: row[9], rowsRejected: row[10], rowsNew: row[11],
            firstError: row[12], discoveredAt: row[13], startedAt: row[14], finishedAt: row[15], duplicateOf: row[16],
            owner: owner)
    }
}
