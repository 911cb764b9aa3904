/// UTC bucket arithmetic on Unix seconds. Calendar months are computed with integer civil-date arithmetic
/// (no Foundation Calendar on the hot path) so that rollups cost nothing per row.
public enum TimeBucket: String, Sendable, CaseIterable {
    case minute, hour, day, month

    public func start(of seconds: Int64) -> Int64 {
        switch self {
        case .minute: return floorMultiple(seconds, 60)
        case .hour: return floorMultiple(seconds, 3_600)
        case .day: return floorMultiple(seconds, 86_400)
        case .month:
            let date = CivilDate(unixDay: floorDiv(seconds, 86_400))
            return CivilDate(year: date.year, month: date.month, day: 1).unixDay * 86_400
        }
    }

    /// The start of the bucket after the one that contains `seconds`.
    public func next(after seconds: Int64) -> Int64 {
        switch self {
        case .minute: return start(of: seconds) + 60
        case .hour: return start(of: seconds) + 3_600
        case .day: return start(of: seconds) + 86_400
        case .month:
            let date = CivilDate(unixDay: floorDiv(seconds, 86_400))
            let (year, month) = date.month == 12 ? (date.year + 1, 1) : (date.year, date.month + 1)
            return CivilDate(year: year, month: month, day: 1).unixDay * 86_400
        }
    }
}

func floorDiv(_ value: Int64, _ divisor: Int64) -> Int64 {
    let quotient = value / divisor
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
}

func floorMultiple(_ value: Int64, _ divisor: Int64) -> Int64 { floorDiv(value, divisor) * divisor }

/// A proleptic Gregorian date, converted to and from days since 1970-01-01 (Howard Hinnant's algorithms).
public struct CivilDate: Sendable, Equatable {
    public var year: Int64
    public var month: Int64
    public var day: Int64

    public init(year: Int64, month: Int64, day: Int64) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init(unixDay: Int64) {
        let z = unixDay + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    public var unixDay: Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
