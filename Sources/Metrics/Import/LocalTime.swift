import Foundation

/// Switch timestamps such as "2009-01-14 23:51:15", written in the switch's local time without a zone, turned into
/// UTC Unix seconds for the zone configured for the source.
public struct LocalTimeParser: Sendable {
    public let zone: TimeZone

    public init(zone: TimeZone) { self.zone = zone }

    /// nil unless `text` is exactly `YYYY-MM-DD HH:MM:SS` with a real date and time.
    public func seconds(from text: Substring) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 19, bytes[4] == 45, bytes[7] == 45, bytes[10] == 32, bytes[13] == 58, bytes[16] == 58
        else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                let digit = bytes[index] &- 48
                guard digit <= 9 else { return nil }
                value = value * 10 + Int64(digit)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        // A 31st of a 30-day month rolls over: refuse it rather than shift the call to the next day.
        guard CivilDate(unixDay: date.unixDay) == date else { return nil }
        let naive = date.unixDay * 86_400 + hour * 3_600 + minute * 60 + second
        // The offset at the guessed instant, then again at the corrected one, settles DST changes.
        let first = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive))))
        let second2 = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive - first))))
        return naive - second2
    }
}
