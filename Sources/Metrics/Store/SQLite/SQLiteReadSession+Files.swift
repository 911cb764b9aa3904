import GRDB

/// Imports under way, with the process importing each (v7's `owner_pid`, `owner_start`).
extension SQLiteReadSession: FileReading {
    func importsInProgress() throws -> [ImportInProgress] {
        var result: [ImportInProgress] = []
        try FastRows.forEach(db, sql: """
            SELECT id, name, owner_pid, owner_start FROM cdr_files WHERE status = 'processing' ORDER BY id
            """, arguments: []) { row in
            let owner = row.isNull(2) ? nil : FileLedger.Owner(pid: Int32(truncatingIfNeeded: row.int(2)), start: row.text(3))
            result.append(ImportInProgress(id: row.int(0), name: row.text(1), owner: owner, isRunning: owner?.isRunning ?? false))
        }
        return result
    }
}
