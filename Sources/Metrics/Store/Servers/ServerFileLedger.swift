import Foundation
import Metrics
import NIOCore
import PostgresNIO

/// The SQL of the `cdr_files` and `cdr_rejects` tables on PostgreSQL, inside the caller's transaction: the same
/// behaviour as `SQLiteFileLedger`, statement for statement.
enum ServerFileLedger {
    private static let columns = """
        id, source, path, name, size, content_hash, format, status, rows_read, rows_accepted, rows_rejected, rows_new,
        first_error, discovered_at, started_at, finished_at, duplicate_of, owner_pid, owner_start, \(connectionAlive)
        """

    /// For a `processing` entry whose importing connection is recorded: 1 while that connection is open, else 0;
    /// NULL otherwise (another status, or an entry begun before connections were recorded).
    static let connectionAlive = """
        CASE WHEN status <> 'processing' OR owner_backend IS NULL THEN NULL
            WHEN EXISTS (SELECT 1 FROM pg_stat_activity a
                         WHERE a.pid = owner_backend AND a.backend_start = owner_backend_start) THEN 1
            ELSE 0 END
        """

    /// Whether an import whose process is `owner` still runs. Its connection closed (or the server restarted):
    /// gone, whatever runs under its pid. Its connection open: running, unless it was recorded on this machine's
    /// boot and its process is gone here (a killed process's connection can outlive it a moment). No connection
    /// recorded: the process alone decides, as on the embedded store.
    static func isRunning(owner: FileLedger.Owner?, connectionAlive: Int64?) -> Bool {
        guard let connectionAlive else { return owner?.isRunning ?? false }
        guard connectionAlive == 1 else { return false }
        guard let owner, owner.isOnThisBoot else { return true }
        return owner.isRunning
    }

    /// `StoreLedger.fileEntry(source:contentHash:)`: the first successful entry of the content that is no copy.
    static func entry(source: String, contentHash: String, on link: PostgresLink) throws -> FileLedger.Entry? {
        try link.execute("""
            SELECT \(columns) FROM cdr_files
            WHERE source = $1 AND content_hash = $2 AND status = 'success' AND duplicate_of IS NULL
            ORDER BY id LIMIT 1
            """, [PostgresData(string: source), PostgresData(string: contentHash)]
        ).first.map(entry(from:))
    }

    /// `ImportTransaction.firstImport(ofSameContentAs:)`.
    static func firstImport(ofSameContentAs file: Int64, on link: PostgresLink) throws -> FileLedger.Entry? {
        try link.execute("""
            SELECT \(columns) FROM cdr_files
            WHERE (source, content_hash) = (SELECT source, content_hash FROM cdr_files WHERE id = $1)
                AND id <> $1 AND status = 'success' AND duplicate_of IS NULL
            ORDER BY id LIMIT 1
            """, [PostgresData(int64: file)]
        ).first.map(entry(from:))
    }

    static func entry(id: Int64, on link: PostgresLink) throws -> FileLedger.Entry? {
        try link.execute("SELECT \(columns) FROM cdr_files WHERE id = $1", [PostgresData(int64: id)])
            .first.map(entry(from:))
    }

    /// Every file, newest first.
    static func entries(limit: Int, on link: PostgresLink) throws -> [FileLedger.Entry] {
        try link.execute("SELECT \(columns) FROM cdr_files ORDER BY id DESC LIMIT $1", [PostgresData(int64: Int64(limit))])
            .map(entry(from:))
    }

