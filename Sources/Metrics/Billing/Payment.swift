/// Money received against an issued invoice; it adds to the customer's balance when recorded.
public struct Payment: Sendable, Hashable {
    public var id: Int64
    public var invoiceID: Int64
    public var amount: Money
    /// When it was paid (UTC seconds).
    public var paidAt: Int64
    /// When it was recorded.
    public var recordedAt: Int64

    public init(id: Int64, invoiceID: Int64, amount: Money, paidAt: Int64, recordedAt: Int64) {
        self.id = id
        self.invoiceID = invoiceID
        self.amount = amount
        self.paidAt = paidAt
        self.recordedAt = recordedAt
    }
}
