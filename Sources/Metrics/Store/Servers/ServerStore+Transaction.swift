extension ServerStore {
    /// Runs `body` in one PostgreSQL transaction of its own, holding the store's connection: each ledger call is one.
    @discardableResult
    func transaction<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        try postgres.execute("BEGIN")
        do {
            let result = try body()
            try postgres.execute("COMMIT")
            return result
        } catch {
            _ = try? postgres.execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` holding the store's connection, outside any transaction (a read).
    @discardableResult
    func reading<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
