import ArgumentParser
import Foundation
import Metrics

struct InvoiceListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List invoices, newest first.",
        discussion: "Money is exact in CSV and JSON (six decimals; a string in JSON); left is what remains to pay.")

    @Option(help: "draft, issued, paid or void.")
    var status: InvoiceStatus?

    @Option(help: "Only this customer's: account code, name or id.")
    var customer: String?

    @Option(help: "table, csv or json.")
    var format: OutputFormat = .table

    @OptionGroup var options: CommonOptions

    func run() throws {
        let store = try options.settings().openStore(readOnly: true)
        let invoices: [Invoice] = try store.read { session in
            let customerID = try customer.map { try CustomerLookup.find($0, in: try session.customers()).id }
            return try session.invoices(InvoiceFilter(status: status, customerID: customerID))
        }
        if format == .json {
            print(try InvoiceJSON.text(["invoices": invoices.map(InvoiceJSON.object)]), terminator: "")
            return
        }
        let table = Self.table(invoices)
        print(format == .csv ? table.csv() : table.table(), terminator: "")
    }

    static func table(_ invoices: [Invoice]) -> ReportTable {
        ReportTable(
            report: "invoices", period: nil,
            columns: ["id", "number", "customer", "period", "zone", "status", "total", "left", "currency", "due"],
            rows: invoices.map { invoice in
                let dates = InvoiceDates(zone: invoice.zone)
                return [.integer(invoice.id), .text(invoice.number ?? "-"), .text(invoice.customerName),
                        .text(dates.period(invoice.period)), .text(dates.zoneName), .text(invoice.statusText),
                        .money(invoice.total), .money(invoice.left), .text(invoice.currency),
                        .text(invoice.dueAt.map(dates.day) ?? "-")]
            })
    }
}
