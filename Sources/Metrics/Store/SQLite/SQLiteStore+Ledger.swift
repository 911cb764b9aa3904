import GRDB

/// The ledger's requirements, each in a transaction of its own.
extension SQLiteStore: StoreLedger {
    @discardableResult
    public func addCustomer(_ customer: Accounts.NewCustomer, createdAt: Int64) throws -> Int64 {
        try write { (db: Database) in try SQLiteAccounts.addCustomer(customer, createdAt: createdAt, in: db) }
    }

    @discardableResult
    public func addCarrier(name: String, channelsConfigured: Int, rateCardID: Int64?) throws -> Int64 {
        try write { (db: Database) in
            try SQLiteAccounts.addCarrier(name: name, channelsConfigured: channelsConfigured, rateCardID: rateCardID, in: db)
        }
    }

    @discardableResult
    public func addDID(number: String, customerID: Int64?) throws -> Int64 {
        try write { (db: Database) in try SQLiteAccounts.addDID(number: number, customerID: customerID, in: db) }
    }

    public func accounts() throws -> AccountBook {
        try read { (db: Database) in
            AccountBook(
                customers: try Row.fetchAll(db, sql: """
                    SELECT id, account_code, name, status, channels_configured, rate_card_id FROM customers ORDER BY id
                    """).map {
                    CustomerAccount(id: $0[0], accountCode: $0[1], name: $0[2], active: ($0[3] as String) == "active",
                                    channelsConfigured: $0[4], rateCardID: $0[5])
                },
                carriers: try Row.fetchAll(db, sql: """
                    SELECT id, name, status, channels_configured, rate_card_id FROM carriers ORDER BY id
                    """).map {
                    CarrierAccount(id: $0[0], name: $0[1], active: ($0[2] as String) == "active",
                                   channelsConfigured: $0[3], rateCardID: $0[4])
                },
                dids: try Row.fetchAll(db, sql: "SELECT id, number, customer_id FROM dids ORDER BY id").map {
                    DIDAccount(id: $0[0], number: $0[1], customerID: $0[2])
                })
        }
    }

    @discardableResult
    public func addRateCard(name: String, direction: RateDirection, currency: String, rates: [Rate]) throws -> Int64 {
        try write { (db: Database) in
            try SQLiteAccounts.addRateCard(name: name, direction: direction, currency: currency, rates: rates, in: db)
        }
    }

    public func storeRateCard(
        _ rates: [Rate], card name: String, direction: RateDirection, currency: String, replace: Bool
    ) throws -> (cardID: Int64, replaced: Bool) {
        try write { (db: Database) in
            try SQLiteAccounts.storeRateCard(
                rates, card: name, direction: direction, currency: currency, replace: replace, in: db)
        }
    }

    public func rateTables() throws -> [Int64: RateTable] {
        try read { (db: Database) in try SQLiteAccounts.rateTables(in: db) }
    }

    public func rateCards() throws -> [RateCardSummary] {
        try read { (db: Database) in try SQLiteAccounts.rateCards(in: db) }
    }

    public func priceUnratedCDRs(in period: Period, retention: Retention, at now: Int64) throws -> Int {
        try write { (db: Database) in try SQLiteAccounts.priceUnrated(in: period, retention: retention, at: now, in: db) }
    }

    public func fileEntry(source: String, contentHash: String) throws -> FileLedger.Entry? {
        try read { (db: Database) in try SQLiteFileLedger.entry(source: source, contentHash: contentHash, in: db) }
    }

    public func fileEntry(id: Int64) throws -> FileLedger.Entry? {
        try read { (db: Database) in try SQLiteFileLedger.entry(id: id, in: db) }
    }

    public func fileEntries(limit: Int) throws -> [FileLedger.Entry] {
        try read { (db: Database) in try SQLiteFileLedger.entries(limit: limit, in: db) }
    }

    public func rejects(ofFile file: Int64, limit: Int) throws -> [FileLedger.Reject] {
        try read { (db: Database) in try SQLiteFileLedger.rejects(file: file, limit: limit, in: db) }
    }

    public func beginFile(
        source: String, path: String, name: String, size: Int64, contentHash: String, owner: FileLedger.Owner,
        at now: Int64
    ) throws -> FileLedger.Attempt {
        try importWrite { (db: Database) in
            try SQLiteFileLedger.begin(
                source: source, path: path, name: name, size: size, contentHash: contentHash, owner: owner, at: now,
                in: db)
        }
    }

    public func recordCopy(of original: FileLedger.Entry, path: String, name: String, size: Int64, at now: Int64)
        throws -> FileLedger.Attempt
    {
        try importWrite { (db: Database) in
            try SQLiteFileLedger.recordCopy(of: original, path: path, name: name, size: size, at: now, in: db)
        }
    }

    public func noteWaiting(source: String, path: String, name: String, size: Int64, at now: Int64) throws {
        try write { (db: Database) in
            try SQLiteFileLedger.noteWaiting(source: source, path: path, name: name, size: size, at: now, in: db)
        }
    }

    public func finishFile(_ file: Int64, _ outcome: FileLedger.Outcome, at now: Int64) throws {
        try importWrite { (db: Database) in try SQLiteFileLedger.finish(file, outcome, at: now, in: db) }
    }

    public func noteMoved(_ file: Int64, to path: String) throws {
        try write { (db: Database) in try SQLiteFileLedger.moved(file, to: path, in: db) }
    }
}
