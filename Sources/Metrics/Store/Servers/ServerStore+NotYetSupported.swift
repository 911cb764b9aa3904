import Foundation
import Metrics

/// The ledger protocols not yet on PostgreSQL: each says so (docs/scale-out.md) instead of answering empty.
extension ServerStore {
    /// Not yet on servers (docs/scale-out.md).
    public func storeRateCard(_ rates: [Rate], card name: String, direction: RateDirection, currency: String, replace: Bool) throws -> (cardID: Int64, replaced: Bool) {
        throw ServerStoreError.notYetSupported("ledger: storeRateCard")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func rateCards() throws -> [RateCardSummary] {
        throw ServerStoreError.notYetSupported("ledger: rateCards")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func priceUnratedCDRs(in period: Period, retention: Retention, at now: Int64) throws -> Int {
        throw ServerStoreError.notYetSupported("ledger: priceUnratedCDRs")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func fileEntry(source: String, contentHash: String) throws -> FileLedger.Entry? {
        throw ServerStoreError.notYetSupported("ledger: fileEntry")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func fileEntry(id: Int64) throws -> FileLedger.Entry? {
        throw ServerStoreError.notYetSupported("ledger: fileEntry")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func fileEntries(limit: Int) throws -> [FileLedger.Entry] {
        throw ServerStoreError.notYetSupported("ledger: fileEntries")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func rejects(ofFile file: Int64, limit: Int) throws -> [FileLedger.Reject] {
        throw ServerStoreError.notYetSupported("ledger: rejects")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func beginFile(source: String, path: String, name: String, size: Int64, contentHash: String, owner: FileLedger.Owner, at now: Int64) throws -> FileLedger.Attempt {
        throw ServerStoreError.notYetSupported("ledger: beginFile")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func recordCopy(of original: FileLedger.Entry, path: String, name: String, size: Int64, at now: Int64) throws -> FileLedger.Attempt {
        throw ServerStoreError.notYetSupported("ledger: recordCopy")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func noteWaiting(source: String, path: String, name: String, size: Int64, at now: Int64) throws {
        throw ServerStoreError.notYetSupported("ledger: noteWaiting")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func finishFile(_ file: Int64, _ outcome: FileLedger.Outcome, at now: Int64) throws {
        throw ServerStoreError.notYetSupported("ledger: finishFile")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func noteMoved(_ file: Int64, to path: String) throws {
        throw ServerStoreError.notYetSupported("ledger: noteMoved")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func setBillingProfile(_ profile: BillingProfile, customerID: Int64) throws {
        throw ServerStoreError.notYetSupported("ledger: setBillingProfile")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func createDraft(customerID: Int64, period: Period, at now: Int64) throws -> Invoice {
        throw ServerStoreError.notYetSupported("ledger: createDraft")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func issueInvoice(id: Int64, at now: Int64, numbering: InvoiceNumbering) throws -> Invoice {
        throw ServerStoreError.notYetSupported("ledger: issueInvoice")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func recordPayment(invoiceID: Int64, amount: Money, paidAt: Int64, at now: Int64) throws -> Invoice {
        throw ServerStoreError.notYetSupported("ledger: recordPayment")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func voidInvoice(id: Int64, at now: Int64) throws -> Invoice {
        throw ServerStoreError.notYetSupported("ledger: voidInvoice")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func openTicket(subject: String, customerID: Int64?, support: String, at now: Int64) throws -> Int64 {
        throw ServerStoreError.notYetSupported("ledger: openTicket")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func tickets(openOnly: Bool) throws -> [HelpTicket] {
        throw ServerStoreError.notYetSupported("ledger: tickets")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func closeTicket(_ id: Int64, at now: Int64) throws -> HelpTicket {
        throw ServerStoreError.notYetSupported("ledger: closeTicket")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func pushPage(title: String, definition: String, at now: Int64) throws {
        throw ServerStoreError.notYetSupported("ledger: pushPage")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func storedPages() throws -> [StoredPage] {
        throw ServerStoreError.notYetSupported("ledger: storedPages")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func removePage(title: String) throws -> Bool {
        throw ServerStoreError.notYetSupported("ledger: removePage")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func addBlock(customerID: Int64, start: Int64, size: Int64, at now: Int64) throws -> NumberBlock {
        throw ServerStoreError.notYetSupported("ledger: addBlock")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func allocateBlock(customerID: Int64, systemStart: Int64, size: Int64, at now: Int64) throws -> NumberBlock {
        throw ServerStoreError.notYetSupported("ledger: allocateBlock")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func blocks(customerID: Int64?) throws -> [NumberBlock] {
        throw ServerStoreError.notYetSupported("ledger: blocks")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func removeBlock(_ id: Int64) throws -> NumberBlock {
        throw ServerStoreError.notYetSupported("ledger: removeBlock")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func extensionsInUse(customerID: Int64?, cdrsSince since: Int64) throws -> [ExtensionInUse] {
        throw ServerStoreError.notYetSupported("ledger: extensionsInUse")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func portalUser(customerID: Int64) throws -> PortalUser {
        throw ServerStoreError.notYetSupported("ledger: portalUser")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func updateProfile(customerID: Int64, _ values: [ProfileField: String], by who: String, at now: Int64) throws -> [ProfileChange] {
        throw ServerStoreError.notYetSupported("ledger: updateProfile")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func profileChanges(customerID: Int64) throws -> [ProfileChange] {
        throw ServerStoreError.notYetSupported("ledger: profileChanges")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func storeVerificationCode(customerID: Int64, channel: VerificationChannel, address: String, codeHash: String, at now: Int64) throws {
        throw ServerStoreError.notYetSupported("ledger: storeVerificationCode")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func verify(customerID: Int64, channel: VerificationChannel, codeHash: String, at now: Int64, maximumAge: Int64) throws -> Bool {
        throw ServerStoreError.notYetSupported("ledger: verify")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func enableTOTP(customerID: Int64, secret: [UInt8], recoveryCodeHashes: [String], at now: Int64) throws {
        throw ServerStoreError.notYetSupported("ledger: enableTOTP")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func disableTOTP(customerID: Int64) throws {
        throw ServerStoreError.notYetSupported("ledger: disableTOTP")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func totpSecret(customerID: Int64) throws -> [UInt8]? {
        throw ServerStoreError.notYetSupported("ledger: totpSecret")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func acceptTOTPStep(customerID: Int64, step: Int64) throws -> Bool {
        throw ServerStoreError.notYetSupported("ledger: acceptTOTPStep")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func useRecoveryCode(customerID: Int64, codeHash: String, at now: Int64) throws -> Bool {
        throw ServerStoreError.notYetSupported("ledger: useRecoveryCode")
    }

    /// Not yet on servers (docs/scale-out.md).
    public func unusedRecoveryCodes(customerID: Int64) throws -> Int {
        throw ServerStoreError.notYetSupported("ledger: unusedRecoveryCodes")
    }

    public func importTransaction<T>(_ body: (any ImportTransaction) throws -> T) throws -> T {
        throw ServerStoreError.notYetSupported("import transactions")
    }

    public func rebuildAggregates(_ retention: Retention, at now: Int64) throws -> Int {
        throw ServerStoreError.notYetSupported("rebuild")
    }
}
