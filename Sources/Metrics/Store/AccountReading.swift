/// The portal's accounts as a frame needs them: number blocks with the extensions in use, and what of a portal
/// user is verified (the checklist).
public protocol AccountReading {
    /// Every block (or one customer's), lowest start first.
    func numberBlocks(customerID: Int64?) throws -> [NumberBlock]

    /// As `BlockLedger.extensionsInUse`: registrations, and callers of CDRs starting at or after `since`.
    func extensionsInUse(customerID: Int64?, cdrsSince since: Int64) throws -> [ExtensionInUse]

    /// The customer's portal user; nil when none is stored.
    func portalUser(customerID: Int64) throws -> PortalUser?
}
