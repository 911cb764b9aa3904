/// A help ticket: a subject, the customer it is about (if any), the support block attached when it was opened
/// (Version, Zone, the time in UTC, the store), and when it was opened and closed (UTC Unix seconds).
public struct HelpTicket: Sendable, Equatable {
    public var id: Int64
    /// As the user typed it: data, sanitised wherever it is shown.
    public var subject: String
    public var customerID: Int64?
    /// The customer's name when there is one.
    public var customerName: String?
    public var support: String
    public var openedAt: Int64
    public var closedAt: Int64?

    public var isOpen: Bool { closedAt == nil }

    public init(id: Int64, subject: String, customerID: Int64?, customerName: String?, support: String, openedAt: Int64,
                closedAt: Int64?) {
        self.id = id
        self.subject = subject
        self.customerID = customerID
        self.customerName = customerName
        self.support = support
        self.openedAt = openedAt
        self.closedAt = closedAt
    }
}
