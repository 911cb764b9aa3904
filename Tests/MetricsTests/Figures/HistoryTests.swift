import Foundation
import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

final class HistoryTests: XCTestCase {
    func testRangesAreWholeBucketsEndingWithTheOneThatHoldsNow() {
        let now: Int64 = 1_700_000_000 + 1_234  // 2023-11-14 22:33:20 + 1234 s = 22:53:54 UTC
        XCTAssertEqual(HistoryRange.oneHour.window(at: now).to, TimeBucket.minute.start(of: now) + 60)
        XCTAssertEqual(HistoryRange.oneHour.window(at: now).from, TimeBucket.minute.start(of: now) - 59 * 60)
        XCTAssertEqual(HistoryRange.oneDay.window(at: now).to - HistoryRange.oneDay.window(at: now).from, 86_400)
        XCTAssertEqual(HistoryRange.oneDay.window(at: now).to, TimeBucket.hour.start(of: now) + 3_600)
        XCTAssertEqual(HistoryRange.sevenDays.window(at: now).from, TimeBucket.hour.start(of: now) - 167 * 3_600)
        for range in HistoryRange.allCases {
            let (from, to) = range.window(at: now)
            XCTAssertEqual(Int((to - from) / range.step), range.bucketCount)
            XCTAssertTrue(from <= now && now < to)
            XCTAssertEqual(from % range.step, 0)
        }
        XCTAssertEqual(HistoryRange.oneHour.next, .oneDay)
        XCTAssertEqual(HistoryRange.oneDay.next, .sevenDays)
        XCTAssertEqual(HistoryRange.sevenDays.next, .oneHour)
    }

    /// Every series of every range equals a recount over the raw rows: counters and money to the micro per bucket,
    /// channel occupancy by overlap (running calls up to now), the busiest second per bucket, registrations as the
    /// last sample before each bucket's end, and the daily profit and loss.
    func testHistoryMatchesARecountOfRawRows() throws {
        let temporary = try TemporaryStore()
        var random = seededRandom()
        // Recent, so that the engine's wall-clock retention treats it as live data.
        let now = Int64(Date().timeIntervalSince1970) - 17
        let records = randomRecords(6_000, endingAt: now, spread: 8 * 86_400, carriers: 3, using: &random)
            // A dense hour so that the 1 h range has busy seconds.
            + randomRecords(1_500, endingAt: now, spread: 3_600, carriers: 3, prefix: "h", using: &random)
        try temporary.store.write { db in
            for index in 1...3 { try Accounts.addCarrier(name: "K\(index)", channelsConfigured: 9, rateCardID: nil, in: db) }
        }
        try writeInBatches(records, to: temporary.store, using: &random)
        let running = (0..<40).map { _ in now - Int64.random(in: 0...20_000, using: &random) }
        var samples: [Int64: Int] = [:]
        for _ in 0..<3_000 {
            samples[TimeBucket.minute.start(of: now - Int64.random(in: 0...9 * 86_400, using: &random))] = Int.random(in: 0...500, using: &random)
        }
        try temporary.store.write { db in
            for (index, start) in running.enumerated() {
                try db.execute(sql: "INSERT INTO calls_in_progress (call_key, source, start_at) VALUES (?, 't', ?)",
                               arguments: ["live\(index)", start])
            }
            for (minute, count) in samples {
                try db.execute(sql: "INSERT INTO registration_samples (minute, registrations) VALUES (?, ?)",
                               arguments: [minute, count])
            }
        }
        let engine = MetricsEngine(store: temporary.store)
        for range in HistoryRange.allCases {
            let history = try engine.history(range, at: now)
            let (from, to) = range.window(at: now)
            XCTAssertEqual(history.from, from)
            XCTAssertEqual(history.to, to)
            XCTAssertEqual(history.count, range.bucketCount)
            for (index, start) in history.bucketStarts.enumerated() {
                let end = start + range.step
                let inside = records.filter { $0.startAt >= start && $0.startAt < end }
                let label = "\(range) bucket \(index) at \(start)"
                XCTAssertEqual(history.figures[index].counts, BruteForce.counts(inside), label)
                // Money to the micro, and profit = spend - cost.
                let spend = inside.reduce(Int64(0)) { $0 + ($1.sell?.micros ?? 0) }
                let cost = inside.reduce(Int64(0)) { $0 + ($1.buy?.micros ?? 0) }
                XCTAssertEqual(history.money[index].spend.micros, spend, label)
                XCTAssertEqual(history.money[index].cost.micros, cost, label)
                XCTAssertEqual(history.money[index].profit.micros, spend - cost, label)
                // Occupancy: finished calls over [start, end), running ones over [start, now).
                let busy = records.reduce(Int64(0)) { $0 + BruteForce.overlap($1.startAt, $1.endAt, start, end) }
                    + running.reduce(Int64(0)) { $0 + BruteForce.overlap($1, now, start, end) }
                XCTAssertEqual(history.channelSeconds[index], busy, label)
                let elapsed = max(1, min(range.step, now - start))
                XCTAssertEqual(history.channels[index], Double(busy) / Double(elapsed), accuracy: 1e-9, label)
                XCTAssertEqual(history.cps[index], Double(inside.count) / Double(elapsed), accuracy: 1e-12, label)
                // The busiest second and the first second that reached it.
                let perSecond = Dictionary(grouping: inside, by: \.startAt).mapValues { Int64($0.count) }
                let peak = perSecond.values.max() ?? 0
                XCTAssertEqual(history.peakAttempts[index], peak, label)
                XCTAssertEqual(history.peakSeconds[index], perSecond.filter { $0.value == peak }.keys.min(), label)
                // Registrations: the gauge at the bucket's end, the last sample before it.
                XCTAssertEqual(history.registrations[index], samples.filter { $0.key < end }.max { $0.key < $1.key }?.value ?? 0, label)
            }
            // The range's peak second and its mean CPS over the elapsed seconds.
            let inRange = records.filter { $0.startAt >= from && $0.startAt < to }
            let perSecond = Dictionary(grouping: inRange, by: \.startAt).mapValues { Int64($0.count) }
            let peak = perSecond.values.max() ?? 0
            XCTAssertGreaterThan(peak, 1, "the test needs busy seconds")
            XCTAssertEqual(history.peak.peak, peak)
            XCTAssertEqual(history.peak.peakSecond, perSecond.filter { $0.value == peak }.keys.min())
            XCTAssertEqual(history.peak.average, Double(inRange.count) / Double(now - from), accuracy: 1e-12)
            // Daily profit and loss: the last seven UTC days, today last.
            let today = TimeBucket.day.start(of: now)
            XCTAssertEqual(history.daily.map(\.bucket), (0..<7).map { today - Int64(6 - $0) * 86_400 })
            for day in history.daily {
                let inside = records.filter { $0.startAt >= day.bucket && $0.startAt < day.bucket + 86_400 }
                XCTAssertEqual(day.spend.micros, inside.reduce(0) { $0 + ($1.sell?.micros ?? 0) })
                XCTAssertEqual(day.cost.micros, inside.reduce(0) { $0 + ($1.buy?.micros ?? 0) })
            }
        }
    }

