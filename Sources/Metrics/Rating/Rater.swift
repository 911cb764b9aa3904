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
