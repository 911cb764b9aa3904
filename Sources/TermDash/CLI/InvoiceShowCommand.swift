import ArgumentParser
import Metrics

struct InvoiceShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show an invoice: lines, tax, rounding, total, payments and what is left.")

    @Argument(help: "The invoice: its id or its number.")
    var invoice: InvoiceReference

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    @OptionGroup var options: CommonOptions

    @OptionGroup var scope: ScopeOption

    func validate() throws {
        if format == .csv { throw ValidationError("--format csv: use `invoice export N --csv FILE` for its CDRs") }
    }

    func run() throws {
        let settings = try options.settings()
        // With --customer, another customer's invoice is not found.
        let store = try scope.reader(try settings.openStore(readOnly: true), settings: settings)
        let id = try invoice.id(in: store)
        guard let found = try store.read({ try $0.invoice(id: id) }) else { throw InvoiceError.unknownInvoice(id) }
        if format == .json {
            print(try InvoiceJSON.text(InvoiceJSON.object(found)), terminator: "")
        } else {
            print(InvoiceText.render(found), terminator: "")
        }
    }
}
