import GRDB

/// Reference data: customers, carriers, DIDs and rate cards. Writers create them; the monitor only reads them.
public enum Accounts {
    public struct NewCustomer: Sendable {
        public var accountCode: String
        public var name: String
        public var active: Bool
        public var channelsConfigured: Int
        public var balance: Money
        public var debitLimit: Money
        public var rateCardID: Int64?

        public init(
            accountCode: String, name: String, active: Bool = true, channelsConfigured: Int,
            balance: Money = Money(micros: 0), debitLimit: Money = Money(micros: 0), rateCardID: Int64?
        ) {
            self.accountCode = accountCode
            self.name = name
            self.active = active
            self.channelsConfigured = channelsConfigured
            self.balance = balance
            self.debitLimit = debitLimit
            self.rateCardID = rateCardID
        }
    }

    @discardableResult
    public static func addRateCard(
        name: String, direction: RateDirection, currency: String = "USD", rates: [Rate], in db: Database
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

    @discardableResult
    public static func addCustomer(_ customer: NewCustomer, createdAt: Int64, in db: Database) throws -> Int64 {
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

    @discardableResult
    public static func addCarrier(name: String, channelsConfigured: Int, rateCardID: Int64?, in db: Database) throws
        -> Int64
    {
        try db.execute(
            sql: "INSERT INTO carriers (name, channels_configured, rate_card_id) VALUES (?, ?, ?)",
            arguments: [name, channelsConfigured, rateCardID])
        return db.lastInsertedRowID
    }

    @discardableResult
    public static func addDID(number: String, customerID: Int64?, in db: Database) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO dids (number, customer_id) VALUES (?, ?)", arguments: [number, customerID])
        return db.lastInsertedRowID
    }

    /// Every rate card in the store, indexed for rating, by id.
    public static func rateTables(in db: Database) throws -> [Int64: RateTable] {
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
}

/// Whether a rate card prices what customers pay (sell) or what carriers charge (buy).
public enum RateDirection: String, Sendable { case sell, buy }
