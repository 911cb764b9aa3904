/// One tax on a customer's invoices, e.g. "VAT" at 23 %: the rate in millionths (230_000), so it is exact.
public struct TaxRate: Sendable, Hashable {
    public static let millionths: Int64 = 1_000_000

    public var name: String
    /// The rate in millionths of the taxed amount: 230_000 is 23 %.
    public var rateMillionths: Int64

    public init(name: String, rateMillionths: Int64) {
        self.name = name
        self.rateMillionths = rateMillionths
    }

    /// Parses "23%", "7.7%" or "VAT:23%" (the name defaults to "Tax"); up to four decimals of a percent.
    public init?(_ text: String) {
        var name = "Tax"
        var value = Substring(text.trimmingCharacters(in: .whitespaces))
        if let colon = value.lastIndex(of: ":") {
            name = value[..<colon].trimmingCharacters(in: .whitespaces)
            value = value[value.index(after: colon)...]
            guard !name.isEmpty else { return nil }
        }
        guard value.hasSuffix("%"), let percent = Money(decimal: String(value.dropLast())), percent.micros >= 0,
              percent.micros % 100 == 0, percent.micros <= 1_000 * Money.microsPerUnit else { return nil }
        // percent in micros / 100 = millionths of the amount.
        self.init(name: name, rateMillionths: percent.micros / 100)
    }

    /// "23%", "7.7%".
    public var percentText: String {
        var text = Money(micros: rateMillionths * 100).formatted(decimals: 4)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "%"
    }

    /// The tax on `amount`, rounded half away from zero to the micro.
    public func tax(on amount: Money) -> Money {
        Money(micros: Self.divideRounded(amount.micros.multipliedFullWidth(by: rateMillionths), by: Self.millionths))
    }

    /// (high, low) / divisor rounded half away from zero; the quotient fits an Int64 for any real invoice.
    static func divideRounded(_ product: (high: Int64, low: UInt64), by divisor: Int64) -> Int64 {
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        if remainder.magnitude * 2 >= divisor.magnitude {
            return quotient + (remainder < 0 ? -1 : 1)
        }
        return quotient
    }
}
