import Metrics

/// Invoices, their lines, payments and CDRs, in a read of the servers store (PostgreSQL; the CDRs from ClickHouse).
extension ServerReadSession {
    func billingProfile(customerID: Int64) throws -> BillingProfile? {
        try store.billingProfile(customerID: customerID)
    }

    func invoices(_ filter: InvoiceFilter) throws -> [Invoice] { try store.invoiceRecords(filter) }

    func invoice(id: Int64) throws -> Invoice? { try store.invoiceRecord(id: id) }

    func invoicedCDRs(invoiceID: Int64) throws -> [InvoicedCDR] { try store.invoicedCDRRecords(invoiceID: invoiceID) }

    func invoiceSummary(period: Period, top: Int) throws -> InvoiceSummary {
        try store.invoiceSummaryRecord(period: period, top: top)
    }
}
