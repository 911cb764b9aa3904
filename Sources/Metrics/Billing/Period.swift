import Foundation

/// A half-open interval of instants, [from, to), in UTC Unix seconds: what reports and invoices cover. A month is
/// resolved in a zone (UTC unless a customer's billing zone says otherwise), so that customer's "October" starts at
/// local midnight, and a DST month is an hour shorter or longer than 31 × 24 h.
public struct Period: Sendable, Hashable, CustomStringConvertible {
    public var from: Int64
    public var to: Int64

    /// nil unless `from < to`.
    public init?(from: Int64, to: Int64) {
        guard from < to else { return nil }
        self.from = from
        self.to = to
    }

    /// The calendar month `year`-`month` in `zone`: from its first local midnight to the next month's.
    public static func month(year: Int, month: Int, in zone: TimeZone = .utc) -> Period? {
        guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
        let next = month == 12 ? (year + 1, 1) : (year, month + 1)
        guard let start = localMidnight(year: year, month: month, day: 1, in: zone),
              let end = localMidnight(year: next.0, month: next.1, day: 1, in: zone) else { return nil }
        return Period(from: start, to: end)
    }

    /// The local days `first` through `last`, both included: from `first`'s midnight to the midnight after `last`.
    public static func days(_ first: LocalDate, through last: LocalDate, in zone: TimeZone = .utc) -> Period? {
        guard let start = localMidnight(year: first.year, month: first.month, day: first.day, in: zone),
              let lastStart = localMidnight(year: last.year, month: last.month, day: last.day, in: zone),
              let end = calendar(zone).date(byAdding: .day, value: 1, to: Date(timeIntervalSince1970: TimeInterval(lastStart)))
        else { return nil }
        return Period(from: start, to: Int64(end.timeIntervalSince1970))
    }

    /// The first instant of the local day `year`-`month`-`day` in `zone` (nil for a date that does not exist).
    public static func localMidnight(year: Int, month: Int, day: Int, in zone: TimeZone) -> Int64? {
        let calendar = calendar(zone)
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month
        else { return nil }
        // A midnight skipped by DST starts the day at the first instant that exists.
        return Int64(calendar.startOfDay(for: date).timeIntervalSince1970)
    }

    static func calendar(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    public var seconds: Int64 { to - from }

    public func contains(_ instant: Int64) -> Bool { instant >= from && instant < to }

    public func overlaps(_ other: Period) -> Bool { from < other.to && other.from < to }

    /// "2026-10-01T00:00:00Z – 2026-11-01T00:00:00Z" (UTC, `to` excluded).
    public var description: String { "\(Self.utcText(from)) – \(Self.utcText(to))" }

    /// An instant as ISO 8601 in UTC, e.g. "2026-10-01T00:00:00Z".
    public static func utcText(_ instant: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .utc
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(instant)))
    }
}

extension TimeZone {
    /// UTC, never nil.
    public static let utc = TimeZone(identifier: "UTC")!
}
