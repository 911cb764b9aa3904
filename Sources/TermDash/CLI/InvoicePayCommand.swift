import ArgumentParser
import Foundation
import Metrics

struct InvoicePayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay",
        abstract: "Record a payment against an issued invoice; it is credited to the customer's balance.",
        discussion: "A payment of less than what is left leaves the invoice partly paid; more is refused.")

    @Argument(help: "The invoice: its id or its number.")
    var invoice: InvoiceReference

    @Option(help: "The amount paid, in the invoice's currency (e.g. 120.50).")
    var amount: AmountArgument

    @Option(help: "When it was paid: a day (YYYY-MM-DD, the customer's zone) or an ISO 8601 instant; default now.")
    var date: PeriodBound?

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    @OptionGroup var options: CommonOptions

    func run() throws {
        let store = try options.settings().openStore(readOnly: false)
        let id = try invoice.id(in: store)
        guard let current = try store.read({ try $0.invoice(id: id) }) else { throw InvoiceError.unknownInvoice(id) }
        let now = InvoiceCommand.now()
        let zone = current.zone.flatMap(TimeZone.init(identifier:)) ?? .utc
        let paidAt = date?.instant(in: zone) ?? now
        try InvoiceCommand.print(try store.recordPayment(invoiceID: id, amount: amount.money, paidAt: paidAt, at: now),
                                 format: format)
    }
}
