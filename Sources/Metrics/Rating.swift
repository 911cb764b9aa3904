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

/// A rate card indexed for longest-prefix match on the dialled number. Prefixes are keyed by their digits as an
/// integer plus their length, so a lookup allocates nothing: it runs once per call on every import.
public struct RateTable: Sendable {
    private struct PrefixKey: Hashable {
        var length: UInt8
        var value: UInt64
    }

    /// Longer prefixes than this cannot be keyed as an integer; no real rate card comes near it.
    public static let maximumPrefixLength = 18
    private var rates: [PrefixKey: Rate] = [:]
    private var longestPrefix = 0

    public init(_ rates: [Rate]) {
        for rate in rates {
            guard let key = RateTable.key(rate.prefix.utf8) else { continue }
            self.rates[key] = rate
            longestPrefix = max(longestPrefix, rate.prefix.utf8.count)
        }
    }


    /// The rate whose prefix is the longest one that starts the normalised number, or nil (unrated). Dialled
    /// numbers arrive as "+41…", "0041…" or "41…": only digits count, and an international "00" or "+" is dropped.
    public func match(_ dialled: String) -> Rate? {
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        for byte in dialled.utf8 where byte >= 48 && byte <= 57 { digits.append(byte - 48) }
        var start = 0
        if dialled.utf8.first != UInt8(ascii: "+"), digits.count >= 2, digits[0] == 0, digits[1] == 0 { start = 2 }
        // Every prefix of the number, shortest first; remember the longest that has a rate.
        var value: UInt64 = 0
        var best: Rate?
        let end = min(digits.count, start + longestPrefix)
        var index = start
        while index < end {
            value = value * 10 + UInt64(digits[index])
            index += 1
            if let rate = rates[PrefixKey(length: UInt8(index - start), value: value)] { best = rate }
        }
        return best
    }

    private static func key(_ prefix: String.UTF8View) -> PrefixKey? {
        guard !prefix.isEmpty, prefix.count <= maximumPrefixLength else { return nil }
        var value: UInt64 = 0
        for byte in prefix {
            guard byte >= 48 && byte <= 57 else { return nil }
            value = value * 10 + UInt64(byte - 48)
        }
        return PrefixKey(length: UInt8(prefix.count), value: value)
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
