import Metrics

/// The figures of invoice lines as text, the same in the terminal, the CSV, the JSON and the PDF.
enum InvoiceFigures {
    /// Billed minutes with two decimals, rounded half away from zero ("34.50").
    static func minutes(_ billedSeconds: Int64) -> String {
        Money(micros: (billedSeconds * Money.microsPerUnit * 2 + 60) / 120).formatted(decimals: 2)
    }

    /// An amount in the currency's minor unit ("12.31", "1234" for yen); exact micros are for CSV and JSON.
    static func amount(_ money: Money, currency: String) -> String {
        money.formatted(decimals: CurrencyUnits.decimals(currency))
    }

    /// A line's amount, exact (six decimals): the lines add up to the total only unrounded, the rounding line being
    /// what makes the total a whole number of the minor unit.
    static func lineAmount(_ line: InvoiceLine) -> String { line.amount.formatted(decimals: 6) }

    /// The rate column: per minute with six decimals, or the tax percentage.
    static func rate(_ line: InvoiceLine) -> String {
        guard let rate = line.rate else { return "" }
        switch line.kind {
        case .usage: return Money(micros: rate).formatted(decimals: 6)
        case .tax: return TaxRate(name: "", rateMillionths: rate).percentText
        case .rounding: return ""
        }
    }
}