    /// `StoreLedger.beginFile` (the caller holds `ServerLock.files`).
    static func begin(
        source: String, path: String, name: String, size: Int64, contentHash: String, owner: FileLedger.Owner,
        at now: Int64, on link: PostgresLink
    ) throws -> FileLedger.Attempt {
        let retried = try retry(source: source, contentHash: contentHash, path: path, on: link)
        let id = try retried?.id ?? claimWaiting(source: source, path: path, on: link)
            ?? insertEntry(source: source, path: path, name: name, size: size, at: now, on: link)
        try link.execute("""
            UPDATE cdr_files SET path = $1, name = $2, size = $3, content_hash = $4, status = 'processing',
                started_at = $5, finished_at = NULL, owner_pid = $6, owner_start = $7,
                owner_backend = pg_backend_pid(),
                owner_backend_start = (SELECT backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid())
            WHERE id = $8
            """, [PostgresData(string: path), PostgresData(string: name), PostgresData(int64: size),
                  PostgresData(string: contentHash), PostgresData(int64: now), PostgresData(int64: Int64(owner.pid)),
                  PostgresData(string: owner.start), PostgresData(int64: id)])
        return FileLedger.Attempt(id: id, retried: retried)
    }

    /// `StoreLedger.recordCopy` (the caller holds `ServerLock.files`).
    static func recordCopy(
        of original: FileLedger.Entry, path: String, name: String, size: Int64, at now: Int64, on link: PostgresLink
    ) throws -> FileLedger.Attempt {
        let retried = try original.contentHash.flatMap {
            try retry(source: original.source, contentHash: $0, path: path, on: link)
        }
        let id = try retried?.id ?? claimWaiting(source: original.source, path: path, on: link)
            ?? insertEntry(source: original.source, path: path, name: name, size: size, at: now, on: link)
        try link.execute("""
            UPDATE cdr_files SET path = $1, name = $2, size = $3, content_hash = $4, format = $5, status = 'success',
                rows_read = $6, rows_accepted = $7, rows_rejected = $8, rows_new = 0, first_error = $9,
                duplicate_of = $10, started_at = $11, finished_at = $11
            WHERE id = $12
            """, [PostgresData(string: path), PostgresData(string: name), PostgresData(int64: size),
                  text(original.contentHash), text(original.format), PostgresData(int64: Int64(original.rowsRead)),
                  PostgresData(int64: Int64(original.rowsAccepted)), PostgresData(int64: Int64(original.rowsRejected)),
                  text(original.firstError), PostgresData(int64: original.id), PostgresData(int64: now),
                  PostgresData(int64: id)])
        // The same bytes have the same bad rows: copied as stored.
        try link.execute("""
            INSERT INTO cdr_rejects (file_id, line, raw, reason) SELECT $1, line, raw, reason FROM cdr_rejects
            WHERE file_id = $2
            ON CONFLICT (file_id, line) DO UPDATE SET raw = excluded.raw, reason = excluded.reason
            """, [PostgresData(int64: id), PostgresData(int64: original.id)])
        return FileLedger.Attempt(id: id, retried: retried)
    }

    /// The first earlier attempt at this content that kept nothing — failed, or interrupted (its process is gone;
    /// one still running is left to finish) — as it was, now cleared for the run at `path` that retries it in its
    /// place (a `waiting` entry noted for that path goes: the run has its entry).
    private static func retry(source: String, contentHash: String, path: String, on link: PostgresLink) throws
        -> FileLedger.Entry?
    {
        let earlier = try link.execute("""
            SELECT \(columns) FROM cdr_files
            WHERE source = $1 AND content_hash = $2 AND status IN ('error', 'processing') ORDER BY id
            """, [PostgresData(string: source), PostgresData(string: contentHash)]
        ).map(entry(from:))
        guard let retried = earlier.first(where: { $0.status == .error || $0.status == .interrupted }) else {
            return nil
        }
        try link.execute("""
            UPDATE cdr_files SET format = NULL, rows_read = 0, rows_accepted = 0, rows_rejected = 0, rows_new = 0,
                first_error = NULL, duplicate_of = NULL, first_row_key = NULL, first_row_check = NULL,
                first_row_start = NULL, owner_pid = NULL, owner_start = NULL, owner_backend = NULL,
                owner_backend_start = NULL
            WHERE id = $1
            """, [PostgresData(int64: retried.id)])
        // Its rejects were the failed run's; the run that retries it reports its own.
        try link.execute("DELETE FROM cdr_rejects WHERE file_id = $1", [PostgresData(int64: retried.id)])
        try link.execute("DELETE FROM cdr_files WHERE source = $1 AND path = $2 AND status = 'waiting'",
                         [PostgresData(string: source), PostgresData(string: path)])
        return retried
    }

