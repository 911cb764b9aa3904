import ArgumentParser
import Foundation
import Metrics

/// `--from` / `--to` / `--date`: a day ("2026-10-01", its midnight in the zone that applies) or an instant with
/// its offset ("2026-10-01T12:00:00Z").
enum PeriodBound: ExpressibleByArgument, Equatable {
    case day(LocalDate)
    case instant(Int64)

    init?(argument: String) {
        if let day = LocalDate(argument) {
            self = .day(day)
        } else if let date = ISO8601DateFormatter().date(from: argument) {
            self = .instant(Int64(date.timeIntervalSince1970))
        } else {
            return nil
        }
    }

    /// The instant: a day starts at its midnight in `zone`.
    func instant(in zone: TimeZone) -> Int64? {
        switch self {
        case .day(let day): return Period.localMidnight(year: day.year, month: day.month, day: day.day, in: zone)
        case .instant(let instant): return instant
        }
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

extension LocalMonth: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
