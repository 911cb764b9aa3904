import GRDB

/// Invoices, their lines, payments and CDRs, and the billing dashboard's figures.
extension SQLiteReadSession: InvoiceReading {
    func billingProfile(customerID: Int64) throws -> BillingProfile? { nil }

    func invoices(_ filter: InvoiceFilter) throws -> [Invoice] { [] }

    func invoice(id: Int64) throws -> Invoice? { nil }

    func invoicedCDRs(invoiceID: Int64) throws -> [InvoicedCDR] { [] }

    func invoiceSummary(period: Period, top: Int) throws -> InvoiceSummary {
        InvoiceSummary(drafts: 0, unpaid: 0, unpaidValue: Money(micros: 0), unpaidCurrency: nil, topCustomers: [])
    }
}
