import Metrics

extension ServerStore {
    /// One PostgreSQL transaction per file, holding no lock that another import waits for: the ids of accounts the
    /// file names first are reserved and committed apart (`ServerAccounts.reserve`), so importers on any number of
    /// machines run at once. At the end the file's new CDRs go to ClickHouse, then the rows of its new accounts are
    /// created, then the CDRs another import committed meanwhile are taken out of the new ones
    /// (`ServerImportTransaction.storedMeanwhile`) and the batch is recorded, then the commit. A writer killed
    /// before the send sends nothing; one killed between the send and the commit leaves CDRs with no ledger entry,
    /// which the re-run finds stored (and `FINAL` counts once): nothing doubled, nothing lost. Either leaves only
    /// reserved ids, which the re-run finds and creates the rows of.
    public func importTransaction<T>(_ body: (any ImportTransaction) throws -> T) throws -> T {
        // The minutes it sent are recomputed after the commit (or the rollback: the CDRs may be on ClickHouse).
        var started: ServerImportTransaction?
        var bodyEnded: UInt64?
        defer {
            if let started {
                if let bodyEnded { started.phases.add("commit", since: bodyEnded) }
                started.phases.time("rollups after the commit") { settleRollups(started.session.marked) }
                started.phases.print("the whole import")
            }
        }
        return try transaction {
            // Read between two writers' batches, never while one is recorded but not committed.
            let lastBatch = try ServerLock.cdrBatches.holding(on: postgres) {
                try postgres.execute("SELECT coalesce(max(seq), 0) FROM cdr_batches")[0].int(0)
            }
            let transaction = ServerImportTransaction(store: self, lastBatchAtStart: lastBatch)
            started = transaction
            let result = try body(transaction)
            try transaction.finishWriting()
            try transaction.phases.time("record the batch") { try transaction.session.flushCDRs() }
            transaction.phases.print("before the commit")
            bodyEnded = ImportPhases.now
            return result
        }
    }
}
