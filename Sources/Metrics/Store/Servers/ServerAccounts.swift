import Metrics
import PostgresNIO

/// The SQL of accounts and rate cards on PostgreSQL, on the store's one connection (inside the caller's transaction
/// when there is one): what the ledger, a feed's write session and an import share.
enum ServerAccounts {
    /// Customers, carriers and DIDs by the names feeds use for them, and the largest id of each. The tables are
    /// locked until the transaction ends: the ids the directory hands out stay free until `create` takes them, as
    /// SQLite's write lock guarantees (a second writer waits here instead of failing on a taken id).
    static func directory(_ postgres: PostgresLink) throws -> AccountDirectory {
        try postgres.execute("LOCK TABLE customers, carriers, dids IN SHARE ROW EXCLUSIVE MODE")
        var customers: [String: AccountDirectory.Account] = [:]
        var carriers: [String: AccountDirectory.Account] = [:]
        var dids: [String: Int64] = [:]
        for row in try postgres.execute("SELECT account_code, id, rate_card_id FROM customers") {
            customers[try row.text(0)] = AccountDirectory.Account(id: try row.int(1), rateCardID: try row.optionalInt(2))
        }
        for row in try postgres.execute("SELECT name, id, rate_card_id FROM carriers") {
            carriers[try row.text(0)] = AccountDirectory.Account(id: try row.int(1), rateCardID: try row.optionalInt(2))
        }
        for row in try postgres.execute("SELECT number, id FROM dids") { dids[try row.text(0)] = try row.int(1) }
        func last(_ table: String) throws -> Int64 {
            try postgres.execute("SELECT coalesce(max(id), 0) FROM \(table)").first.map { try $0.int(0) } ?? 0
        }
        return AccountDirectory(
            customers: customers, carriers: carriers, dids: dids, lastCustomerID: try last("customers"),
            lastCarrierID: try last("carriers"), lastDIDID: try last("dids"))
    }

    /// Inserts the accounts a directory decided, with its ids (customers unverified, as on SQLite), then moves each
    /// id sequence past them so that `addCustomer` and the others never hand out one of these ids again.
    static func create(_ creations: [AccountDirectory.Creation], at now: Int64, _ postgres: PostgresLink) throws {
        guard !creations.isEmpty else { return }
        var tables: Set<String> = []
        for creation in creations {
            switch creation {
            case .customer(let id, let accountCode):
                try postgres.execute("""
                    INSERT INTO customers (id, account_code, name, active, channels_configured, balance_micros,
                        debit_limit_micros, created_at, profile_verified)
                    VALUES ($1, $2, $2, true, 0, 0, 0, $3, false)
                    """, [PostgresData(int64: id), PostgresData(string: accountCode), PostgresData(int64: now)])
                tables.insert("customers")
            case .carrier(let id, let name):
                try postgres.execute("INSERT INTO carriers (id, name, channels_configured) VALUES ($1, $2, 0)",
                                     [PostgresData(int64: id), PostgresData(string: name)])
                tables.insert("carriers")
            case .did(let id, let number, let customer):
                try postgres.execute("INSERT INTO dids (id, number, customer_id) VALUES ($1, $2, $3)",
                                     [PostgresData(int64: id), PostgresData(string: number), ServerWriteSession.data(customer)])
                tables.insert("dids")
            }
        }
        for table in tables.sorted() {
            try postgres.execute(
                "SELECT setval(pg_get_serial_sequence('\(table)', 'id'), (SELECT max(id) FROM \(table)))")
        }
    }
}
