import Metrics

/// The CDR files the checklist lists: those in error, and imports under way with their process.
extension ServerReadSession {
    func filesInError() throws -> [FailedFile] {
        try store.postgres.execute("SELECT id, name, first_error FROM cdr_files WHERE status = 'error' ORDER BY id")
            .map { FailedFile(id: try $0.int(0), name: try $0.text(1), firstError: try $0.optionalText(2)) }
    }

    func importsInProgress() throws -> [ImportInProgress] {
        try store.postgres.execute(
            """
            SELECT id, name, owner_pid, owner_start, \(ServerFileLedger.connectionAlive) FROM cdr_files
            WHERE status = 'processing' ORDER BY id
            """
        ).map { row in
            let owner = try row.optionalInt(2).map {
                FileLedger.Owner(pid: Int32(truncatingIfNeeded: $0), start: try row.optionalText(3) ?? "")
            }
            let running = ServerFileLedger.isRunning(owner: owner, connectionAlive: try row.optionalInt(4))
            return ImportInProgress(id: try row.int(0), name: try row.text(1), owner: owner, isRunning: running)
        }
    }
}
