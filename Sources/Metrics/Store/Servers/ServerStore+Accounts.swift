import Metrics
import PostgresNIO

/// Accounts get the largest id plus one, as SQLite gives them, or the id an import reserved for the name
/// (`ServerAccounts.reserve`), under `ServerLock.accounts`, which an import holds while it reserves ids.
extension ServerStore {
    @discardableResult
    public func addCustomer(_ customer: Accounts.NewCustomer, createdAt: Int64) throws -> Int64 {
        try transaction(locking: [.accounts]) {
            try postgres.execute("""
                INSERT INTO customers (id, account_code, name, active, channels_configured, balance_micros,
                    debit_limit_micros, rate_card_id, created_at)
                VALUES (\(ServerAccounts.newID(.customer, nameParameter: "$1")), $1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
                """, [PostgresData(string: customer.accountCode), PostgresData(string: customer.name),
                      PostgresData(bool: customer.active), PostgresData(int64: Int64(customer.channelsConfigured)),
                      PostgresData(int64: customer.balance.micros), PostgresData(int64: customer.debitLimit.micros),
                      ServerWriteSession.data(customer.rateCardID), PostgresData(int64: createdAt)])[0].int(0)
        }
    }

    @discardableResult
    public func addCarrier(name: String, channelsConfigured: Int, rateCardID: Int64?) throws -> Int64 {
        try transaction(locking: [.accounts]) {
            try postgres.execute("""
                INSERT INTO carriers (id, name, channels_configured, rate_card_id)
                VALUES (\(ServerAccounts.newID(.carrier, nameParameter: "$1")), $1, $2, $3) RETURNING id
                """, [PostgresData(string: name), PostgresData(int64: Int64(channelsConfigured)),
                      ServerWriteSession.data(rateCardID)])[0].int(0)
        }
    }

    @discardableResult
    public func addDID(number: String, customerID: Int64?) throws -> Int64 {
        try transaction(locking: [.accounts]) {
            try postgres.execute("""
                INSERT INTO dids (id, number, customer_id) VALUES (\(ServerAccounts.newID(.did, nameParameter: "$1")), $1, $2)
                RETURNING id
                """, [PostgresData(string: number), ServerWriteSession.data(customerID)])[0].int(0)
        }
    }

    public func accounts() throws -> AccountBook {
        try reading {
            AccountBook(
                customers: try postgres.execute("""
                    SELECT id, account_code, name, active, channels_configured, rate_card_id FROM customers ORDER BY id
                    """).map {
                    CustomerAccount(id: try $0.int(0), accountCode: try $0.text(1), name: try $0.text(2),
                                    active: try $0.bool(3), channelsConfigured: Int(try $0.int(4)),
                                    rateCardID: try $0.optionalInt(5))
                },
                carriers: try postgres.execute("""
                    SELECT id, name, active, channels_configured, rate_card_id FROM carriers ORDER BY id
                    """).map {
                    CarrierAccount(id: try $0.int(0), name: try $0.text(1), active: try $0.bool(2),
                                   channelsConfigured: Int(try $0.int(3)), rateCardID: try $0.optionalInt(4))
                },
                dids: try postgres.execute("SELECT id, number, customer_id FROM dids ORDER BY id").map {
                    DIDAccount(id: try $0.int(0), number: try $0.text(1), customerID: try $0.optionalInt(2))
                })
        }
    }
}
