import ArgumentParser

struct PageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page",
        abstract: "Store custom pages that every running monitor picks up on its next refresh (docs/pages.md).",
        subcommands: [PagePushCommand.self, PageListCommand.self, PageRemoveCommand.self])
}
