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

/// A rate card indexed for longest-prefix match on the dialled number.
public struct RateTable: Sendable {
    private var rates: [String: Rate] = [:]
    private var longestPrefix = 0

    public init(_ rates: [Rate]) {
        for rate in rates {
            self.rates[rate.prefix] = rate
            longestPrefix = max(longestPrefix, rate.prefix.count)
        }
    }

    public var isEmpty: Bool { rates.isEmpty }

    /// The rate whose prefix is the longest one that starts the normalised number, or nil (unrated).
    public func match(_ dialled: String) -> Rate? {
        let digits = RateTable.normalise(dialled)
        var length = min(longestPrefix, digits.count)
        while length > 0 {
            if let rate = rates[String(digits.prefix(length))] { return rate }
            length -= 1
        }
        return nil
    }

    /// Dialled numbers arrive as "+41…", "0041…" or "41…": keep the digits and drop an international "00" or "+".
    public static func normalise(_ dialled: String) -> Substring {
        var digits = Substring(dialled.filter(\.isASCIIDigit))
        if dialled.first != "+", digits.hasPrefix("00") { digits = digits.dropFirst(2) }
        return digits
    }
}

/// Prices calls against the store's rate cards. Every call is looked up, answered or not, so that a dialled number
/// no card covers is reported as unrated (nil) rather than priced at zero; answered calls are charged by the
/// matched rate, unanswered ones cost nothing.
public struct Rater: Sendable {
    public let tables: [Int64: RateTable]

    public init(tables: [Int64: RateTable]) { self.tables = tables }

    public func price(card: Int64?, dialled: String, billsec: Int, answered: Bool) -> Money? {
        guard let card, let rate = tables[card]?.match(dialled) else { return nil }
        return answered ? rate.charge(billsec: billsec) : Money(micros: 0)
    }
}
