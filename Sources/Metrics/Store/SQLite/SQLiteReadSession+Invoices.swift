import GRDB

/// Invoices, their lines, payments and CDRs, and the billing dashboard's figures.
extension SQLiteReadSession: InvoiceReading {
    func billingProfile(customerID: Int64) throws -> BillingProfile? {
        try SQLiteInvoices.profile(customerID: customerID, in: db)
    }

    func invoices(_ filter: InvoiceFilter) throws -> [Invoice] { try SQLiteInvoices.invoices(filter, in: db) }

    func invoice(id: Int64) throws -> Invoice? { try SQLiteInvoices.invoice(id: id, in: db) }

    func invoicedCDRs(invoiceID: Int64) throws -> [InvoicedCDR] { try SQLiteInvoices.cdrs(invoiceID: invoiceID, in: db) }

    func invoiceSummary(period: Period, top: Int) throws -> InvoiceSummary {
        try SQLiteInvoices.summary(period: period, top: top, in: db)
    }
}
