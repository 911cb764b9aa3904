import ArgumentParser
import Foundation
import Metrics

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

    @Option(name: .customLong("currency"),
            help: ArgumentHelp("The card's currency, an ISO 4217 code such as USD or EUR.", valueName: "code"))
    var currencyCode = CurrencyCode.usd
    var currency: String { currencyCode.code }

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
        let store = try settings.openStore(readOnly: false)
        let result: (cardID: Int64, replaced: Bool)
        do {
            result = try store.storeRateCard(rates, card: card, direction: direction, currency: currency, replace: replace)
        } catch let error as RateCardError {
            throw CLIError(error.description)
        }
        print(Sanitizer.clean(
            "\(result.replaced ? "Replaced" : "Loaded") rate card \"\(card)\" (\(direction.rawValue), \(currency)): \(rates.count) prefixes"))
    }
}

extension RateDirection: ExpressibleByArgument {
    // RateDirection is not CaseIterable, so the choices the help and errors list are named here.
    public static var allValueStrings: [String] { [RateDirection.sell, .buy].map(\.rawValue) }
}
