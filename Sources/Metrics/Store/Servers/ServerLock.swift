import PostgresNIO

/// PostgreSQL advisory locks, held to the end of the transaction that takes them: they order the writers of
/// different processes (on any machine) where SQLite has its one write lock.
enum ServerLock: Int64 {
    /// Account ids: `addCustomer`, `addCarrier` and `addDID` hold it while they give the largest id plus one, and an
    /// import while it reserves the ids of accounts a file names first (`ServerAccounts.reserve`, a short
    /// transaction of its own), so no id is given twice; an import does not hold it for its whole transaction.
    case accounts = 0x7464_0001
    /// The file ledger's entries: each ledger write holds it, so two runs never take the same failed, interrupted
    /// or waiting entry.
    case files = 0x7464_0002
    /// Creating the database and the tables: processes starting at once (two importers) would otherwise race on
    /// `CREATE DATABASE` and `CREATE TABLE IF NOT EXISTS`, which PostgreSQL does not make safe. Held by the session.
    case schema = 0x7464_0003
    /// Recording a write's CDR batch in `cdr_batches`: held from just before until the commit, so whoever takes it
    /// next finds every batch recorded so far committed. An import reads the last batch under it when it begins
    /// and, at its end, holding it, the batches committed since (`ServerImportTransaction.storedMeanwhile`).
    case cdrBatches = 0x7464_0004
    /// Recomputing the hour rollup from the minute rollup (`ServerStore.recomputeHours`): held while one version is
    /// taken and its hours read and written, so the highest version of an hour was computed after every writer's
    /// minutes that an earlier hour recompute could have missed. Held by the session, briefly.
    case hourRollup = 0x7464_0005
    /// Moving CDRs between shards (`ServerStore.reshard`): held by the session for the whole move, so two never
    /// run at once.
    case reshard = 0x7464_0006

    /// Runs `body` holding the lock on the connection (not in a transaction; released when the connection drops).
    func holding<T>(on link: PostgresLink, _ body: () throws -> T) throws -> T {
        try link.execute("SELECT pg_advisory_lock(\(rawValue))")
        defer { _ = try? link.execute("SELECT pg_advisory_unlock(\(rawValue))") }
        return try body()
    }

    /// Waits for the lock inside the current transaction.
    func take(on link: PostgresLink) throws {
        try link.execute("SELECT pg_advisory_xact_lock(\(rawValue))")
    }
}
