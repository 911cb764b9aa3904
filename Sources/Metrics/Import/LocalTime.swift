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

/// A zone's UTC offset as a table of the instants it changes, 1900 to 2100, with an index by 2^22-second block
/// (about 48 days) so that a lookup is a step or two; Foundation answers outside that range.
struct ZoneOffsets: Sendable {
    static let from: Int64 = -2_208_988_800  // 1900-01-01
    static let until: Int64 = 4_102_444_800  // 2100-01-01
    static let blockShift: Int64 = 22

    private let zone: TimeZone
    /// `offsets[i]` applies from `starts[i]` (UTC seconds) until `starts[i + 1]`.
    private let starts: [Int64]
    private let offsets: [Int64]
    /// For each block from `from`, the index of the last start at or before the block's first second.
    private let blocks: [Int32]

    init(_ zone: TimeZone) {
        self.zone = zone
        func offset(_ instant: Int64) -> Int64 {
            Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
        }
        var starts: [Int64] = [Self.from]
        var offsets: [Int64] = [offset(Self.from)]
        var instant = Self.from
        while offsets.count < 10_000,
              let next = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: TimeInterval(instant))) {
            let change = Int64(next.timeIntervalSince1970.rounded(.down))
            guard change > instant, change < Self.until else { break }
            let value = offset(change)
            if value != offsets[offsets.count - 1] {
                starts.append(change)
                offsets.append(value)
            }
            instant = change
        }
        var blocks: [Int32] = []
        var index = 0
        var blockStart = Self.from
        while blockStart < Self.until {
            while index + 1 < starts.count, starts[index + 1] <= blockStart { index += 1 }
            blocks.append(Int32(index))
            blockStart += 1 << Self.blockShift
        }
        self.starts = starts
        self.offsets = offsets
        self.blocks = blocks
    }

    func offset(at instant: Int64) -> Int64 {
        guard instant >= Self.from, instant < Self.until else {
            return Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
        }
        var index = Int(blocks[Int((instant - Self.from) >> Self.blockShift)])
        while index + 1 < starts.count, starts[index + 1] <= instant { index += 1 }
        return offsets[index]
    }
}
