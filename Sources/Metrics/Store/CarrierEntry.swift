/// A carrier as the panes and the checklist read it. The name is as stored (views sanitise it).
public struct CarrierEntry: Sendable, Equatable {
    public var id: Int64
    public var name: String
    /// Status `active` (else disabled).
    public var active: Bool
    public var channelsConfigured: Int
    /// Whether it has a buy rate card.
    public var hasRateCard: Bool

    public init(id: Int64, name: String, active: Bool, channelsConfigured: Int, hasRateCard: Bool) {
        self.id = id
        self.name = name
        self.active = active
        self.channelsConfigured = channelsConfigured
        self.hasRateCard = hasRateCard
    }
}
