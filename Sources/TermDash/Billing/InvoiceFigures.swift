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

    /// A line's amount: usage and tax lines keep their micros when the minor unit would hide them (the rounding
    /// line shows what rounding did).
    static func lineAmount(_ line: InvoiceLine, currency: String) -> String {
        let decimals = CurrencyUnits.decimals(currency)
        return line.amount.formatted(decimals: line.kind == .usage || line.kind == .rounding ? 6 : decimals)
    }

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
