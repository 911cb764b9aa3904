import ArgumentParser
import Foundation
import Metrics

struct PageListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the pages stored, by title.")

    @Option(help: "table, csv or json.")
    var format: OutputFormat = .table

    @OptionGroup var options: CommonOptions

    func run() throws {
        let settings = try options.settings()
        let store = try settings.openStore(readOnly: true)
        let formatter = ISO8601DateFormatter()
        let rows: [[ReportTable.Value]] = try store.storedPages().map { stored in
            let page = (try? CustomPageParser.parse(stored.definition, path: stored.title))?.first
            return [.text(stored.title), .text(page?.key ?? ""), .integer(Int64(page?.panes.count ?? 0)),
                    .text(page?.customers == true ? "yes" : "no"),
                    .text(formatter.string(from: Date(timeIntervalSince1970: TimeInterval(stored.pushedAt))))]
        }
        let table = ReportTable(report: "pages", period: nil,
                                columns: ["title", "key", "panes", "customers", "pushed_at"], rows: rows)
        switch format {
        case .table: print(table.table(), terminator: "")
        case .csv: print(table.csv(), terminator: "")
        case .json: print(try table.json(version: BuildInfo.version, generatedAt: Date()))
        }
    }
}
