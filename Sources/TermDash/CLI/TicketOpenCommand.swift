import ArgumentParser
import Foundation
import Metrics

struct TicketOpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a help ticket; the support block (Version, Zone, the time in UTC, the store) is attached.")

    @Argument(help: "What the ticket is about.")
    var subject: String

    @Option(help: ArgumentHelp("The customer it is about: account code or name.", valueName: "customer"))
    var customer: String?

    @OptionGroup var options: CommonOptions

    func validate() throws {
        if subject.allSatisfy(\.isWhitespace) { throw ValidationError("the subject is empty") }
        if let customer, customer.allSatisfy(\.isWhitespace) { throw ValidationError("--customer is empty") }
    }

    func run() throws {
        let settings = try options.settings()
        let store = try settings.openStore(readOnly: false)
        let customerID = try customer.map { try Self.customerID($0, in: store) }
        let now = Date()
        let support = SupportBlock.text(
            identity: StatusIdentity(version: BuildInfo.version, zone: settings.config.zone), zone: settings.config.zone,
            now: now, storePath: store.location)
        let id = try store.openTicket(subject: subject, customerID: customerID, support: support,
                                      at: Int64(now.timeIntervalSince1970))
        print("Opened ticket \(id)")
        print(support, terminator: "")
    }

    /// The customer whose account code is `text`, else the one so named.
    static func customerID(_ text: String, in store: any StoreLedger) throws -> Int64 {
        let customers = try store.accounts().customers
        if let match = customers.first(where: { $0.accountCode == text }) ?? customers.first(where: { $0.name == text }) {
            return match.id
        }
        throw CLIError("--customer \(QuotedText.quoted(text)): no customer with that account code or name")
    }
}
