import ArgumentParser
import Foundation
import Metrics

struct InvoiceCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a draft invoice for a customer over a period.",
        discussion: """
            The draft holds every rated, answered CDR of the customer that started in the period (days start at \
            midnight in the customer's billing zone, UTC when none is set), and CDRs that arrived after an earlier \
            invoice of the customer for their period. A period overlapping an invoice of the customer that is not \
            void is refused with that invoice's number.
            """)

    @Option(help: "The customer: account code, name or id.")
    var customer: String

    @OptionGroup var period: PeriodOptions

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    @OptionGroup var options: CommonOptions

    func validate() throws {
        if !period.isGiven { throw ValidationError("give the period: --month YYYY-MM, or --from DATE --to DATE") }
        if format == .csv { throw ValidationError("--format csv is for listings: use table or json") }
    }

    func run() throws {
        let store = try options.settings().openStore(readOnly: false)
        let entry = try CustomerLookup.find(customer, in: try store.read { try $0.customers() })
        let profile = try store.read { try $0.billingProfile(customerID: entry.id) }
        let zone = profile?.zone.flatMap(TimeZone.init(identifier:)) ?? .utc
        guard let range = try period.period(in: zone) else { throw ValidationError("give the period") }
        let invoice = try store.createDraft(customerID: entry.id, period: range, at: InvoiceCommand.now())
        try InvoiceCommand.print(invoice, format: format)
    }
}
