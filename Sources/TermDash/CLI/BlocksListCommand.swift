import ArgumentParser
import Foundation
import Metrics

struct BlocksListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List number blocks, lowest first, with the extensions in use in each (registrations and the last 30 days' callers).")

    @Option(help: ArgumentHelp("Only this customer's blocks: account code, name or id.", valueName: "customer"))
    var customer: String?

    @Option(help: "table, csv or json.")
    var format: OutputFormat = .table

    @OptionGroup var options: CommonOptions

    /// How far back a CDR's caller counts as an extension in use.
    static let cdrWindow: Int64 = 30 * 86_400

    func run() throws {
        let store = try options.settings().openStore(readOnly: true)
        let owner = try customer.map { try CustomerLookup.find($0, in: try store.read { try $0.customers() }) }
        let blocks = try store.blocks(customerID: owner?.id)
        let used = try store.extensionsInUse(customerID: owner?.id,
                                             cdrsSince: Int64(Date().timeIntervalSince1970) - Self.cdrWindow)
        let table = Self.table(blocks, inUse: used)
        switch format {
        case .table: print(table.table(), terminator: "")
        case .csv: print(table.csv(), terminator: "")
        case .json: print(try table.json(version: BuildInfo.version, generatedAt: Date()))
        }
    }

    /// Distinct extensions in use per block (a number seen in a registration and a CDR counts once).
    static func inUseCounts(_ used: [ExtensionInUse]) -> [Int64: Int] {
        var numbers: [Int64: Set<Int64>] = [:]
        for use in used { if let block = use.blockID { numbers[block, default: []].insert(use.number) } }
        return numbers.mapValues(\.count)
    }

    static func table(_ blocks: [NumberBlock], inUse used: [ExtensionInUse]) -> ReportTable {
        let counts = inUseCounts(used)
        return ReportTable(
            report: "blocks", period: nil,
            columns: ["id", "customer", "name", "start", "end", "size", "in_use"],
            rows: blocks.map { block in
                [.integer(block.id), .text(block.customerCode), .text(block.customerName), .integer(block.start),
                 .integer(block.end), .integer(block.size), .integer(Int64(counts[block.id] ?? 0))]
            })
    }

    static func line(added block: NumberBlock) -> String {
        "Block \(block.id): \(block.start)–\(block.end) (\(block.size) extensions) for \(Sanitizer.clean(block.customerCode))"
    }
}
