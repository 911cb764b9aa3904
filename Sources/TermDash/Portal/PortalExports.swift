import Foundation
import Metrics

/// The portal's exports: a customer's own invoice as PDF or as the CSV of its CDRs, and a summary selection's CSV,
/// written into the customer's own folder (over SSH the session cannot hand a file to the client, so it says where
/// the file is). File names carry only the invoice's id and what it is, never text from the data, so nothing a
/// customer typed or an operator named can steer a path. Invoices are read through the session's scoped reader:
/// another customer's invoice is not found, whatever id is asked for.
struct PortalExports {
    /// Above this many bytes a CSV is not also offered through the terminal's clipboard (OSC 52).
    static let clipboardLimit = 8_192

    var reader: any StoreReader
    var directory: String
    var company: CompanySettings

    enum Kind: Sendable, Equatable { case pdf, csv }

    /// `<base>/<customer id>`: the folder name is the store's number for the customer, not their code or name.
    static func customerDirectory(base: String, customerID: Int64) -> String {
        (base as NSString).appendingPathComponent(String(customerID))
    }

    /// `[portal] export_dir`, else `portal-exports` next to the store.
    static func baseDirectory(configured: String?, storePath: String) -> String {
        configured ?? ((storePath as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent("portal-exports")
    }

    /// What was written and the status line's message; `csv` is the text written for a CSV (to offer for copying).
    struct Result: Equatable {
        var message: String
        var path: String?
        var csv: String?
    }

    func export(invoiceID: Int64, as kind: Kind) -> Result {
        let invoice: Invoice
        do {
            guard let found = try reader.read({ try $0.invoice(id: invoiceID) }) else {
                return Result(message: "Export refused: no invoice \(invoiceID) of yours")
            }
            invoice = found
        } catch {
            return Result(message: "Export failed: \(Sanitizer.clean(String(describing: error)))")
        }
        let what = Sanitizer.clean(invoice.reference)
        switch kind {
        case .csv:
            let cdrs: [InvoicedCDR]
            do { cdrs = try reader.read { try $0.invoicedCDRs(invoiceID: invoiceID) } } catch {
                return Result(message: "Export failed: \(Sanitizer.clean(String(describing: error)))")
            }
            let text = InvoiceCSV.text(cdrs)
            let written = CSVExport.export(text, what: "\(what) (\(cdrs.count) CDRs)", directory: directory,
                                           fileName: "invoice-\(invoiceID)-cdrs.csv", home: "/nonexistent")
            return Result(message: written.message, path: written.path, csv: written.path == nil ? nil : text)
        case .pdf:
            if let error = FileOutput.makeDirectory(directory) {
                return Result(message: "Export failed: cannot create \(directory): \(error)")
            }
            // The name is taken first (0600, never over another file), then libharu writes into it.
            for attempt in 1...100 {
                let name = attempt == 1 ? "invoice-\(invoiceID).pdf" : "invoice-\(invoiceID)-\(attempt).pdf"
                let path = (directory as NSString).appendingPathComponent(name)
                switch FileOutput.create(path, with: []) {
                case .exists: continue
                case .failed(let error): return Result(message: "Export failed: cannot write \(path): \(error)")
                case .created:
                    do {
                        try InvoicePDF.write(invoice, company: company, to: path)
                        chmod(path, 0o600)
                        return Result(message: "Exported \(what) as PDF to \(path)", path: path)
                    } catch {
                        unlink(path)
                        return Result(message: "Export failed: \(Sanitizer.clean(String(describing: error)))")
                    }
                }
            }
            return Result(message: "Export failed: too many files for invoice \(invoiceID)")
        }
    }
}
