/// Which invoices a listing shows: every field nil means no condition.
public struct InvoiceFilter: Sendable, Hashable {
    public var status: InvoiceStatus?
    public var customerID: Int64?
    /// Invoices whose period overlaps this one.
    public var overlapping: Period?
    /// The newest this many (by id); nil for all.
    public var limit: Int?

    public init(status: InvoiceStatus? = nil, customerID: Int64? = nil, overlapping: Period? = nil, limit: Int? = nil) {
        self.status = status
        self.customerID = customerID
        self.overlapping = overlapping
        self.limit = limit
    }
}
