import Metrics

/// Bucket starts as column headings, always in UTC.
enum BucketLabel {
    /// On screen: "13:00" (an hour of Live), "11-21" (a day, or the Monday a week starts), "2026-11" (a month).
    static func compact(_ start: Int64, period: SummaryPeriod) -> String {
        let (date, hour, _) = civil(start)
        switch period {
        case .live: return pad(hour) + ":00"
        case .daily, .weekly: return pad(date.month) + "-" + pad(date.day)
        case .monthly: return String(date.year) + "-" + pad(date.month)
        }
    }

    /// In exports, where the context is gone: "2026-11-21T13:00Z", "2026-11-21" (a day, or the Monday a week
    /// starts), "2026-11".
    static func full(_ start: Int64, period: SummaryPeriod) -> String {
        let (date, hour, _) = civil(start)
        let day = String(date.year) + "-" + pad(date.month) + "-" + pad(date.day)
        switch period {
        case .live: return day + "T" + pad(hour) + ":00Z"
        case .daily, .weekly: return day
        case .monthly: return String(date.year) + "-" + pad(date.month)
        }
    }

    /// The grid's whole period, for its title: "2026-12-03 02:00 to 2026-12-04 02:00" (Live: instants, the end
    /// excluded), "2026-11-04 to 2026-12-04" (days, both included; weeks from the first Monday to the last
    /// Sunday), "2026-01 to 2026-12" (months, both included).
    static func span(_ interval: Range<Int64>, period: SummaryPeriod) -> String {
        func day(_ seconds: Int64) -> String {
            let (date, _, _) = civil(seconds)
            return String(date.year) + "-" + pad(date.month) + "-" + pad(date.day)
        }
        switch period {
        case .live:
            func instant(_ seconds: Int64) -> String { day(seconds) + " " + pad(civil(seconds).1) + ":00" }
            return instant(interval.lowerBound) + " to " + instant(interval.upperBound)
        case .daily, .weekly:
            return day(interval.lowerBound) + " to " + day(interval.upperBound - 1)
        case .monthly:
            return full(interval.lowerBound, period: .monthly) + " to " + full(interval.upperBound - 1, period: .monthly)
        }
    }

    /// "20261121T133005Z", for file names.
    static func timestamp(_ seconds: Int64) -> String {
        let (date, hour, rest) = civil(seconds)
        return String(date.year) + pad(date.month) + pad(date.day) + "T" + pad(hour) + pad(rest / 60) + pad(rest % 60) + "Z"
    }

    /// The UTC civil date, the hour and the seconds into the hour.
    private static func civil(_ seconds: Int64) -> (CivilDate, Int64, Int64) {
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let inDay = seconds - day * 86_400
        return (CivilDate(unixDay: day), inDay / 3_600, inDay % 3_600)
    }

    private static func pad(_ value: Int64) -> String { value < 10 ? "0" + String(value) : String(value) }
}
