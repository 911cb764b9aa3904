import ArgumentParser
import Foundation
import Metrics

struct PagePushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push", abstract: "Check a file holding one [[pages]] table and store it (replacing one of the same title).")

    @Argument(help: ArgumentHelp("A TOML file with one [[pages]] table and its [[pages.panes]].", valueName: "file"))
    var file: String

    @OptionGroup var options: CommonOptions

    func run() throws {
        let settings = try options.settings()
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw CLIError("\(file): cannot read the file as UTF-8 text")
        }
        let pages: [CustomPage]
        do { pages = try CustomPageParser.parse(text, path: file) } catch let error as ConfigError {
            throw CLIError(error.description)
        }
        guard pages.count == 1, let page = pages.first else {
            throw CLIError("\(file): holds \(pages.count) [[pages]] tables; push one page per file")
        }
        let store = try settings.openStore(readOnly: false)
        try store.pushPage(title: page.title, definition: text, at: Int64(Date().timeIntervalSince1970))
        print("Stored page \(QuotedText.quoted(page.title)) (key \(page.key), \(page.panes.count) panes)")
    }
}
