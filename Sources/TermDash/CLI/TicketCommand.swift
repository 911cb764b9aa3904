import ArgumentParser

struct TicketCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticket", abstract: "Open, list and close help tickets (the support block is attached).",
        subcommands: [TicketOpenCommand.self, TicketListCommand.self, TicketCloseCommand.self])
}
