import ArgumentParser
import Metrics

struct InvoiceIssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue a draft: recomputed from the CDRs, given the next number, its issue and due dates.",
        discussion: "Refused while an answered call it covers has no rate; the message says how many and where.")

    @Argument(help: "The draft's id.")
    var invoice: InvoiceReference

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    @OptionGroup var options: CommonOptions

    func run() throws {
        let settings = try options.settings()
        let store = try settings.openStore(readOnly: false)
        try InvoiceCommand.print(try store.issueInvoice(id: try invoice.id(in: store), at: InvoiceCommand.now(),
                                                        numbering: settings.config.invoiceNumbering),
                                 format: format)
    }
}
