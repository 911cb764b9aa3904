/// Invoices as a read sees them: listings, one invoice whole, the CDRs behind one, and the billing dashboard's
/// figures. Text is as stored (views and command output sanitise it).
public protocol InvoiceReading {
    /// A customer's billing profile: the defaults (UTC, 30 days, no tax, per destination) when none is set; nil
    /// for a customer that does not exist.
    func billingProfile(customerID: Int64) throws -> BillingProfile?

    /// The invoices `filter` selects, newest first, with their lines and payments.
    func invoices(_ filter: InvoiceFilter) throws -> [Invoice]

    /// One invoice with its lines and payments.
    func invoice(id: Int64) throws -> Invoice?

    /// The CDRs behind an invoice, by start time then id: their charges add up to its subtotal.
    func invoicedCDRs(invoiceID: Int64) throws -> [InvoicedCDR]

    /// Drafts, issued-unpaid invoices and the `top` customers by invoice total over `period` (issued and paid
    /// invoices whose period starts in it).
    func invoiceSummary(period: Period, top: Int) throws -> InvoiceSummary
}
