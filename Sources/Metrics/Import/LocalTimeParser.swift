import Foundation

/// Switch timestamps such as "2009-01-14 23:51:15", written in the switch's local time without a zone, turned into
/// UTC Unix seconds for the zone configured for the source.
///
/// The zone's offsets from 1900 to 2100 are looked up once, when the parser is made, so that reading a time costs
/// a binary search rather than two Foundation calls.
public struct LocalTimeParser: Sendable {
    public let zone: TimeZone
    private let offsets: ZoneOffsets

    public init(zone: TimeZone) {
        self.zone = zone
        offsets = ZoneOffsets(zone)
    }

    /// nil unless `text` is exactly `YYYY-MM-DD HH:MM:SS` with a real date and time.
    public func seconds(from text: Substring) -> Int64? {
        var text = text
        return text.withUTF8 { seconds(bytes: $0) }
    }

    /// nil unless `bytes` are exactly `YYYY-MM-DD HH:MM:SS` with a real date and time.
    public func seconds(bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard let naive = Self.wallClock(bytes) else { return nil }
        return utc(fromLocal: naive)
    }

    /// A wall-clock time of this zone, given as seconds since 1970-01-01 00:00:00 of that wall clock, in UTC.
    public func utc(fromLocal naive: Int64) -> Int64 {
        // The offset at the guessed instant, then again at the corrected one, settles DST changes: a time that
        // does not exist (skipped forward) or exists twice (fall back) is read with the offset after the change.
        let first = offsets.offset(at: naive)
        return naive - offsets.offset(at: naive - first)
    }

    /// `YYYY-MM-DD HH:MM:SS` as seconds since 1970 of its own wall clock; nil for any other text or an impossible date.
    static func wallClock(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard bytes.count == 19, bytes[4] == 45, bytes[7] == 45, bytes[10] == 32, bytes[13] == 58, bytes[16] == 58
        else { return nil }
        return wallClock(bytes, dateAt: 0, timeAt: 11)
    }

    /// The date `YYYY-MM-DD` at `dateAt` and the time `HH:MM:SS` at `timeAt`, separators already checked.
    static func wallClock(_ bytes: UnsafeBufferPointer<UInt8>, dateAt d: Int, timeAt t: Int) -> Int64? {
        func number(_ start: Int, _ length: Int) -> Int64? {
            var value: Int64 = 0
            for index in start..<(start + length) {
                let digit = bytes[index] &- 48
                guard digit <= 9 else { return nil }
                value = value * 10 + Int64(digit)
            }
            return value
        }
        guard let year = number(d, 4), let month = number(d + 5, 2), let day = number(d + 8, 2),
              let hour = number(t, 2), let minute = number(t + 3, 2), let second = number(t + 6, 2),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60
        else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        return date.unixDay * 86_400 + hour * 3_600 + minute * 60 + second
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
