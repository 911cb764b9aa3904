import ArgumentParser
import Metrics

struct PageRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a stored page by its title.")

    @Argument(help: ArgumentHelp("The page's title, as `page list` shows it.", valueName: "title"))
    var title: String

    @OptionGroup var options: CommonOptions

    func run() throws {
        let settings = try options.settings()
        guard try settings.openStore(readOnly: false).removePage(title: title) else {
            throw CLIError("no page is titled \(QuotedText.quoted(title)) (see `termdash page list`)")
        }
        print("Removed page \(QuotedText.quoted(title))")
    }
}
