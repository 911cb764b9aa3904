import ArgumentParser
import Foundation
import Metrics

struct RatesUnratedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate-unrated",
        abstract: "Price the CDRs of a period that no rate covered when they were imported, against the cards as now.",
        discussion: """
            For calls left unrated (and so blocking `invoice issue`) until the rate card gained their prefix: each \
            CDR of the period [from, to) in UTC without a sell or buy price is priced as an import would price it \
            now; prices already stored never change. The aggregates are then rebuilt from the CDRs, in the same \
            transaction (as `termdash rebuild` does; minutes on a large store).
            """)

    @OptionGroup var period: PeriodOptions

    @OptionGroup var options: CommonOptions

    func validate() throws {
        if !period.isGiven { throw ValidationError("give the period: --month YYYY-MM, or --from DATE --to DATE") }
    }

    func run() throws {
        let settings = try options.settings()
        let store = try settings.openStore(readOnly: false)
        guard let range = try period.period(in: .utc) else { throw ValidationError("give the period") }
        let started = Date()
        let priced = try store.priceUnratedCDRs(in: range, retention: settings.config.retention,
                                                at: Int64(started.timeIntervalSince1970))
        print(String(format: "%d CDR%@ priced in %@%@ (%.1f s)", priced, priced == 1 ? "" : "s", range.description,
                     priced > 0 ? "; aggregates rebuilt" : "", Date().timeIntervalSince(started)))
    }
}
