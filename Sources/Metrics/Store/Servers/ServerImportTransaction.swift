import Metrics
import PostgresNIO

/// An import's transaction on a servers store (`ServerStore.importTransaction`): the ledger's part on PostgreSQL in
/// the store's transaction, which holds `ServerLock.accounts` from its start; the file's CDRs collected by a write
/// session and sent to ClickHouse, only those not stored yet, just before the commit.
final class ServerImportTransaction: ImportTransaction {
    private let store: ServerStore
    let session: ServerWriteSession
    private var link: PostgresLink { store.postgres }

    init(store: ServerStore) {
        self.store = store
        session = ServerWriteSession(store: store)
    }

    func accountDirectory() throws -> AccountDirectory {
        var customers: [String: AccountDirectory.Account] = [:]
        var carriers: [String: AccountDirectory.Account] = [:]
        var dids: [String: Int64] = [:]
        for row in try link.execute("SELECT account_code, id, rate_card_id FROM customers") {
            customers[try row.text(0)] = AccountDirectory.Account(id: try row.int(1), rateCardID: try row.optionalInt(2))
        }
        for row in try link.execute("SELECT name, id, rate_card_id FROM carriers") {
            carriers[try row.text(0)] = AccountDirectory.Account(id: try row.int(1), rateCardID: try row.optionalInt(2))
        }
        for row in try link.execute("SELECT number, id FROM dids") {
            dids[try row.text(0)] = try row.int(1)
        }
        let last = try link.execute("""
            SELECT (SELECT coalesce(max(id), 0) FROM customers), (SELECT coalesce(max(id), 0) FROM carriers),
                (SELECT coalesce(max(id), 0) FROM dids)
            """)[0]
        return AccountDirectory(
            customers: customers, carriers: carriers, dids: dids, lastCustomerID: try last.int(0),
            lastCarrierID: try last.int(1), lastDIDID: try last.int(2))
    }

    /// The rate cards as they are now (read inside this transaction), so an import prices as on SQLite.
    func rateTables() throws -> [Int64: RateTable] { try store.loadRateTables() }

    func earlierStart(ofFirstRow key: RowKey, start: Int64, excludingFile file: Int64) throws
        -> (name: String, start: Int64)?
    {
        try ServerFileLedger.earlierStart(of: key, start: start, excluding: file, on: link)
    }

    func noteFirstRow(ofFile file: Int64, key: RowKey, start: Int64) throws {
        try ServerFileLedger.noteFirstRow(file, key: key, start: start, on: link)
    }

    /// Inserts the accounts with the ids the directory gave them (the largest plus one, as SQLite's): nobody else
    /// hands one out while the transaction holds `ServerLock.accounts`.
    func createAccounts(_ creations: [AccountDirectory.Creation], firstSeenIn file: Int64, at now: Int64) throws {
        for creation in creations {
            switch creation {
            case .customer(let id, let accountCode):
                try link.execute("""
                    INSERT INTO customers (id, account_code, name, active, channels_configured, balance_micros,
                        debit_limit_micros, created_at, profile_verified, first_seen_file_id)
                    VALUES ($1, $2, $2, true, 0, 0, 0, $3, false, $4)
                    """, [PostgresData(int64: id), PostgresData(string: accountCode), PostgresData(int64: now),
                          PostgresData(int64: file)])
            case .carrier(let id, let name):
                try link.execute("""
                    INSERT INTO carriers (id, name, channels_configured, first_seen_file_id) VALUES ($1, $2, 0, $3)
                    """, [PostgresData(int64: id), PostgresData(string: name), PostgresData(int64: file)])
            case .did(let id, let number, let customer):
                try link.execute("INSERT INTO dids (id, number, customer_id) VALUES ($1, $2, $3)",
                                 [PostgresData(int64: id), PostgresData(string: number), ServerWriteSession.data(customer)])
            }
        }
    }

    func insert(_ records: [CallRecord], alreadyStored: (CallRecord) -> Void) throws -> Int {
        try session.insertCDRs(records, alreadyStored: alreadyStored)
    }

    func addRejects(_ rejects: [FileLedger.Reject], toFile file: Int64) throws {
        try ServerFileLedger.addRejects(rejects, file: file, on: link)
    }

    /// The servers' rollups are recomputed from the CDRs after the commit (ServerStore+Rollups), not fed deltas.
    func write(_ deltas: RollupDeltas) throws {}

    func storeRegistrations(_ registrationsByMinute: [Int64: Int]) throws {
        try session.sampleRegistrations(registrationsByMinute.map { (minute: $0.key, registrations: $0.value) })
    }

    func firstImport(ofSameContentAs file: Int64) throws -> FileLedger.Entry? {
        try ServerFileLedger.firstImport(ofSameContentAs: file, on: link)
    }

    func finishFile(_ file: Int64, _ outcome: FileLedger.Outcome, at now: Int64) throws {
        try ServerFileLedger.finish(file, outcome, at: now, on: link)
    }
}
