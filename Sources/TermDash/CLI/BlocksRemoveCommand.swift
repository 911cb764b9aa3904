import ArgumentParser
import Metrics

struct BlocksRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a number block.")

    @Argument(help: "The block's id (see termdash blocks list).")
    var id: Int64

    @OptionGroup var options: CommonOptions

    func validate() throws {
        if id < 1 { throw ValidationError("a block id is 1 or more") }
    }

    func run() throws {
        let store = try options.settings().openStore(readOnly: false)
        do {
            let block = try store.removeBlock(id)
            print("Removed block \(block.id): \(block.start)–\(block.end) of \(Sanitizer.clean(block.customerCode))")
        } catch let error as BlockError {
            throw CLIError("blocks remove \(id): \(error)")
        }
    }
}
