/// What a customer's invoices are made with: currency (the customer's own, `customers.currency`), taxes, how many
/// days until an invoice is due, the zone its months start in (nil: UTC) and how usage is split into lines.
public struct BillingProfile: Sendable, Hashable {
    public static let defaultDueDays = 30

    public var currency: String
    public var taxes: [TaxRate]
    public var dueDays: Int
    /// An IANA zone name such as "Europe/Warsaw"; nil for UTC.
    public var zone: String?
    public var lineGrouping: InvoiceLineGrouping

    public init(currency: String, taxes: [TaxRate] = [], dueDays: Int = BillingProfile.defaultDueDays,
                zone: String? = nil, lineGrouping: InvoiceLineGrouping = .destination) {
        self.currency = currency
        self.taxes = taxes
        self.dueDays = dueDays
        self.zone = zone
        self.lineGrouping = lineGrouping
    }
}
