import Metrics

/// What a switch feed needs of the accounts inside its write: the directory (the tables locked until the commit,
/// as SQLite's write lock holds them), the accounts it first sees, and the rate cards to price calls with.
extension ServerWriteSession {
    func accountDirectory() throws -> AccountDirectory {
        try ServerAccounts.directory(store.postgres)
    }

    func createAccounts(_ creations: [AccountDirectory.Creation], at now: Int64) throws {
        try ServerAccounts.create(creations, at: now, store.postgres)
    }

    func rateTables() throws -> [Int64: RateTable] {
        try ServerAccounts.rateTables(store.postgres)
    }
}
