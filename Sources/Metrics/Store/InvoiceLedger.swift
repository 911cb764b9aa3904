/// The invoices' writes, each a transaction of its own (docs/invoices.md). The store enforces what must never break
/// whoever writes: an issued invoice, its lines and its CDRs never change (SQLite triggers), a CDR is on at most one
/// invoice that is not void, numbers come gap-free from a series when an invoice is issued, and payments and issued
/// invoices move the customer's balance. `now` always comes from the caller.
public protocol InvoiceLedger: AnyObject, Sendable {
    /// Sets a customer's billing profile (its currency is the customer's own and is changed with it).
    func setBillingProfile(_ profile: BillingProfile, customerID: Int64) throws

    /// Creates a draft for `customerID` over `period`: every rated, answered CDR of the customer that started in the
    /// period, plus those that started in the period of an earlier invoice of the customer but arrived after it
    /// (late CDRs), and are on no invoice that is not void. Throws `InvoiceError.overlaps` naming the invoice
    /// whose period overlaps (void ones excepted), `.noTraffic` when there is nothing to bill.
    func createDraft(customerID: Int64, period: Period, at now: Int64) throws -> Invoice

    /// Issues a draft: recomputes it from the CDRs as they are now, refuses (`InvoiceError.unrated`) while an
    /// answered CDR it would cover has no rate, then gives it the next number of the series, its issue and due
    /// dates, and debits its total from the customer's balance, all in one transaction.
    /// `numbering` picks the series: the global one, or the customer's own (made on its first invoice).
    func issueInvoice(id: Int64, at now: Int64, numbering: InvoiceNumbering) throws -> Invoice

    /// Records a payment against an issued invoice (at most what is left); the invoice becomes paid when nothing
    /// is left. The payment is credited to the customer's balance.
    func recordPayment(invoiceID: Int64, amount: Money, paidAt: Int64, at now: Int64) throws -> Invoice

    /// Voids a draft or an issued invoice (a credit note: the number stays, the total is credited back to the
    /// balance, its CDRs are free for a new invoice). A paid invoice stays paid.
    func voidInvoice(id: Int64, at now: Int64) throws -> Invoice
}

extension InvoiceLedger {
    /// Issues from the global series.
    public func issueInvoice(id: Int64, at now: Int64) throws -> Invoice {
        try issueInvoice(id: id, at: now, numbering: .global)
    }
}
