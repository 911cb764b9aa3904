/// A rate card as `termdash rates list` shows it.
public struct RateCardSummary: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var direction: RateDirection
    public var currency: String
    /// How many prefixes (rates) it has.
    public var prefixes: Int
    /// How many customers and carriers have it as their card.
    public var usedBy: Int

    public init(id: Int64, name: String, direction: RateDirection, currency: String, prefixes: Int, usedBy: Int) {
        self.id = id
        self.name = name
        self.direction = direction
        self.currency = currency
        self.prefixes = prefixes
        self.usedBy = usedBy
    }
}
