import ArgumentParser
import Metrics

struct InvoiceVoidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "void",
        abstract: "Void a draft or an issued invoice (a credit note); a correction is a void plus a new invoice.",
        discussion: "The number stays; the total is credited back to the balance and the CDRs are free again.")

    @Argument(help: "The invoice: its id or its number.")
    var invoice: InvoiceReference

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    @OptionGroup var options: CommonOptions

    func run() throws {
        let store = try options.settings().openStore(readOnly: false)
        try InvoiceCommand.print(try store.voidInvoice(id: try invoice.id(in: store), at: InvoiceCommand.now()),
                                 format: format)
    }
}
