import Metrics

/// What a customer's portal session has besides the monitor's options: whose it is, the issuer's profile it shows,
/// where its exports go, and the writes it may make — each bound to that one customer.
struct PortalSessionOptions {
    var customerID: Int64
    /// The customer's account code: the account name in the authenticator app (short, so the QR code stays small).
    var accountCode: String
    /// `[company]`: the issuer's contact and PayPal address, shown read-only in the Account view.
    var company = CompanySettings()
    /// `[portal] customer_drafts`: whether `i` in the summary drafts an invoice for the customer's own account.
    var customerDrafts = true
    /// The customer's own export folder (`PortalExports.customerDirectory`).
    var exportDirectory: String
    /// Reads invoices for exports: the session's scoped reader, so another customer's invoice is not found.
    var reader: any StoreReader
    /// My profile, verification and 2FA writes; opened on first use. Nil: the portal cannot write.
    var ledger: (() throws -> any PortalLedger)?
    /// `[notify]`: the programs that send verification codes.
    var notify = NotifySettings()
}
