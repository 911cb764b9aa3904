import Metrics

/// An invoice for the terminal (`invoice show`): header, the lines as an aligned table, totals, payments and what is
/// left. Text from the store is sanitised.
enum InvoiceText {
    static func render(_ invoice: Invoice) -> String {
        let dates = InvoiceDates(zone: invoice.zone)
        let currency = Sanitizer.clean(invoice.currency)
        var out = "Invoice \(Sanitizer.clean(invoice.reference)) (id \(invoice.id)) · \(invoice.statusText) · \(currency)\n"
        out += "Customer  \(Sanitizer.clean(invoice.customerName)) (\(Sanitizer.clean(invoice.accountCode)))\n"
        out += "Period    \(dates.period(invoice.period)) (\(dates.zoneName))\n"
        if let issued = invoice.issuedAt {
            out += "Issued    \(dates.day(issued))"
            if let due = invoice.dueAt { out += "   Due \(dates.day(due))" }
            out += "\n"
        }
        if let voided = invoice.voidedAt { out += "Voided    \(dates.day(voided))\n" }
        out += "CDRs      \(invoice.cdrCount)\n\n"
        let first = invoice.lineGrouping == .day ? "day" : "destination"
        let usage: [[ReportTable.Value]] = invoice.lines.filter { $0.kind == .usage }.map { line in
            [.text(line.description), .integer(Int64(line.calls)), .figure(InvoiceFigures.minutes(line.billedSeconds)),
             .figure(InvoiceFigures.rate(line)), .figure(InvoiceFigures.lineAmount(line))]
        }
        out += ReportTable(report: "invoice", period: nil,
                           columns: [first, "calls", "minutes", "rate", "amount"], rows: usage).table()
        out += "\n"
        // Subtotal, each tax, the rounding, the total: what the customer pays, built up.
        var totals: [[ReportTable.Value]] = [[.text("Subtotal"), .figure(""), .figure(invoice.subtotal.formatted(decimals: 6))]]
        for line in invoice.lines where line.kind != .usage {
            totals.append([.text(line.description), .figure(InvoiceFigures.rate(line)),
                           .figure(InvoiceFigures.lineAmount(line))])
        }
        totals.append([.text("Total"), .figure(currency),
                       .figure(InvoiceFigures.amount(invoice.total, currency: invoice.currency))])
        for payment in invoice.payments {
            totals.append([.text("Paid \(dates.day(payment.paidAt))"), .figure(""),
                           .figure(InvoiceFigures.amount(payment.amount, currency: invoice.currency))])
        }
        if invoice.status == .issued {
            totals.append([.text("Left"), .figure(currency),
                           .figure(InvoiceFigures.amount(invoice.left, currency: invoice.currency))])
        }
        out += ReportTable(report: "invoice", period: nil, columns: ["", "", ""], rows: totals).table()
            .split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        return out
    }
}
