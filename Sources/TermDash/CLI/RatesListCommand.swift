import ArgumentParser
import Foundation
import Metrics

struct RatesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the rate cards in the store.")

    @OptionGroup var options: CommonOptions

    func run() throws {
        let settings = try options.settings()
        let store = try settings.openStore(readOnly: true)
        let cards = try store.rateCards()
        let table = ReportTable(
            report: "rates", period: nil, columns: ["card", "direction", "currency", "prefixes", "used_by"],
            rows: cards.map { card in
                [.text(card.name), .text(card.direction.rawValue), .text(card.currency), .integer(Int64(card.prefixes)),
                 .integer(Int64(card.usedBy))]
            })
        print(table.table(), terminator: "")
    }
}
