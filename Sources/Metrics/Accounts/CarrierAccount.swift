/// A carrier as stored.
public struct CarrierAccount: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var active: Bool
    public var channelsConfigured: Int
    public var rateCardID: Int64?

    public init(id: Int64, name: String, active: Bool, channelsConfigured: Int, rateCardID: Int64?) {
        self.id = id
        self.name = name
        self.active = active
        self.channelsConfigured = channelsConfigured
        self.rateCardID = rateCardID
    }
}
