import GRDB

/// Number blocks and portal users (v12) inside the frame's read.
extension SQLiteReadSession: AccountReading {
    func numberBlocks(customerID: Int64?) throws -> [NumberBlock] {
        try SQLiteStore.blocks(customerID: customerID, in: db)
    }

    func extensionsInUse(customerID: Int64?, cdrsSince since: Int64) throws -> [ExtensionInUse] {
        try SQLiteStore.extensionsInUse(customerID: customerID, cdrsSince: since, in: db)
    }

    func portalUser(customerID: Int64) throws -> PortalUser? {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM portal_users WHERE customer_id = ?", arguments: [customerID]) != nil
        else { return nil }
        return try SQLiteStore.user(customerID, in: db)
    }
}
