import Metrics

extension ServerStore {
    /// One PostgreSQL transaction holding `ServerLock.accounts` from its start (imports run one at a time, as on
    /// SQLite, whose write lock an import holds); the file's new CDRs go to ClickHouse just before the commit. A
    /// writer killed before that sends nothing; one killed between the send and the commit leaves CDRs with no
    /// ledger entry, which the re-run finds stored (and `FINAL` counts once): nothing doubled, nothing lost.
    public func importTransaction<T>(_ body: (any ImportTransaction) throws -> T) throws -> T {
        let transaction = ServerImportTransaction(store: self)
        // The minutes it sent are recomputed after the commit (or the rollback: the CDRs may be on ClickHouse).
        defer { settleRollups(transaction.session.marked) }
        return try self.transaction(locking: [.accounts]) {
            let result = try body(transaction)
            try transaction.session.flushCDRs()
            return result
        }
    }
}