    /// The `waiting` entry noted for this path, if any: it becomes the run's.
    private static func claimWaiting(source: String, path: String, on link: PostgresLink) throws -> Int64? {
        try link.execute("""
            SELECT id FROM cdr_files WHERE source = $1 AND path = $2 AND status = 'waiting' ORDER BY id LIMIT 1
            """, [PostgresData(string: source), PostgresData(string: path)]).first?.int(0)
    }

    /// A new entry, `processing` until the caller says otherwise.
    private static func insertEntry(
        source: String, path: String, name: String, size: Int64, at now: Int64, on link: PostgresLink
    ) throws -> Int64 {
        try link.execute("""
            INSERT INTO cdr_files (source, path, name, size, status, discovered_at, started_at)
            VALUES ($1, $2, $3, $4, 'processing', $5, $5) RETURNING id
            """, [PostgresData(string: source), PostgresData(string: path), PostgresData(string: name),
                  PostgresData(int64: size), PostgresData(int64: now)])[0].int(0)
    }

    /// Notes a spool file that is still being written (the caller holds `ServerLock.files`).
    static func noteWaiting(source: String, path: String, name: String, size: Int64, at now: Int64, on link: PostgresLink)
        throws
    {
        if let waiting = try claimWaiting(source: source, path: path, on: link) {
            try link.execute("UPDATE cdr_files SET size = $1 WHERE id = $2",
                             [PostgresData(int64: size), PostgresData(int64: waiting)])
        } else {
            try link.execute("""
                INSERT INTO cdr_files (source, path, name, size, status, discovered_at)
                VALUES ($1, $2, $3, $4, 'waiting', $5)
                """, [PostgresData(string: source), PostgresData(string: path), PostgresData(string: name),
                      PostgresData(int64: size), PostgresData(int64: now)])
        }
    }

    /// Stores rejected rows; a retried file replaces its earlier report of the same line. The raw text goes as
    /// bytes, whole (a row rejected for holding a NUL byte is kept as it was).
    static func addRejects(_ rejects: [FileLedger.Reject], file: Int64, on link: PostgresLink) throws {
        // One statement per chunk: a file may have many bad rows, and each statement is a round trip.
        for start in stride(from: 0, to: rejects.count, by: 500) {
            let chunk = rejects[start..<min(start + 500, rejects.count)]
            var binds: [PostgresData] = [PostgresData(int64: file)]
            var values: [String] = []
            for reject in chunk {
                let first = binds.count + 1
                values.append("($1, $\(first), $\(first + 1), $\(first + 2))")
                binds += [PostgresData(int64: Int64(reject.line)), PostgresData(bytes: Array(reject.raw.utf8)),
                          PostgresData(string: textSafe(reject.reason))]
            }
            try link.execute("""
                INSERT INTO cdr_rejects (file_id, line, raw, reason) VALUES \(values.joined(separator: ", "))
                ON CONFLICT (file_id, line) DO UPDATE SET raw = excluded.raw, reason = excluded.reason
                """, binds)
        }
    }

    static func rejects(file: Int64, limit: Int, on link: PostgresLink) throws -> [FileLedger.Reject] {
        try link.execute(
            "SELECT line, raw, reason FROM cdr_rejects WHERE file_id = $1 ORDER BY line LIMIT $2",
            [PostgresData(int64: file), PostgresData(int64: Int64(limit))]
        ).map { row in
            let raw = try row.makeRandomAccess()[1].decode(ByteBuffer.self)
            return FileLedger.Reject(line: Int(try row.int(0)), raw: String(buffer: raw), reason: try row.text(2))
        }
    }

