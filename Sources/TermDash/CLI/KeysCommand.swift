import ArgumentParser
import Foundation

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "List the monitor's keys with the ids `[keys]` in the config remaps them by.",
        discussion: "Reads the config, so remapped keys show as they are now.")

    @OptionGroup var options: CommonOptions

    func run() throws {
        let settings = try options.settings()
        let table: [KeyBinding]
        do { table = try KeyBinding.remapped(settings.config.keys) } catch { throw CLIError("config [keys]: \(error)") }
        let report = ReportTable(
            report: "keys", period: nil, columns: ["id", "view", "keys", "what it does"],
            rows: table.map { binding in
                [.text(binding.id), .text(binding.view?.title.lowercased() ?? "all"),
                 .text(binding.keys.map { KeyBinding.label($0) }.joined(separator: " ")), .text(binding.help)]
            })
        print(report.table(), terminator: "")
    }
}
