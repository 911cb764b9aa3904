import ArgumentParser

struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer", abstract: "Customers' billing profiles.", subcommands: [CustomerProfileCommand.self])
}
