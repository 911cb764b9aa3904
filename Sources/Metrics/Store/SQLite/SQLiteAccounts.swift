import GRDB

/// The SQL of the accounts and rate cards (`customers`, `carriers`, `dids`, `rate_cards`, `rates`), inside the
/// caller's transaction.
enum SQLiteAccounts {
    static func addRateCard(
        name: String, direction: RateDirection, currency: String, rates: [Rate], in db: Database
    ) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO rate_cards (name, direction, currency) VALUES (?, ?, ?)",
            arguments: [name, direction.rawValue, currency])
        let id = db.lastInsertedRowID
        try addRates(rates, toCard: id, in: db)
        return id
    }

    static func addRates(_ rates: [Rate], toCard id: Int64, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO rates (rate_card_id, prefix, description, rate_micros_per_minute, initial_seconds,
                increment_seconds, minimum_micros, connection_fee_micros)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for rate in rates {
            try statement.execute(arguments: [
                id, rate.prefix, rate.description, rate.perMinute.micros, rate.initialSeconds,
                rate.incrementSeconds, rate.minimum.micros, rate.connectionFee.micros,
            ])
        }
    }

    /// `StoreLedger.storeRateCard`, inside the caller's transaction (which it leaves untouched when it throws).
    static func storeRateCard(
        _ rates: [Rate], card name: String, direction: RateDirection, currency: String, replace: Bool, in db: Database
    ) throws -> (cardID: Int64, replaced: Bool) {
        if let existing = try Row.fetchOne(db, sql: "SELECT id, direction FROM rate_cards WHERE name = ?", arguments: [name]) {
            guard replace else { throw RateCardError.exists(name) }
            guard existing[1] == direction.rawValue else { throw RateCardError.directionMismatch(name, existing[1]) }
            let id: Int64 = existing[0]
            try db.execute(sql: "DELETE FROM rates WHERE rate_card_id = ?", arguments: [id])
            try db.execute(sql: "UPDATE rate_cards SET currency = ? WHERE id = ?", arguments: [currency, id])
            try addRates(rates, toCard: id, in: db)
            return (id, true)
        }
        return (try addRateCard(name: name, direction: direction, currency: currency, rates: rates, in: db), false)
    }

    static func addCustomer(_ customer: Accounts.NewCustomer, createdAt: Int64, in db: Database) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO customers (account_code, name, status, channels_configured, balance_micros,
                    debit_limit_micros, rate_card_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                customer.accountCode, customer.name, customer.active ? "active" : "suspended",
                customer.channelsConfigured, customer.balance.micros, customer.debitLimit.micros,
                customer.rateCardID, createdAt,
            ])
        return db.lastInsertedRowID
    }

    static func addCarrier(name: String, channelsConfigured: Int, rateCardID: Int64?, in db: Database) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO carriers (name, channels_configured, rate_card_id) VALUES (?, ?, ?)",
            arguments: [name, channelsConfigured, rateCardID])
        return db.lastInsertedRowID
    }

    static func addDID(number: String, customerID: Int64?, in db: Database) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO dids (number, customer_id) VALUES (?, ?)", arguments: [number, customerID])
        return db.lastInsertedRowID
    }

    /// Every rate card in the store, indexed for rating, by id.
    static func rateTables(in db: Database) throws -> [Int64: RateTable] {
        var rates: [Int64: [Rate]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT rate_card_id, prefix, description, rate_micros_per_minute, initial_seconds, increment_seconds,
                minimum_micros, connection_fee_micros
            FROM rates
            """)
        while let row = try rows.next() {
            let rate = Rate(
                prefix: row[1], description: row[2], perMinute: Money(micros: row[3]), initialSeconds: row[4],
                incrementSeconds: row[5], minimum: Money(micros: row[6]), connectionFee: Money(micros: row[7]))
            rates[row[0], default: []].append(rate)
        }
        let ids = try Int64.fetchAll(db, sql: "SELECT id FROM rate_cards")
        return Dictionary(uniqueKeysWithValues: ids.map { ($0, RateTable(rates[$0] ?? [])) })
    }

    /// `StoreLedger.rateCards`: sell cards first, then by name.
    static func rateCards(in db: Database) throws -> [RateCardSummary] {
        try Row.fetchAll(db, sql: """
            SELECT c.id, c.name, c.direction, c.currency, COUNT(r.prefix),
                (SELECT COUNT(*) FROM customers WHERE rate_card_id = c.id) +
                (SELECT COUNT(*) FROM carriers WHERE rate_card_id = c.id)
            FROM rate_cards c LEFT JOIN rates r ON r.rate_card_id = c.id
            GROUP BY c.id ORDER BY c.direction DESC, c.name
            """
        ).map { row in
            RateCardSummary(
                id: row[0], name: row[1], direction: RateDirection(rawValue: row[2]) ?? .sell, currency: row[3],
                prefixes: row[4], usedBy: row[5])
        }
    }

    /// Customers, carriers and DIDs by the names files use for them, and the largest id of each.
    static func directory(in db: Database) throws -> AccountDirectory {
        var customers: [String: AccountDirectory.Account] = [:]
        var carriers: [String: AccountDirectory.Account] = [:]
        var dids: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT account_code, id, rate_card_id FROM customers") {
            customers[row[0]] = AccountDirectory.Account(id: row[1], rateCardID: row[2])
        }
        for row in try Row.fetchAll(db, sql: "SELECT name, id, rate_card_id FROM carriers") {
            carriers[row[0]] = AccountDirectory.Account(id: row[1], rateCardID: row[2])
        }
        for row in try Row.fetchAll(db, sql: "SELECT number, id FROM dids") {
            dids[row[0]] = row[1]
        }
        func last(_ table: String) throws -> Int64 {
            try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM \(table)") ?? 0
        }
        return AccountDirectory(
            customers: customers, carriers: carriers, dids: dids, lastCustomerID: try last("customers"),
            lastCarrierID: try last("carriers"), lastDIDID: try last("dids"))
    }

    /// Inserts the accounts an import's directory decided, with their ids (the largest so far plus one: what SQLite
    /// would have given them).
    static func create(_ creations: [AccountDirectory.Creation], firstSeenIn file: Int64?, at now: Int64, in db: Database)
        throws
    {
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
}
