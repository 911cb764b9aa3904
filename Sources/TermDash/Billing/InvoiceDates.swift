import Foundation
import Metrics

/// How an invoice's instants are written: local dates in the invoice's zone (UTC when it has none), since that is
/// where its period's days start; a half-open period shows its last day, the day before `to`.
struct InvoiceDates {
    let zone: TimeZone
    /// The zone's name as the invoice shows it ("UTC" when it has none; Foundation would say "GMT").
    let zoneName: String

    init(zone name: String?) {
        zone = name.flatMap(TimeZone.init(identifier:)) ?? .utc
        zoneName = Sanitizer.clean(name ?? "UTC")
    }

    func day(_ instant: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(instant)))
    }

    /// "2026-10-01 – 2026-10-31": the first and the last day of [from, to).
    func period(_ period: Period) -> String { "\(day(period.from)) – \(day(period.to - 1))" }
}
