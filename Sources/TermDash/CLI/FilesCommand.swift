import ArgumentParser
import Foundation
import Metrics

struct FilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "files",
        abstract: "List imported CDR files with their status and row counts, or one file's rejected rows.",
        discussion: """
            Every import run has an entry. Status: waiting (a spool file still growing), processing, success, error, \
            or interrupted (its import process is gone, killed or its machine restarted: nothing of it was kept; \
            import the file again). duplicate_of: for a run that stored no row of its own (a copy under another \
            name, a re-import, an import of the same content at the same time), the id of the file that stored them.
            """)

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
                          "finished_at", "first_error", "duplicate_of"],
                rows: entries.map { entry in
                    [.integer(entry.id), .text(entry.name), .text(entry.source),
                     .text(entry.status.rawValue), .text(entry.format ?? ""), .integer(entry.size),
                     .integer(Int64(entry.rowsRead)), .integer(Int64(entry.rowsAccepted)),
                     .integer(Int64(entry.rowsRejected)), .integer(Int64(entry.rowsNew)), time(entry.finishedAt),
                     .text(entry.firstError ?? ""), .text(entry.duplicateOf.map(String.init) ?? "")]
                })
        }
        switch format {
        case .table: print(table.table(), terminator: "")
        case .csv: print(table.csv(), terminator: "")
        case .json: print(try table.json(version: BuildInfo.version, generatedAt: Date()))
        }
    }
}
