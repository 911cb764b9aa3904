import Metrics

/// Number blocks and portal users inside a read of the servers store.
extension ServerReadSession {
    func numberBlocks(customerID: Int64?) throws -> [NumberBlock] { try store.numberBlocks(customerID: customerID) }

    func extensionsInUse(customerID: Int64?, cdrsSince since: Int64) throws -> [ExtensionInUse] {
        try store.extensions(customerID: customerID, cdrsSince: since)
    }

    func portalUser(customerID: Int64) throws -> PortalUser? { try store.storedUser(customerID) }

    func rateCardCount() throws -> Int { Int(try store.postgres.execute("SELECT count(*) FROM rate_cards")[0].int(0)) }
}
