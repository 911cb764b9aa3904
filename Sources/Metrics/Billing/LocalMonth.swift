import Foundation

/// A calendar month with no zone ("2026-10", as `--month` takes it); `period(in:)` makes it instants.
public struct LocalMonth: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    /// Parses "YYYY-MM" exactly.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month), year >= 1 else { return nil }
        self.year = year
        self.month = month
    }

    public func period(in zone: TimeZone = .utc) -> Period? { Period.month(year: year, month: month, in: zone) }

    public var description: String { LocalDate(year: year, month: month, day: 1)!.description.dropLast(3).description }
}
