import GRDB

/// Customers, carriers and DIDs by the names files use for them, with their rate cards; decides the ones a file
/// names first, so the import can create them inside its transaction (a rolled-back import leaves no stray account).
///
/// Lookups never touch the store, so they can run on the thread that reads the file while another writes: an
/// account first seen gets the next free id at once (the import's transaction holds the write lock, so nobody else
/// can take it), and is queued in `creations` for the writer to insert before the CDRs that name it — as the id
/// SQLite would have given it.
struct AccountDirectory {
    struct Account {
        var id: Int64
        var rateCardID: Int64?
    }

    /// An account the writer must insert (ids as allocated here).
    enum Creation: Sendable, Equatable {
        case customer(id: Int64, accountCode: String)
        case carrier(id: Int64, name: String)
        case did(id: Int64, number: String, customer: Int64?)
    }

    private var customers: [String: Account] = [:]
    private var carriers: [String: Account] = [:]
    private var dids: [String: Int64] = [:]
    private var lastIDs: (customer: Int64, carrier: Int64, did: Int64)
    /// Account codes and carrier names created by this import, in the order first seen.
    private(set) var newCustomers: [String] = []
    private(set) var newCarriers: [String] = []
    /// Accounts decided since the last `takeCreations()`.
    private var creations: [Creation] = []

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
        func last(_ table: String) throws -> Int64 {
            try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM \(table)") ?? 0
        }
        lastIDs = (try last("customers"), try last("carriers"), try last("dids"))
    }

    /// The customer with this account code; one the store does not have is created (unverified, no rate card).
    mutating func customer(_ accountCode: String) throws -> Account? {
        guard !accountCode.isEmpty else { return nil }
        if let known = customers[accountCode] { return known }
        let account = Account(id: try Self.next(&lastIDs.customer), rateCardID: nil)
        customers[accountCode] = account
        newCustomers.append(accountCode)
        creations.append(.customer(id: account.id, accountCode: accountCode))
        return account
    }

    mutating func carrier(_ name: String) throws -> Account? {
        guard !name.isEmpty else { return nil }
        if let known = carriers[name] { return known }
        let account = Account(id: try Self.next(&lastIDs.carrier), rateCardID: nil)
        carriers[name] = account
        newCarriers.append(name)
        creations.append(.carrier(id: account.id, name: name))
        return account
    }

    mutating func did(_ number: String, customer: Int64?) throws -> Int64? {
        guard !number.isEmpty else { return nil }
        if let known = dids[number] { return known }
        let id = try Self.next(&lastIDs.did)
        dids[number] = id
        creations.append(.did(id: id, number: number, customer: customer))
        return id
    }

    /// The accounts decided since the last call, for `create(_:file:at:in:)`.
    mutating func takeCreations() -> [Creation] {
        defer { creations.removeAll() }
        return creations
    }

    /// Inserts accounts decided by a directory, inside the import's transaction.
    static func create(_ creations: [Creation], file: Int64, at now: Int64, in db: Database) throws {
        for creation in creations {
            switch creation {
            case .customer(let id, let accountCode):
                try db.execute(
                    sql: """
                        INSERT INTO customers (id, account_code, name, channels_configured, created_at,
                            profile_verified, first_seen_file_id)
                        VALUES (?, ?, ?, 0, ?, 0, ?)
                        """,
                    arguments: [id, accountCode, accountCode, now, file])
            case .carrier(let id, let name):
                try db.execute(
                    sql: "INSERT INTO carriers (id, name, channels_configured, first_seen_file_id) VALUES (?, ?, 0, ?)",
                    arguments: [id, name, file])
            case .did(let id, let number, let customer):
                try db.execute(
                    sql: "INSERT INTO dids (id, number, customer_id) VALUES (?, ?, ?)", arguments: [id, number, customer])
            }
        }
    }

    /// The id SQLite gives the next row of a table whose largest id is `last`.
    private static func next(_ last: inout Int64) throws -> Int64 {
        guard last < Int64.max else { throw DatabaseError(message: "no account id left after \(last)") }
        last += 1
        return last
    }
}
