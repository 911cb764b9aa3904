/// An extension a customer used (see `Extension`), where it was seen, and the customer's block holding it, if any.
public struct ExtensionInUse: Sendable, Equatable, Hashable {
    public enum Origin: String, Sendable { case registration, cdr }

    public var customerID: Int64
    public var customerCode: String
    public var number: Int64
    public var origin: Origin
    /// The id of the customer's own block that holds the number; nil: outside all of them.
    public var blockID: Int64?

    public init(customerID: Int64, customerCode: String, number: Int64, origin: Origin, blockID: Int64?) {
        self.customerID = customerID
        self.customerCode = customerCode
        self.number = number
        self.origin = origin
        self.blockID = blockID
    }
}
