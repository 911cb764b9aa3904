import Metrics

extension ServerStore {
    /// `body` in one PostgreSQL transaction on the store's connection, holding the store's lock: committed when it
    /// returns, rolled back when it throws. `locks` are taken first, in order. Each ledger call is one.
    @discardableResult
    func transaction<T>(locking locks: [ServerLock] = [], _ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        try postgres.execute("BEGIN")
        do {
            for lock in locks { try lock.take(on: postgres) }
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
