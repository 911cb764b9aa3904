import Foundation
import Metrics

/// The display zone of the graph axes, as data: the UTC offset in force from each instant on. Built once per
/// frame from the configured zone (`GraphZone.of`), so widgets never consult a time zone database themselves.
/// Graph buckets stay UTC; only their labels move to the zone.
struct GraphZone: Equatable, Sendable {
    struct Change: Equatable, Sendable {
        /// UTC Unix seconds from which `offset` applies.
        var from: Int64
        /// Seconds east of UTC.
        var offset: Int
    }

    /// Oldest first; the first one also applies before its instant.
    var changes: [Change]

    static let utc = GraphZone.fixed(0)

    static func fixed(_ offset: Int) -> GraphZone { GraphZone(changes: [Change(from: .min, offset: offset)]) }

    /// `zone`'s offsets over [from, to): the offset at `from` and every daylight-saving change before `to`.
    static func of(_ zone: TimeZone, from: Int64, to: Int64) -> GraphZone {
        var changes = [Change(from: .min, offset: zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(from))))]
        var cursor = Date(timeIntervalSince1970: TimeInterval(from))
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next.timeIntervalSince1970 < TimeInterval(to),
              changes.count < 64 {
            changes.append(Change(from: Int64(next.timeIntervalSince1970), offset: zone.secondsFromGMT(for: next)))
            cursor = next
        }
        return GraphZone(changes: changes)
    }

    func offset(at instant: Int64) -> Int {
        changes.last { $0.from <= instant }?.offset ?? changes.first?.offset ?? 0
    }

    /// Seconds since 1970-01-01 00:00 on the zone's clock.
    func local(_ instant: Int64) -> Int64 { instant + Int64(offset(at: instant)) }

    /// "14:03", or "14:03:17" with seconds.
    func clock(_ instant: Int64, seconds: Bool = false) -> String {
        let inDay = Self.modulo(local(instant), 86_400)
        let text = Self.two(inDay / 3_600) + ":" + Self.two(inDay % 3_600 / 60)
        return seconds ? text + ":" + Self.two(inDay % 60) : text
    }

    /// "11-20": month and day on the zone's calendar.
    func date(_ instant: Int64) -> String {
        let day = CivilDate(unixDay: (local(instant) - Self.modulo(local(instant), 86_400)) / 86_400)
        return Self.two(day.month) + "-" + Self.two(day.day)
    }

    static func modulo(_ value: Int64, _ divisor: Int64) -> Int64 {
        let remainder = value % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }

    private static func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
