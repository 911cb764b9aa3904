import Metrics

/// The billing dashboard's figures on the servers: customers, open tickets and invoices. CDR files are not on the
/// servers yet (`import` refuses them), so their figures are none: when the file ledger moves to PostgreSQL, its
/// counts go here.
extension ServerReadSession {
    func billingFigures(at now: Int64) throws -> BillingFigures {
        var figures = BillingFigures()
        figures.customers = Int(try store.postgres.execute("SELECT count(*) FROM customers")[0].int(0))
        figures.openTickets = Int(try store.postgres.execute(
            "SELECT count(*) FROM help_tickets WHERE closed_at IS NULL")[0].int(0))
        figures.filesPerMonth = BillingFigures.months(at: now).map { BillingFigures.MonthCount(month: $0, files: 0) }
        if let pastMonth = BillingFigures.pastMonth(at: now) {
            let invoices = try invoiceSummary(period: pastMonth, top: 5)
            figures.draftInvoices = invoices.drafts
            figures.unpaidInvoices = invoices.unpaid
            figures.unpaidValue = invoices.unpaidValue
            figures.unpaidCurrency = invoices.unpaidCurrency
            figures.topCustomers = invoices.topCustomers.prefix(5).map {
                BillingFigures.CustomerTotal(customerID: $0.customerID, name: $0.name, total: $0.total,
                                             currency: $0.currency)
            }
        }
        return figures
    }
}
