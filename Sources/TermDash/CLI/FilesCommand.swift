import ArgumentParser
import Foundation
import Metrics

struct FilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "files",
        abstract: "List imported CDR files with their status and row counts, or one file's rejected rows.")

    @Option(help: ArgumentHelp("Show the rejected rows (line, reason, raw text) of the file with this id.", valueName: "id"))
    var rejects: Int64?

    @Option(help: "table, csv or json.")
    var format: OutputFormat = .table

    @OptionGroup var options: CommonOptions

    func run() throws {
        let settings = try options.settings()
        let store = try settings.openStore(readOnly: true)
        let table: ReportTable
        if let rejects {
            guard try store.fileEntry(id: rejects) != nil else {
                throw CLIError("--rejects \(rejects): no file with that id (see termdash files)")
            }
            let rows = try store.rejects(ofFile: rejects, limit: 1_000_000)
            table = ReportTable(
                report: "rejects", period: nil, columns: ["line", "reason", "raw"],
                rows: rows.map { [.integer(Int64($0.line)), .text($0.reason), .text($0.raw)] })
        } else {
            let entries = try store.fileEntries(limit: 100_000)
            let formatter = ISO8601DateFormatter()
            func time(_ seconds: Int64?) -> ReportTable.Value {
                .text(seconds.map { formatter.string(from: Date(timeIntervalSince1970: TimeInterval($0))) } ?? "")
            }
            table = ReportTable(
                report: "files", period: nil,
                columns: ["id", "name", "source", "status", "format", "size", "read", "accepted", "rejected", "new",
                          "finished_at", "first_error"],
                rows: entries.map { entry in
                    [.integer(entry.id), .text(entry.name), .text(entry.source),
                     .text(entry.status.rawValue), .text(entry.format ?? ""), .integer(entry.size),
                     .integer(Int64(entry.rowsRead)), .integer(Int64(entry.rowsAccepted)),
                     .integer(Int64(entry.rowsRejected)), .integer(Int64(entry.rowsNew)), time(entry.finishedAt),
                     .text(entry.firstError ?? "")]
                })
        }
        switch format {
        case .table: print(table.table(), terminator: "")
        case .csv: print(table.csv(), terminator: "")
        case .json: print(try table.json(version: BuildInfo.version, generatedAt: Date()))
        }
    }
}
