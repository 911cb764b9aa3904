import ArgumentParser
import Foundation
import Metrics

struct InvoiceAutoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auto",
        abstract: "Create a draft for every customer with traffic and no invoice for a month.",
        discussion: """
            Each customer's month starts at midnight in its billing zone (UTC when none is set). Customers already \
            invoiced for an overlapping period, or with nothing to bill, are skipped and counted.
            """)

    @Option(help: "The month (YYYY-MM).")
    var month: LocalMonth

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    @OptionGroup var options: CommonOptions

    func validate() throws {
        if format == .csv { throw ValidationError("--format csv is for listings: use table or json") }
    }

    func run() throws {
        let store = try options.settings().openStore(readOnly: false)
        let now = InvoiceCommand.now()
        var created: [Invoice] = []
        var invoiced = 0
        var quiet = 0
        for customer in try store.read({ try $0.customers() }) {
            let profile = try store.read { try $0.billingProfile(customerID: customer.id) }
            let zone = profile?.zone.flatMap(TimeZone.init(identifier:)) ?? .utc
            guard let period = month.period(in: zone) else { throw ValidationError("--month \(month): no such month") }
            do {
                created.append(try store.createDraft(customerID: customer.id, period: period, at: now))
            } catch InvoiceError.overlaps {
                invoiced += 1
            } catch InvoiceError.noTraffic {
                quiet += 1
            }
        }
        if format == .json {
            print(try InvoiceJSON.text(["month": month.description, "created": created.map(InvoiceJSON.object),
                                        "skipped_invoiced": invoiced, "skipped_no_traffic": quiet]),
                  terminator: "")
            return
        }
        for invoice in created { print(InvoiceCommand.summaryLine(invoice)) }
        print("\(created.count) draft\(created.count == 1 ? "" : "s") created for \(month); skipped "
              + "\(invoiced) already invoiced, \(quiet) with nothing to bill")
    }
}
