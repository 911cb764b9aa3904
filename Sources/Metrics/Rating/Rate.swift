/// One line of a rate card: what calls to numbers starting with `prefix` cost.
public struct Rate: Sendable, Equatable {
    public var prefix: String
    public var description: String
    public var perMinute: Money
    /// The first block billed (e.g. 30 in "30/6"); also the shortest billed duration of an answered call.
    public var initialSeconds: Int
    /// Each later block (e.g. 6 in "30/6").
    public var incrementSeconds: Int
    public var minimum: Money
    public var connectionFee: Money

    public init(
        prefix: String, description: String = "", perMinute: Money, initialSeconds: Int = 60,
        incrementSeconds: Int = 60, minimum: Money = Money(micros: 0), connectionFee: Money = Money(micros: 0)
    ) {
        self.prefix = prefix
        self.description = description
        self.perMinute = perMinute
        self.initialSeconds = max(1, initialSeconds)
        self.incrementSeconds = max(1, incrementSeconds)
        self.minimum = minimum
        self.connectionFee = connectionFee
    }

    /// Seconds billed for `billsec` answered seconds: the initial block, then whole increments.
    public func billedSeconds(for billsec: Int) -> Int {
        guard billsec > 0 else { return 0 }
        if billsec <= initialSeconds { return initialSeconds }
        let rest = billsec - initialSeconds
        return initialSeconds + (rest + incrementSeconds - 1) / incrementSeconds * incrementSeconds
    }

    /// The charge for an answered call of `billsec` seconds: billed seconds × rate / 60, rounded half up to the
    /// micro, plus the connection fee, and never below the minimum. Unanswered calls (billsec 0) cost nothing.
    public func charge(billsec: Int) -> Money {
        guard billsec > 0 else { return Money(micros: 0) }
        let seconds = Int64(billedSeconds(for: billsec))
        let usage = (seconds * perMinute.micros + 30) / 60
        return Money(micros: max(usage + connectionFee.micros, minimum.micros))
    }
}