    /// A store that reached v4 before the network rollups existed gets them filled by v5 from the other aggregates,
    /// identical to what incremental writes keep.
    func testV5FillsTheNetworkRollupsOfAnOlderStore() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("td-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var random = seededRandom()
        let now = Int64(Date().timeIntervalSince1970)
        let records = randomRecords(3_000, endingAt: now, spread: 9 * 86_400, carriers: 4, using: &random)

        func addCarriers(_ db: Database) throws {
            for index in 1...4 { try Accounts.addCarrier(name: "K\(index)", channelsConfigured: 9, rateCardID: nil, in: db) }
        }
        let current = try TemporaryStore()
        try current.store.write(addCarriers)
        try writeInBatches(records, to: current.store, using: &random)
        try current.store.write { try Aggregates.prune(.standard, at: now, in: $0) }

        let queue = try DatabaseQueue(path: directory.appendingPathComponent("v4.db").path)
        try Schema.migrator.migrate(queue, upTo: "v4 CDR files, rejected rows, accounts first seen in a file")
        // The CDRs as a v4 store holds them (a text row key); the upkeep after migrating recomputes the aggregates.
        try queue.write { db in
            try addCarriers(db)
            for (index, record) in records.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO cdrs (source, row_key, start_at, answer_at, end_at, duration, billsec, disposition,
                            customer_id, carrier_id, dtmf_digits, sell_micros, buy_micros)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [record.source, "k\(index)", record.startAt, record.answerAt, record.endAt, record.duration,
                                record.billsec, record.disposition.rawValue, record.customerID, record.carrierID,
                                record.dtmfDigits, record.sell?.micros, record.buy?.micros])
            }
        }
        try queue.close()
        let upgraded = try SQLiteStore(path: directory.appendingPathComponent("v4.db").path, now: now)

        func dump(_ store: SQLiteStore) throws -> [[DatabaseValue]] {
            try store.read { db in
                try NetworkRollup.tableNames.flatMap { table in
                    try Row.fetchAll(db, sql: "SELECT '\(table)', * FROM \(table) ORDER BY bucket").map { Array($0.databaseValues) }
                }
            }
        }
        let expected = try dump(current.store)
        XCTAssertGreaterThan(expected.count, 1_000)
        XCTAssertEqual(try dump(upgraded), expected)
    }
}
