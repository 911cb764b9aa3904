import Foundation
import GRDB

/// Calls per second over an interval: the mean, and the busiest second.
public struct CPSFigures: Sendable, Equatable {
    /// Attempts whose start falls in the interval / the interval's seconds.
    public var average: Double
    /// Attempts in the busiest single second (0 when there were none).
    public var peak: Int64
    /// The first second that reached the peak, nil when there were no attempts.
    public var peakSecond: Int64?

    public init(average: Double, peak: Int64, peakSecond: Int64?) {
        self.average = average
        self.peak = peak
        self.peakSecond = peakSecond
    }
}

/// A value per bucket of a time axis, oldest first.
public struct SeriesPoint: Sendable, Equatable {
    public var bucket: Int64
    public var value: Double

    public init(bucket: Int64, value: Double) {
        self.bucket = bucket
        self.value = value
    }
}

extension MetricsEngine {
    /// CPS over [from, to): from the per-second table inside its retention, from the CDRs before it.
    public func cps(from: Int64, to: Int64) throws -> CPSFigures {
        guard from < to else { return CPSFigures(average: 0, peak: 0, peakSecond: nil) }
        return try store.read { db in
            let horizon = retention.minuteHorizon(at: Int64(Date().timeIntervalSince1970))
            var total: Int64 = 0
            var peak: (second: Int64, attempts: Int64)?
            func consider(_ rows: [Row]) {
                for row in rows {
                    let second: Int64 = row[0]
                    let attempts: Int64 = row[1]
                    total += attempts
                    if attempts > (peak?.attempts ?? 0) || (attempts == peak?.attempts && second < peak!.second) {
                        peak = (second, attempts)
                    }
                }
            }
            let split = min(max(from, horizon), to)
            if from < split {
                consider(try Row.fetchAll(db, sql: """
                    SELECT start_at, COUNT(*) FROM cdrs WHERE start_at >= ? AND start_at < ? GROUP BY start_at
                    """, arguments: [from, split]))
            }
            if split < to {
                consider(try Row.fetchAll(db, sql: """
                    SELECT second, attempts FROM attempts_per_second WHERE second >= ? AND second < ?
                    """, arguments: [split, to]))
            }
            return CPSFigures(average: Double(total) / Double(to - from), peak: peak?.attempts ?? 0,
                              peakSecond: peak?.second)
        }
    }

    /// Average channels in use per bucket of `step` (minute or coarser) over [from, to): finished calls from the
    /// occupancy table, calls still in progress from their start to `now`.
    public func channelHistory(from: Int64, to: Int64, step: Int64, now: Int64) throws -> [SeriesPoint] {
        guard from < to, step >= 60, step % 60 == 0 else { return [] }
        return try store.read { db in
            let first = TimeBucket.minute.start(of: from)
            let count = Int((to - first + step - 1) / step)
            var seconds = [Int64](repeating: 0, count: count)
            for row in try Row.fetchAll(db, sql: """
                SELECT minute, channel_seconds FROM channel_seconds_per_minute WHERE minute >= ? AND minute < ?
                """, arguments: [first, to]) {
                let minute: Int64 = row[0]
                seconds[Int((minute - first) / step)] += row[1]
            }
            for start in try Int64.fetchAll(db, sql: "SELECT start_at FROM calls_in_progress WHERE start_at < ?",
                                            arguments: [min(now, to)]) {
                // A running call occupies [start, now): add its seconds to each bucket it overlaps.
                var cursor = max(start, first)
                let end = min(now, to)
                while cursor < end {
                    let index = Int((cursor - first) / step)
                    let bucketEnd = first + Int64(index + 1) * step
                    seconds[index] += min(end, bucketEnd) - cursor
                    cursor = bucketEnd
                }
            }
            return seconds.enumerated().map { index, total in
                SeriesPoint(bucket: first + Int64(index) * step, value: Double(total) / Double(step))
            }
        }
    }

    /// Registrations per bucket of `step` over [from, to): the highest sample in each bucket, nil-free (a bucket
    /// without a sample repeats the previous one, as a gauge does).
    public func registrationHistory(from: Int64, to: Int64, step: Int64) throws -> [SeriesPoint] {
        try store.read { db in try registrationHistory(from: from, to: to, step: step, in: db) }
    }

    func registrationHistory(from: Int64, to: Int64, step: Int64, in db: Database) throws -> [SeriesPoint] {
        guard from < to, step > 0 else { return [] }
        let count = Int((to - from + step - 1) / step)
        // The highest sample per bucket (Int64.min where none); a range scan of the key in Swift, which costs a fraction of
        // a GROUP BY on a computed bucket (SQLite sorts for that).
        var highest = [Int64](repeating: .min, count: count)
        try FastRows.forEach(db, sql: """
            SELECT minute, registrations FROM registration_samples WHERE minute >= ? AND minute < ?
            """, arguments: [from, to]) { row in
            let index = Int((row.int(0) - from) / step)
            highest[index] = max(highest[index], row.int(1))
        }
        var last = try Double.fetchOne(db, sql: """
            SELECT registrations FROM registration_samples WHERE minute < ? ORDER BY minute DESC LIMIT 1
            """, arguments: [from]) ?? 0
        return (0..<count).map { index in
            if highest[index] != .min { last = Double(highest[index]) }
            return SeriesPoint(bucket: from + Int64(index) * step, value: last)
        }
    }
}
