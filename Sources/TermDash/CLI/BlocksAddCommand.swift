import ArgumentParser
import Foundation
import Metrics

struct BlocksAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Give a customer the extensions START … START + SIZE - 1 (never overlapping another block).")

    @Option(help: ArgumentHelp("The customer: account code, name or id.", valueName: "customer"))
    var customer: String

    @Option(help: "The first extension of the block.")
    var start: Int64

    @Option(help: "How many extensions the block holds.")
    var size: Int64

    @OptionGroup var options: CommonOptions

    func validate() throws {
        if start < 0 || start > NumberBlock.maximumNumber {
            throw ValidationError("--start must be between 0 and \(NumberBlock.maximumNumber)")
        }
        if size < 1 { throw ValidationError("--size must be 1 or more") }
        if start + size - 1 > NumberBlock.maximumNumber {
            throw ValidationError("the block would end at \(start + size - 1), past \(NumberBlock.maximumNumber)")
        }
    }

    func run() throws {
        let store = try options.settings().openStore(readOnly: false)
        let owner = try CustomerLookup.find(customer, in: try store.read { try $0.customers() })
        do {
            let block = try store.addBlock(customerID: owner.id, start: start, size: size,
                                           at: Int64(Date().timeIntervalSince1970))
            print(BlocksListCommand.line(added: block))
        } catch let error as BlockError {
            throw CLIError("blocks add \(start)–\(start + size - 1): \(error)")
        }
    }
}
