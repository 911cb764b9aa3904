import Foundation
import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

final class TrafficSeriesTests: XCTestCase {
    /// CPS average and peak second over random intervals, some reaching past the per-second table's retention
    /// (answered from CDRs), equal a recount of the raw starts.
    func testCPSMatchesARecountOfStarts() throws {
        let temporary = try TemporaryStore()
        let now = Int64(Date().timeIntervalSince1970)
        var random = seededRandom()
        var starts: [Int64] = []
        for _ in 0..<6_000 {
            // Clustered seconds so that peaks above 1 happen.
            starts.append(now - Int64.random(in: 0...10 * 86_400, using: &random) / 7 * 7)
        }
        try temporary.store.write { db in
            try CDRWriter.insert(starts.enumerated().map { index, start in
                .make(key: "c\(index)", start: start, end: start + 30, disposition: .noAnswer)
            }, in: db)
        }
        let engine = MetricsEngine(store: temporary.store)
        var intervals: [(Int64, Int64)] = [(now - 10 * 86_400, now + 1), (now - 3_600, now), (now, now), (now - 60, now - 61)]
        for _ in 0..<30 {
            let from = now - Int64.random(in: 0...10 * 86_400, using: &random)
            intervals.append((from, from + Int64.random(in: 1...4 * 86_400, using: &random)))
        }
        for (from, to) in intervals {
            let figures = try engine.cps(from: from, to: to, at: now)
            let inside = starts.filter { $0 >= from && $0 < to }
            let perSecond = Dictionary(grouping: inside, by: { $0 }).mapValues { Int64($0.count) }
            let peak = perSecond.values.max() ?? 0
            XCTAssertEqual(figures.peak, peak, "[\(from), \(to))")
            XCTAssertEqual(figures.peakSecond, perSecond.filter { $0.value == peak }.keys.min())
            XCTAssertEqual(figures.average, to > from ? Double(inside.count) / Double(to - from) : 0, accuracy: 1e-12)
        }
    }

    func testChannelHistoryCountsFinishedAndRunningCallsByOverlap() throws {
        let temporary = try TemporaryStore()
        let now: Int64 = 1_700_000_000 + 1_800
        var random = seededRandom()
        var intervals: [(Int64, Int64)] = []
        for _ in 0..<500 {
            let start = now - Int64.random(in: 0...20_000, using: &random)
            let end = min(now, start + Int64.random(in: 0...3_000, using: &random))
            intervals.append((start, end))
        }
        let running = (0..<25).map { _ in now - Int64.random(in: 0...5_000, using: &random) }
        try temporary.store.write { db in
            try CDRWriter.insert(intervals.enumerated().map { .make(key: "c\($0)", start: $1.0, end: $1.1, disposition: .noAnswer) }, in: db)
            for (index, start) in running.enumerated() {
                try db.execute(sql: "INSERT INTO calls_in_progress (call_key, source, start_at) VALUES (?, 't', ?)",
                               arguments: ["r\(index)", start])
            }
        }
        let engine = MetricsEngine(store: temporary.store)
        for step: Int64 in [60, 300, 3_600] {
            let from = TimeBucket.hour.start(of: now - 18_000)
            let series = try engine.channelHistory(from: from, to: now, step: step, now: now)
            XCTAssertEqual(series.first?.bucket, from)
            for point in series {
                let end = point.bucket + step
                func overlap(_ a: Int64, _ b: Int64) -> Int64 { max(0, min(b, end) - max(a, point.bucket)) }
                let busy = intervals.reduce(0) { $0 + overlap($1.0, $1.1) } + running.reduce(0) { $0 + overlap($1, now) }
                XCTAssertEqual(point.value, Double(busy) / Double(step), accuracy: 1e-9, "step \(step) at \(point.bucket)")
            }
        }
    }

    func testRegistrationHistoryTakesTheBucketMaximumAndCarriesGapsForward() throws {
        let temporary = try TemporaryStore()
        try temporary.store.write { db in
            for (minute, count) in [(0, 10), (60, 14), (120, 12), (300, 20)] as [(Int64, Int)] {
                try db.execute(sql: "INSERT INTO registration_samples (minute, registrations) VALUES (?, ?)",
                               arguments: [1_000_020 + minute, count])
            }
        }
        let engine = MetricsEngine(store: temporary.store)
        // Samples at +20 (10), +80 (14), +140 (12), +320 (20). Buckets of 120 s from +80, worked by hand:
        // [80, 200) max 14; [200, 320) none, carries 14; [320, 440) 20; [440, 500) none, carries 20.
        XCTAssertEqual(try engine.registrationHistory(from: 1_000_080, to: 1_000_500, step: 120).map(\.value), [14, 14, 20, 20])
        // A first bucket without a sample starts from the last sample before the interval.
        XCTAssertEqual(try engine.registrationHistory(from: 1_000_030, to: 1_000_090, step: 30).map(\.value), [10, 14])
        XCTAssertEqual(try engine.registrationHistory(from: 5, to: 5, step: 30), [])
    }
}
