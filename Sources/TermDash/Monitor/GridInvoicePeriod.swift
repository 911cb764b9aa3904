import Foundation
import Metrics

/// The period an invoice from the summary grid covers for one customer. The grid's buckets are UTC; a customer
/// whose billing zone is set has their days, weeks and months start at midnight in that zone (issue #12: their
/// "October" starts at local midnight), so the same calendar days are taken in their zone. Live hours are instants
/// and stay as they are.
enum GridInvoicePeriod {
    static func resolve(_ interval: Range<Int64>, period: SummaryPeriod, zone: TimeZone?) -> Period? {
        guard let zone, period != .live else { return Period(from: interval.lowerBound, to: interval.upperBound) }
        guard let first = date(interval.lowerBound), let last = date(interval.upperBound - 1) else { return nil }
        return Period.days(first, through: last, in: zone)
    }

    /// The UTC calendar date of an instant.
    private static func date(_ seconds: Int64) -> LocalDate? {
        let civil = CivilDate(unixDay: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        return LocalDate(year: Int(civil.year), month: Int(civil.month), day: Int(civil.day))
    }
}
