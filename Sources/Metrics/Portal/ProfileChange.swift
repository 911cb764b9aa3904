/// One changed field of My profile: who changed it ("portal" or "operator NAME"), when (UTC seconds), from what to what.
public struct ProfileChange: Sendable, Equatable {
    public var customerID: Int64
    public var field: ProfileField
    public var oldValue: String
    public var newValue: String
    public var changedBy: String
    public var changedAt: Int64

    public init(customerID: Int64, field: ProfileField, oldValue: String, newValue: String, changedBy: String,
                changedAt: Int64) {
        self.customerID = customerID
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.changedBy = changedBy
        self.changedAt = changedAt
    }
}
