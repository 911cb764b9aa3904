import ArgumentParser
import Foundation
import Metrics

struct InvoiceExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an invoice as a PDF and the CDRs behind it as CSV.",
        discussion: """
            The PDF embeds DejaVu Sans (fonts-dejavu-core) so any name renders; the issuer comes from [company] in \
            the config. The CSV has one row per CDR, charges exact, adding up to the subtotal.
            """)

    @Argument(help: "The invoice: its id or its number.")
    var invoice: InvoiceReference

    @Option(help: ArgumentHelp("Where to write the PDF.", valueName: "file"))
    var pdf: String?

    @Option(help: ArgumentHelp("Where to write the CSV of its CDRs.", valueName: "file"))
    var csv: String?

    @OptionGroup var options: CommonOptions

    @OptionGroup var scope: ScopeOption

    func validate() throws {
        if pdf == nil && csv == nil { throw ValidationError("give --pdf FILE, --csv FILE or both") }
    }

    func run() throws {
        let settings = try options.settings()
        // With --customer, another customer's invoice is not found.
        let store = try scope.reader(try settings.openStore(readOnly: true), settings: settings)
        let id = try invoice.id(in: store)
        guard let found = try store.read({ try $0.invoice(id: id) }) else { throw InvoiceError.unknownInvoice(id) }
        if let pdf {
            do {
                try InvoicePDF.write(found, company: settings.config.company, to: pdf)
            } catch let failure as InvoicePDF.Failure {
                throw CLIError(failure.description)
            }
            print("\(Sanitizer.clean(found.reference)): PDF written to \(Sanitizer.clean(pdf))")
        }
        if let csv {
            let cdrs = try store.read { try $0.invoicedCDRs(invoiceID: id) }
            do {
                try Data(InvoiceCSV.text(cdrs).utf8).write(to: URL(fileURLWithPath: csv))
            } catch {
                throw CLIError("\(csv): cannot write: \(error.localizedDescription)")
            }
            print("\(Sanitizer.clean(found.reference)): \(cdrs.count) CDRs written to \(Sanitizer.clean(csv))")
        }
    }
}
