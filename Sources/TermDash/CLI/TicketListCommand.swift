import ArgumentParser
import Foundation
import Metrics

struct TicketListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List help tickets, newest first.")

    @Flag(help: "Only the open tickets.")
    var open = false

    @Option(help: "table, csv or json (json and csv carry the support block).")
    var format: OutputFormat = .table

    @OptionGroup var options: CommonOptions

    func run() throws {
        let settings = try options.settings()
        let store = try settings.openStore(readOnly: true)
        let table = Self.table(try store.tickets(openOnly: open), withSupport: format != .table)
        switch format {
        case .table: print(table.table(), terminator: "")
        case .csv: print(table.csv(), terminator: "")
        case .json: print(try table.json(version: BuildInfo.version, generatedAt: Date()))
        }
    }

    /// One row per ticket; times in UTC (ISO 8601). The support block is several lines: CSV and JSON only.
    static func table(_ tickets: [HelpTicket], withSupport: Bool) -> ReportTable {
        let formatter = ISO8601DateFormatter()
        func time(_ seconds: Int64?) -> ReportTable.Value {
            .text(seconds.map { formatter.string(from: Date(timeIntervalSince1970: TimeInterval($0))) } ?? "")
        }
        return ReportTable(
            report: "tickets", period: nil,
            columns: ["id", "status", "opened_at", "closed_at", "customer", "subject"] + (withSupport ? ["support"] : []),
            rows: tickets.map { ticket in
                [.integer(ticket.id), .text(ticket.isOpen ? "open" : "closed"), time(ticket.openedAt),
                 time(ticket.closedAt), .text(ticket.customerName ?? ""), .text(ticket.subject)]
                    + (withSupport ? [.text(ticket.support)] : [])
            })
    }
}
