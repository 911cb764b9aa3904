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

/// A rate card indexed for longest-prefix match on the dialled number: a trie of the prefixes' digits, so a lookup
/// walks the number once and allocates nothing (it runs twice per call on every import).
public struct RateTable: Sendable {
    /// Longer prefixes are refused by rate card files and ignored here; no real rate card comes near it.
    public static let maximumPrefixLength = 18

    /// One reference to copy rather than three arrays: a table is looked up twice per imported call.
    private final class Trie: Sendable {
        let rates: [Rate]
        /// Node `n`'s child for digit `d` is `children[n * 10 + d]` (0: none; node 0 is the root).
        let children: [Int32]
        /// The index in `rates` of the rate whose prefix ends at node `n`, or -1.
        let rateAt: [Int32]

        init(rates: [Rate], children: [Int32], rateAt: [Int32]) {
            self.rates = rates
            self.children = children
            self.rateAt = rateAt
        }
    }

    private let trie: Trie

    public init(_ rates: [Rate]) {
        var kept: [Rate] = []
        var children: [Int32] = Array(repeating: 0, count: 10)
        var rateAt: [Int32] = [-1]
        for rate in rates {
            let prefix = rate.prefix.utf8
            guard !prefix.isEmpty, prefix.count <= Self.maximumPrefixLength,
                prefix.allSatisfy({ $0 >= 48 && $0 <= 57 })
            else { continue }
            var node = 0
            for byte in prefix {
                let edge = node * 10 + Int(byte - 48)
                if children[edge] == 0 {
                    children[edge] = Int32(rateAt.count)
                    rateAt.append(-1)
                    children.append(contentsOf: repeatElement(0, count: 10))
                }
                node = Int(children[edge])
            }
            // A prefix listed twice: the later line wins.
            rateAt[node] = Int32(kept.count)
            kept.append(rate)
        }
        trie = Trie(rates: kept, children: children, rateAt: rateAt)
    }

    /// The rate whose prefix is the longest one that starts the normalised number, or nil (unrated). Dialled
    /// numbers arrive as "+41…", "0041…" or "41…": only digits count, and an international "00" or "+" is dropped.
    public func match(_ dialled: String) -> Rate? {
        DialledNumber.withDigits(of: dialled) { match(digits: $0) }
    }

    /// The longest-prefix match on a normalised number (digit values 0–9).
    func match(digits: UnsafeBufferPointer<UInt8>) -> Rate? {
        let trie = trie
        return trie.children.withUnsafeBufferPointer { children in
            trie.rateAt.withUnsafeBufferPointer { rateAt in
                var node = 0
                var best: Int32 = -1
                for digit in digits {
                    node = Int(children[node * 10 + Int(digit)])
                    if node == 0 { break }
                    if rateAt[node] >= 0 { best = rateAt[node] }
                }
                return best >= 0 ? trie.rates[Int(best)] : nil
            }
        }
    }
}

/// A dialled number as rating reads it.
enum DialledNumber {
    /// Calls `body` with the number's digits (values 0–9), without a leading international "00" (a leading "+"
    /// drops nothing more: what follows it is the country code).
    static func withDigits<T>(of dialled: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        // Numbers are short: the digits go to a buffer on the stack (a longer number is cut at 32 digits, beyond
        // any rate card's prefix).
        var storage: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &storage) { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            var count = 0
            var first: UInt8?
            for byte in dialled.utf8 {
                if first == nil { first = byte }
                if byte >= 48 && byte <= 57, count < buffer.count {
                    buffer[count] = byte - 48
                    count += 1
                }
            }
            var start = 0
            if first != UInt8(ascii: "+"), count >= 2, buffer[0] == 0, buffer[1] == 0 { start = 2 }
            return body(UnsafeBufferPointer(start: buffer.baseAddress! + start, count: count - start))
        }
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

    /// The customer's and the carrier's price of one call, reading the number once.
    func prices(sellCard: Int64?, buyCard: Int64?, dialled: String, billsec: Int, answered: Bool)
        -> (sell: Money?, buy: Money?)
    {
        guard sellCard != nil || buyCard != nil else { return (nil, nil) }
        return DialledNumber.withDigits(of: dialled) { digits in
            func price(_ card: Int64?) -> Money? {
                guard let card, let rate = tables[card]?.match(digits: digits) else { return nil }
                return answered ? rate.charge(billsec: billsec) : Money(micros: 0)
            }
            return (price(sellCard), price(buyCard))
        }
    }
}
