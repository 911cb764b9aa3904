import ArgumentParser
import Foundation
import Metrics

struct CustomerProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Show or set a customer's billing profile: currency, taxes, due days, zone, lines.",
        discussion: """
            With no setting, shows the profile. --tax replaces every tax (repeat it for several, e.g. \
            --tax VAT:23% --tax City:0.5%; --tax none removes them). --zone none bills in UTC.
            """)

    @Argument(help: "The customer: account code, name or id.")
    var customer: String

    @Option(help: "ISO 4217 currency of its invoices and balance, e.g. EUR.")
    var currency: CurrencyCode?

    @Option(help: "A tax as NAME:RATE% or RATE% (repeatable), or none.")
    var tax: [String] = []

    @Option(help: "Days from issue to due date.")
    var dueDays: Int?

    @Option(help: "IANA zone its months and days start in (e.g. Europe/Warsaw), or none for UTC.")
    var zone: String?

    @Option(help: "Invoice lines per destination or per day.")
    var lines: InvoiceLineGrouping?

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    @OptionGroup var options: CommonOptions

    func validate() throws {
        if tax != ["none"] {
            for text in tax where TaxRate(text) == nil {
                throw ValidationError("--tax \(text): give NAME:RATE% or RATE%, e.g. VAT:23%")
            }
        }
        if let dueDays, !(0...3650).contains(dueDays) { throw ValidationError("--due-days must be 0 to 3650") }
        if let zone, zone != "none", TimeZone(identifier: zone) == nil {
            throw ValidationError("--zone \(zone): not a time zone (use an IANA name such as Europe/Warsaw, or none)")
        }
        if format == .csv { throw ValidationError("--format csv: use table or json") }
    }

    var changes: Bool { currency != nil || !tax.isEmpty || dueDays != nil || zone != nil || lines != nil }

    func run() throws {
        let store = try options.settings().openStore(readOnly: !changes)
        let entry = try CustomerLookup.find(customer, in: try store.read { try $0.customers() })
        guard var profile = try store.read({ try $0.billingProfile(customerID: entry.id) }) else {
            throw InvoiceError.unknownCustomer(customer)
        }
        if changes {
            if let currency { profile.currency = currency.code }
            if !tax.isEmpty { profile.taxes = tax == ["none"] ? [] : tax.compactMap(TaxRate.init) }
            if let dueDays { profile.dueDays = dueDays }
            if let zone { profile.zone = zone == "none" ? nil : zone }
            if let lines { profile.lineGrouping = lines }
            try store.setBillingProfile(profile, customerID: entry.id)
        }
        if format == .json {
            print(try InvoiceJSON.text([
                "customer": ["id": entry.id, "name": entry.name, "account_code": entry.accountCode],
                "currency": profile.currency, "due_days": profile.dueDays, "zone": profile.zone ?? "UTC",
                "lines": profile.lineGrouping.rawValue,
                "taxes": profile.taxes.map { ["name": $0.name, "rate": $0.percentText] },
            ]), terminator: "")
            return
        }
        let taxes = profile.taxes.isEmpty ? "none"
            : profile.taxes.map { "\(Sanitizer.clean($0.name)) \($0.percentText)" }.joined(separator: ", ")
        print("""
            \(Sanitizer.clean(entry.name)) (\(Sanitizer.clean(entry.accountCode)))
            Currency  \(Sanitizer.clean(profile.currency))
            Taxes     \(taxes)
            Due days  \(profile.dueDays)
            Zone      \(Sanitizer.clean(profile.zone ?? "UTC"))
            Lines     per \(profile.lineGrouping.rawValue)
            """)
    }
}
