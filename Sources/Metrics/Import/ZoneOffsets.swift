import Foundation

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
