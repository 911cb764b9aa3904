import ArgumentParser
import Foundation
import Metrics

struct TicketCloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a help ticket.")

    @Argument(help: "The ticket's number (see termdash ticket list).")
    var number: Int64

    @OptionGroup var options: CommonOptions

    func validate() throws {
        if number < 1 { throw ValidationError("a ticket number is 1 or more") }
    }

    func run() throws {
        let settings = try options.settings()
        let store = try settings.openStore(readOnly: false)
        do {
            let ticket = try store.closeTicket(number, at: Int64(Date().timeIntervalSince1970))
            print("Closed ticket \(ticket.id): \(Sanitizer.clean(ticket.subject))")
        } catch let error as TicketError {
            throw CLIError("ticket close \(number): \(error)")
        }
    }
}
