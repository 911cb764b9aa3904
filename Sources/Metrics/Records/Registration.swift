/// A SIP registration held now: one registered contact of an endpoint.
public struct Registration: Sendable, Equatable {
    public var endpoint: String
    public var customerID: Int64?
    public var contact: String
    public var registeredAt: Int64
    public var expiresAt: Int64

    public init(endpoint: String, customerID: Int64?, contact: String, registeredAt: Int64, expiresAt: Int64) {
        self.endpoint = endpoint
        self.customerID = customerID
        self.contact = contact
        self.registeredAt = registeredAt
        self.expiresAt = expiresAt
    }
}
