/// An invoice as stored: header, totals, lines and payments. Money is in `currency`, exact to the micro, except
/// `total`, which is rounded to the currency's minor unit (the difference is `rounding`, also a line).
public struct Invoice: Sendable, Hashable {
    public var id: Int64
    public var customerID: Int64
    public var customerName: String
    public var accountCode: String
    public var period: Period
    /// The zone the period was resolved in (nil: UTC).
    public var zone: String?
    public var status: InvoiceStatus
    /// The number from the series ("INV-000042"), set when issued; nil for a draft (and a void draft).
    public var number: String?
    public var createdAt: Int64
    public var issuedAt: Int64?
    public var dueAt: Int64?
    public var paidAt: Int64?
    public var voidedAt: Int64?
    public var currency: String
    public var lineGrouping: InvoiceLineGrouping
    public var subtotal: Money
    public var tax: Money
    public var rounding: Money
    public var total: Money
    /// Every line in order: usage, then taxes, then rounding.
    public var lines: [InvoiceLine]
    public var payments: [Payment]
    /// How many CDRs are behind it.
    public var cdrCount: Int

    public init(id: Int64, customerID: Int64, customerName: String, accountCode: String, period: Period,
                zone: String?, status: InvoiceStatus, number: String?, createdAt: Int64, issuedAt: Int64?,
                dueAt: Int64?, paidAt: Int64?, voidedAt: Int64?, currency: String, lineGrouping: InvoiceLineGrouping,
                subtotal: Money, tax: Money, rounding: Money, total: Money, lines: [InvoiceLine],
                payments: [Payment], cdrCount: Int) {
        self.id = id
        self.customerID = customerID
        self.customerName = customerName
        self.accountCode = accountCode
        self.period = period
        self.zone = zone
        self.status = status
        self.number = number
        self.createdAt = createdAt
        self.issuedAt = issuedAt
        self.dueAt = dueAt
        self.paidAt = paidAt
        self.voidedAt = voidedAt
        self.currency = currency
        self.lineGrouping = lineGrouping
        self.subtotal = subtotal
        self.tax = tax
        self.rounding = rounding
        self.total = total
        self.lines = lines
        self.payments = payments
        self.cdrCount = cdrCount
    }

    /// What has been paid.
    public var paid: Money { payments.reduce(Money(micros: 0)) { $0 + $1.amount } }
    /// What is left to pay: the total less payments for an issued invoice, nothing otherwise.
    public var left: Money { status == .issued ? total - paid : Money(micros: 0) }
    /// Issued, with some but not all of it paid.
    public var isPartlyPaid: Bool { status == .issued && paid.micros > 0 }
    /// "INV-000042", or "draft 7" for one with no number yet.
    public var reference: String { number ?? "draft \(id)" }
    /// The status as a word: "partly paid" is derived from payments.
    public var statusText: String { isPartlyPaid ? "partly paid" : status.rawValue }
}
