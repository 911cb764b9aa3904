/// Spend, provider cost and profit of one bucket.
public struct MoneyPoint: Sendable, Equatable {
    /// UTC start of the bucket.
    public var bucket: Int64
    /// What customers were charged for the calls that started in it (rated calls only).
    public var spend: Money
    /// What carriers charge for them (rated calls only).
    public var cost: Money
    /// Spend − cost, as `TrafficFigures` defines it.
    public var profit: Money { TrafficFigures.profit(spend: spend, cost: cost) }

    public init(bucket: Int64, spend: Money, cost: Money) {
        self.bucket = bucket
        self.spend = spend
        self.cost = cost
    }
}
