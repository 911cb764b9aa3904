import ArgumentParser
import Foundation
import GRDB
import Metrics

struct RatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rates", abstract: "Load and list rate cards.",
        subcommands: [RatesImportCommand.self, RatesListCommand.self])
}

struct RatesImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a rate card from a CSV file (format: docs/rate-cards.md).",
        discussion: "The card is loaded whole or not at all: every bad line is reported with its number and reason.")

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: "The card's name (what customers and carriers refer to).")
    var card: String

    @Option(help: "sell (what customers pay) or buy (what carriers charge).")
    var direction: RateDirection = .sell

    @Option(help: "The card's currency code.")
    var currency = "USD"

    @Flag(help: "Replace the rates of an existing card of that name.")
    var replace = false

    @OptionGroup var options: CommonOptions

    func run() throws {
        let settings = try options.settings()
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("\(file): cannot read the file") }
        let (rates, errors) = RateCardFile.parse(Array(data), path: file)
        guard errors.isEmpty else {
            for error in errors { FileHandle.standardError.write(Data((Sanitizer.clean("\(error)") + "\n").utf8)) }
            throw CLIError("\(file): \(errors.count) bad line\(errors.count == 1 ? "" : "s"); the card was not loaded")
        }
        let store = try SQLiteStore.openForCLI(path: settings.storePath, readOnly: false)
        let result: (cardID: Int64, replaced: Bool)
        do {
            result = try store.write { db in
                try RateCardFile.store(rates, card: card, direction: direction, currency: currency, replace: replace, in: db)
            }
        } catch let error as RateCardError {
            throw CLIError(error.description)
        }
        print(Sanitizer.clean(
            "\(result.replaced ? "Replaced" : "Loaded") rate card \"\(card)\" (\(direction.rawValue), \(currency)): \(rates.count) prefixes"))
    }
}

struct RatesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the rate cards in the store.")

    @OptionGroup var options: CommonOptions

    func run() throws {
        let settings = try options.settings()
        let store = try SQLiteStore.openForCLI(path: settings.storePath, readOnly: true)
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.name, c.direction, c.currency, COUNT(r.prefix),
                    (SELECT COUNT(*) FROM customers WHERE rate_card_id = c.id) +
                    (SELECT COUNT(*) FROM carriers WHERE rate_card_id = c.id)
                FROM rate_cards c LEFT JOIN rates r ON r.rate_card_id = c.id
                GROUP BY c.id ORDER BY c.direction DESC, c.name
                """)
        }
        let table = ReportTable(
            report: "rates", period: nil, columns: ["card", "direction", "currency", "prefixes", "used_by"],
            rows: rows.map { [.text($0[0]), .text($0[1]), .text($0[2]), .integer($0[3]), .integer($0[4])] })
        print(table.table(), terminator: "")
    }
}

extension RateDirection: ExpressibleByArgument {}
