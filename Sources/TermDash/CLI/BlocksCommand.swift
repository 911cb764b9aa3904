import ArgumentParser

struct BlocksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blocks", abstract: "Customers' internal number blocks: add, allocate, list, remove.",
        subcommands: [BlocksAddCommand.self, BlocksAllocateCommand.self, BlocksListCommand.self, BlocksRemoveCommand.self])
}
