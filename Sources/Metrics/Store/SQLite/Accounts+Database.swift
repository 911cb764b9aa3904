import GRDB

/// Accounts and rate cards added inside a caller's `SQLiteStore.write`, for tests that set up a store in one
/// transaction with raw SQL beside (internal: production code goes through `StoreLedger`).
extension Accounts {
    @discardableResult
    static func addRateCard(
        name: String, direction: RateDirection, currency: String = "USD", rates: [Rate], in db: Database
    ) throws -> Int64 {
        try SQLiteAccounts.addRateCard(name: name, direction: direction, currency: currency, rates: rates, in: db)
    }

    @discardableResult
    static func addCustomer(_ customer: NewCustomer, createdAt: Int64, in db: Database) throws -> Int64 {
        try SQLiteAccounts.addCustomer(customer, createdAt: createdAt, in: db)
    }

    @discardableResult
    static func addCarrier(name: String, channelsConfigured: Int, rateCardID: Int64?, in db: Database) throws
        -> Int64
    {
        try SQLiteAccounts.addCarrier(name: name, channelsConfigured: channelsConfigured, rateCardID: rateCardID, in: db)
    }

    @discardableResult
    static func addDID(number: String, customerID: Int64?, in db: Database) throws -> Int64 {
        try SQLiteAccounts.addDID(number: number, customerID: customerID, in: db)
    }

    /// Every rate card in the store, indexed for rating, by id.
    static func rateTables(in db: Database) throws -> [Int64: RateTable] {
        try SQLiteAccounts.rateTables(in: db)
    }
}
