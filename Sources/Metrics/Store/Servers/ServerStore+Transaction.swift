import Metrics

extension ServerStore {
    /// `body` in one PostgreSQL transaction on the store's connection, holding the store's lock: committed when it
    /// returns, rolled back when it throws. `locks` are taken first, in order.
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
}
