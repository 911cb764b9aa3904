import Metrics

/// What a switch feed needs of the accounts inside its write: the directory (the tables locked until the commit,
/// as SQLite's write lock holds them), and the accounts it first sees (the rate cards: ServerWriteSession+RateCards).
extension ServerWriteSession {
    func accountDirectory() throws -> AccountDirectory {
        try ServerAccounts.directory(store.postgres, lockingTables: true)
    }

    func createAccounts(_ creations: [AccountDirectory.Creation], at now: Int64) throws {
        try ServerAccounts.create(creations, at: now, store.postgres)
    }
}
