import ArgumentParser
import Foundation
import Metrics

struct InvoiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoice",
        abstract: "Invoices: drafts from the rated CDRs, issue (numbered), pay, void, export as PDF and CSV.",
        discussion: "The lifecycle, numbering and rounding are described in docs/invoices.md.",
        subcommands: [InvoiceCreateCommand.self, InvoiceAutoCommand.self, InvoiceListCommand.self,
                      InvoiceShowCommand.self, InvoiceIssueCommand.self, InvoicePayCommand.self,
                      InvoiceVoidCommand.self, InvoiceExportCommand.self])

    /// What `create`, `auto`, `issue`, `pay` and `void` print for an invoice: one line.
    static func summaryLine(_ invoice: Invoice) -> String {
        let dates = InvoiceDates(zone: invoice.zone)
        var text = "\(Sanitizer.clean(invoice.reference)) (id \(invoice.id)) \(invoice.statusText): "
            + "\(Sanitizer.clean(invoice.customerName)) (\(Sanitizer.clean(invoice.accountCode))), "
            + "\(dates.period(invoice.period)) \(dates.zoneName), \(invoice.cdrCount) CDRs, total "
            + "\(InvoiceFigures.amount(invoice.total, currency: invoice.currency)) \(Sanitizer.clean(invoice.currency))"
        if let due = invoice.dueAt, invoice.status == .issued { text += ", due \(dates.day(due))" }
        if invoice.status == .issued, invoice.paid.micros > 0 {
            text += ", \(InvoiceFigures.amount(invoice.left, currency: invoice.currency)) left"
        }
        return text
    }

    /// Prints one invoice as a line or as JSON.
    static func print(_ invoice: Invoice, format: OutputFormat) throws {
        switch format {
        case .json: Swift.print(try InvoiceJSON.text(InvoiceJSON.object(invoice)), terminator: "")
        case .table, .csv: Swift.print(summaryLine(invoice))
        }
    }

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }
}

extension InvoiceStatus: ExpressibleByArgument {}
extension InvoiceLineGrouping: ExpressibleByArgument {}
