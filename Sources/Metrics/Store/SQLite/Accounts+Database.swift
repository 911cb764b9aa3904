import GRDB

/// Transitional: accounts and rate cards added inside a caller's `SQLiteStore.write` (the simulator's network, the
/// bench's stores, tests' set-up), until those go through `StoreLedger` too; then this file goes.
extension Accounts {
    @discardableResult
    public static func addRateCard(
        name: String, direction: RateDirection, currency: String = "USD", rates: [Rate], in db: Database
    ) throws -> Int64 {
        try SQLiteAccounts.addRateCard(name: name, direction: direction, currency: currency, rates: rates, in: db)
    }

    @discardableResult
    public static func addCustomer(_ customer: NewCustomer, createdAt: Int64, in db: Database) throws -> Int64 {
        try SQLiteAccounts.addCustomer(customer, createdAt: createdAt, in: db)
    }

    @discardableResult
    public static func addCarrier(name: String, channelsConfigured: Int, rateCardID: Int64?, in db: Database) throws
        -> Int64
    {
        try SQLiteAccounts.addCarrier(name: name, channelsConfigured: channelsConfigured, rateCardID: rateCardID, in: db)
    }

    @discardableResult
    public static func addDID(number: String, customerID: Int64?, in db: Database) throws -> Int64 {
        try SQLiteAccounts.addDID(number: number, customerID: customerID, in: db)
    }

    /// Every rate card in the store, indexed for rating, by id.
    public static func rateTables(in db: Database) throws -> [Int64: RateTable] {
        try SQLiteAccounts.rateTables(in: db)
    }
}
