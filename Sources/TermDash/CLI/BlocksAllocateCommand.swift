import ArgumentParser
import Foundation
import Metrics

struct BlocksAllocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate",
        abstract: "Give a customer the next free block on the [blocks] grid (start 1000, size 1000 by default).")

    @Option(help: ArgumentHelp("The customer: account code, name or id.", valueName: "customer"))
    var customer: String

    @OptionGroup var options: CommonOptions

    func run() throws {
        let settings = try options.settings()
        let store = try settings.openStore(readOnly: false)
        let owner = try CustomerLookup.find(customer, in: try store.read { try $0.customers() })
        do {
            let block = try store.allocateBlock(customerID: owner.id, systemStart: settings.config.blocks.start,
                                                size: settings.config.blocks.size, at: Int64(Date().timeIntervalSince1970))
            print(BlocksListCommand.line(added: block))
        } catch let error as BlockError {
            throw CLIError("blocks allocate: \(error)")
        }
    }
}
