import PostgresNIO

/// PostgreSQL advisory locks, held to the end of the transaction that takes them: they order the writers of
/// different processes (on any machine) where SQLite has its one write lock.
enum ServerLock: Int64 {
    /// Account ids. An import decides the ids of the accounts it sees first when it starts (`AccountDirectory`:
    /// the largest id plus one, as SQLite gives them) and holds this lock until it commits, so imports run one at
    /// a time and `addCustomer`, `addCarrier` and `addDID` wait for them, as they wait for SQLite's write lock.
    case accounts = 0x7464_0001
    /// The file ledger's entries: each ledger write holds it, so two runs never take the same failed, interrupted
    /// or waiting entry.
    case files = 0x7464_0002
    /// Creating the database and the tables: processes starting at once (two importers) would otherwise race on
    /// `CREATE DATABASE` and `CREATE TABLE IF NOT EXISTS`, which PostgreSQL does not make safe. Held by the session.
    case schema = 0x7464_0003

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