    static func finish(_ file: Int64, _ outcome: FileLedger.Outcome, at now: Int64, on link: PostgresLink) throws {
        try link.execute("""
            UPDATE cdr_files SET format = $1, status = $2, rows_read = $3, rows_accepted = $4, rows_rejected = $5,
                rows_new = $6, first_error = $7, duplicate_of = $8, finished_at = $9
            WHERE id = $10
            """, [text(outcome.format), PostgresData(string: outcome.status.rawValue),
                  PostgresData(int64: Int64(outcome.read)), PostgresData(int64: Int64(outcome.accepted)),
                  PostgresData(int64: Int64(outcome.rejected)), PostgresData(int64: Int64(outcome.new)),
                  text(outcome.firstError), ServerWriteSession.data(outcome.duplicateOf), PostgresData(int64: now),
                  PostgresData(int64: file)])
    }

    /// Remembers the key and start of the file's first row.
    static func noteFirstRow(_ file: Int64, key: RowKey, start: Int64, on link: PostgresLink) throws {
        try link.execute(
            "UPDATE cdr_files SET first_row_key = $1, first_row_check = $2, first_row_start = $3 WHERE id = $4",
            [PostgresData(int64: key.key), PostgresData(int64: key.check), PostgresData(int64: start),
             PostgresData(int64: file)])
    }

    /// `ImportTransaction.earlierStart`.
    static func earlierStart(of key: RowKey, start: Int64, excluding file: Int64, on link: PostgresLink) throws
        -> (name: String, start: Int64)?
    {
        try link.execute("""
            SELECT name, first_row_start FROM cdr_files
            WHERE first_row_key = $1 AND first_row_check = $2 AND first_row_start <> $3 AND status = 'success'
                AND id <> $4
            ORDER BY id LIMIT 1
            """, [PostgresData(int64: key.key), PostgresData(int64: key.check), PostgresData(int64: start),
                  PostgresData(int64: file)]
        ).first.map { (try $0.text(0), try $0.int(1)) }
    }

    /// The file now lives at `path`.
    static func moved(_ file: Int64, to path: String, on link: PostgresLink) throws {
        try link.execute("UPDATE cdr_files SET path = $1 WHERE id = $2", [PostgresData(string: path), PostgresData(int64: file)])
    }

    /// An entry as stored, but `interrupted` when it is `processing` and its import is gone (`isRunning`).
    private static func entry(from row: PostgresRow) throws -> FileLedger.Entry {
        let pid = try row.optionalInt(17)
        let owner = try pid.map { FileLedger.Owner(pid: Int32(truncatingIfNeeded: $0), start: try row.optionalText(18) ?? "") }
        var status = FileLedger.Status(rawValue: try row.text(7)) ?? .error
        if status == .processing, !isRunning(owner: owner, connectionAlive: try row.optionalInt(19)) {
            status = .interrupted
        }
        return FileLedger.Entry(
            id: try row.int(0), source: try row.text(1), path: try row.text(2), name: try row.text(3),
            size: try row.int(4), contentHash: try row.optionalText(5), format: try row.optionalText(6), status: status,
            rowsRead: Int(try row.int(8)), rowsAccepted: Int(try row.int(9)), rowsRejected: Int(try row.int(10)),
            rowsNew: Int(try row.int(11)), firstError: try row.optionalText(12), discoveredAt: try row.int(13),
            startedAt: try row.optionalInt(14), finishedAt: try row.optionalInt(15), duplicateOf: try row.optionalInt(16),
            owner: owner)
    }

    /// PostgreSQL text cannot hold the NUL byte: a message quoting one shows it as U+2400 (␀).
    static func textSafe(_ text: String) -> String {
        text.contains("\u{0}") ? text.replacingOccurrences(of: "\u{0}", with: "\u{2400}") : text
    }

    private static func text(_ value: String?) -> PostgresData {
        value.map { PostgresData(string: textSafe($0)) } ?? PostgresData(type: .text, formatCode: .binary, value: nil)
    }
}
