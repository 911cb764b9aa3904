import Foundation

/// An invoice's lines and totals made from its CDRs, once, with no rounding but the last: each usage line is the
/// exact sum of its CDRs' rated charges, the subtotal the sum of the lines, each tax computed once on the subtotal
/// (to the micro), and the payable total rounded once to the currency's minor unit, the difference a rounding line.
public struct InvoiceComposition: Sendable, Hashable {
    public var lines: [InvoiceLine]
    public var subtotal: Money
    public var tax: Money
    public var rounding: Money
    public var total: Money

    /// - Parameters:
    ///   - rates: the customer's sell card now, which names each CDR's destination (its longest prefix) and its
    ///     billed seconds; a CDR it no longer matches goes on an "Other destinations" line at its stored charge.
    ///   - zone: where a day line's day starts.
    public init(cdrs: [BillableCDR], rates: RateTable?, grouping: InvoiceLineGrouping, zone: TimeZone,
                taxes: [TaxRate], currency: String) {
        struct Key: Hashable, Comparable {
            var order: String
            static func < (lhs: Key, rhs: Key) -> Bool { lhs.order < rhs.order }
        }
        var usage: [Key: InvoiceLine] = [:]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let dayFormatter = DateFormatter()
        dayFormatter.calendar = calendar
        dayFormatter.timeZone = zone
        dayFormatter.locale = Locale(identifier: "en_US_POSIX")
        dayFormatter.dateFormat = "yyyy-MM-dd"
        var subtotal = Money(micros: 0)
        for cdr in cdrs {
            let rate = rates?.match(cdr.dst)
            let billed = Int64(rate?.billedSeconds(for: cdr.billsec) ?? cdr.billsec)
            let key: Key
            var line: InvoiceLine
            switch grouping {
            case .destination:
                if let rate {
                    // "~" sorts after digits: unmatched CDRs come last.
                    key = Key(order: rate.prefix)
                    line = usage[key] ?? InvoiceLine(
                        kind: .usage, description: rate.description.isEmpty ? rate.prefix : "\(rate.prefix) \(rate.description)",
                        prefix: rate.prefix, rate: rate.perMinute.micros, amount: Money(micros: 0))
                } else {
                    key = Key(order: "~")
                    line = usage[key] ?? InvoiceLine(kind: .usage, description: "Other destinations",
                                                     amount: Money(micros: 0))
                }
            case .day:
                let date = Date(timeIntervalSince1970: TimeInterval(cdr.startAt))
                let start = Int64(calendar.startOfDay(for: date).timeIntervalSince1970)
                let text = dayFormatter.string(from: date)
                key = Key(order: text)
                line = usage[key] ?? InvoiceLine(kind: .usage, description: text, day: start, amount: Money(micros: 0))
            }
            line.calls += 1
            line.billedSeconds += billed
            line.amount = line.amount + cdr.charge
            usage[key] = line
            subtotal = subtotal + cdr.charge
        }
        var lines = usage.keys.sorted().map { usage[$0]! }
        var tax = Money(micros: 0)
        for rate in taxes {
            let amount = rate.tax(on: subtotal)
            tax = tax + amount
            lines.append(InvoiceLine(kind: .tax, description: "\(rate.name) \(rate.percentText)",
                                     rate: rate.rateMillionths, amount: amount))
        }
        let exact = subtotal + tax
        let total = CurrencyUnits.rounded(exact, currency: currency)
        lines.append(InvoiceLine(kind: .rounding, description: "Rounding", amount: total - exact))
        self.lines = lines
        self.subtotal = subtotal
        self.tax = tax
        self.rounding = total - exact
        self.total = total
    }
}
