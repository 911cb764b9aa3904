/// The invoice figures of the billing dashboard: drafts, issued and unpaid invoices (count and what is left to pay
/// on them), and the customers with the highest invoice totals over a period.
public struct InvoiceSummary: Sendable, Hashable {
    public struct CustomerTotal: Sendable, Hashable {
        public var customerID: Int64
        public var name: String
        public var total: Money
        /// nil when the customer's invoices in the period use more than one currency.
        public var currency: String?

        public init(customerID: Int64, name: String, total: Money, currency: String?) {
            self.customerID = customerID
            self.name = name
            self.total = total
            self.currency = currency
        }
    }

    public var drafts: Int
    /// Issued invoices not yet paid in full (partly paid ones included).
    public var unpaid: Int
    /// What is left to pay on them.
    public var unpaidValue: Money
    /// Their currency; nil when they use more than one (the value then mixes currencies) or there are none.
    public var unpaidCurrency: String?
    /// Issued and paid invoices whose period starts in the period asked for, summed per customer, highest first
    /// (ties by name).
    public var topCustomers: [CustomerTotal]

    public init(drafts: Int, unpaid: Int, unpaidValue: Money, unpaidCurrency: String?, topCustomers: [CustomerTotal]) {
        self.drafts = drafts
        self.unpaid = unpaid
        self.unpaidValue = unpaidValue
        self.unpaidCurrency = unpaidCurrency
        self.topCustomers = topCustomers
    }
}
