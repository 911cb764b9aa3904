/// A DID as stored, with the customer it belongs to (nil when unassigned).
public struct DIDAccount: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var customerID: Int64?

    public init(id: Int64, number: String, customerID: Int64?) {
        self.id = id
        self.number = number
        self.customerID = customerID
    }
}
