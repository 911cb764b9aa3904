import ArgumentParser
import Foundation
import Metrics

/// `--from DATE --to DATE` or `--month YYYY-MM`: a half-open period [from, to) of instants. Days start at midnight
/// in the zone that applies (UTC, or a customer's billing zone for that customer's invoice); `--to` is the first
/// instant not included, so `--from 2026-10-01 --to 2026-11-01` is October.
struct PeriodOptions: ParsableArguments {
    @Option(help: "The period's start: a day (YYYY-MM-DD, at midnight) or an ISO 8601 instant; with --to.")
    var from: PeriodBound?

    @Option(help: "The period's end, not included: a day (YYYY-MM-DD, at midnight) or an ISO 8601 instant.")
    var to: PeriodBound?

    @Option(help: "A calendar month (YYYY-MM), instead of --from and --to.")
    var month: LocalMonth?

    var isGiven: Bool { from != nil || to != nil || month != nil }

    func validate() throws {
        if month != nil, from != nil || to != nil {
            throw ValidationError("give either --month or --from and --to, not both")
        }
        if (from == nil) != (to == nil) {
            throw ValidationError(from == nil ? "--to needs --from" : "--from needs --to (the first instant not included)")
        }
        // Checked in UTC here; a zone moves both ends alike, except across a DST change, which never reverses them.
        if let from, let to, let start = from.instant(in: .utc), let end = to.instant(in: .utc), end <= start {
            throw ValidationError("--to must be after --from (the period is [from, to))")
        }
    }

    /// The period in `zone`, or nil when none was given.
    func period(in zone: TimeZone) throws -> Period? {
        if let month {
            guard let period = month.period(in: zone) else { throw ValidationError("--month \(month): no such month") }
            return period
        }
        guard let from, let to else { return nil }
        guard let start = from.instant(in: zone), let end = to.instant(in: zone), let period = Period(from: start, to: end)
        else { throw ValidationError("--to must be after --from (the period is [from, to))") }
        return period
    }
}
