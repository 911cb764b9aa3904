import GRDB

/// Customers, carriers and DIDs by the names files use for them, with their rate cards; creates the ones a file
/// names first, inside the import's transaction, so a rolled-back import leaves no stray account behind.
struct AccountDirectory {
    struct Account {
        var id: Int64
        var rateCardID: Int64?
    }

    private var customers: [String: Account] = [:]
    private var carriers: [String: Account] = [:]
    private var dids: [String: Int64] = [:]
    /// Account codes and carrier names created by this import, in the order first seen.
    private(set) var newCustomers: [String] = []
    private(set) var newCarriers: [String] = []

    init(in db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT account_code, id, rate_card_id FROM customers") {
            customers[row[0]] = Account(id: row[1], rateCardID: row[2])
        }
        for row in try Row.fetchAll(db, sql: "SELECT name, id, rate_card_id FROM carriers") {
            carriers[row[0]] = Account(id: row[1], rateCardID: row[2])
        }
        for row in try Row.fetchAll(db, sql: "SELECT number, id FROM dids") {
            dids[row[0]] = row[1]
        }
    }

    /// The customer with this account code, created (unverified, no rate card) when the store has none.
    mutating func customer(_ accountCode: String, file: Int64, at now: Int64, in db: Database) throws -> Account? {
        guard !accountCode.isEmpty else { return nil }
        if let known = customers[accountCode] { return known }
        try db.execute(
            sql: """
                INSERT INTO customers (account_code, name, channels_configured, created_at, profile_verified,
                    first_seen_file_id)
                VALUES (?, ?, 0, ?, 0, ?)
                """,
            arguments: [accountCode, accountCode, now, file])
        let account = Account(id: db.lastInsertedRowID, rateCardID: nil)
        customers[accountCode] = account
        newCustomers.append(accountCode)
        return account
    }

    mutating func carrier(_ name: String, file: Int64, in db: Database) throws -> Account? {
        guard !name.isEmpty else { return nil }
        if let known = carriers[name] { return known }
        try db.execute(
            sql: "INSERT INTO carriers (name, channels_configured, first_seen_file_id) VALUES (?, 0, ?)",
            arguments: [name, file])
        let account = Account(id: db.lastInsertedRowID, rateCardID: nil)
        carriers[name] = account
        newCarriers.append(name)
        return account
    }

    mutating func did(_ number: String, customer: Int64?, in db: Database) throws -> Int64? {
        guard !number.isEmpty else { return nil }
        if let known = dids[number] { return known }
        try db.execute(sql: "INSERT INTO dids (number, customer_id) VALUES (?, ?)", arguments: [number, customer])
        let id = db.lastInsertedRowID
        dids[number] = id
        return id
    }
}
