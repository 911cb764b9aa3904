import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

final class SimulatorTests: XCTestCase {
    private func smallOptions(cps: Double = 3) -> Simulator.Options {
        var options = Simulator.Options()
        options.customers = 30
        options.carriers = 6
        options.dids = 120
        options.peakCPS = cps
        options.seed = 7
        return options
    }

    func testBackfillWritesAPlausibleNetworkAndConsistentRollups() throws {
        let temporary = try TemporaryStore()
        let now: Int64 = 1_763_683_200 + 15 * 3_600  // Friday 2025-11-21, 15:00 UTC
        let simulator = try Simulator(store: temporary.store, options: smallOptions(), now: now)
        let written = try simulator.backfill(days: 1, until: now)
        XCTAssertGreaterThan(written, 20_000)
        try temporary.store.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customers"), 30)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM carriers"), 6)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dids"), 120)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cdrs"), written)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT SUM(attempts) FROM rollup_carrier_hour"), written)
            // Every finished call ended before now; every live one started before now.
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cdrs WHERE end_at > ?", arguments: [now]), 0)
            XCTAssertGreaterThan(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM calls_in_progress") ?? 0, 0)
            // ASR per carrier between 30 and 70 % (a degraded half hour pulls one down a little).
            for row in try Row.fetchAll(db, sql: "SELECT carrier_id, SUM(answered) * 1.0 / SUM(attempts) FROM rollup_carrier_day GROUP BY carrier_id") {
                let asr: Double = row[1]
                XCTAssertTrue((0.2...0.75).contains(asr), "carrier \(row[0] as Int64) ASR \(asr)")
            }
            // ACD around three minutes.
            let acd = try Double.fetchOne(db, sql: "SELECT SUM(billsec) * 1.0 / SUM(answered) FROM rollup_carrier_day")!
            XCTAssertTrue((120...260).contains(acd), "ACD \(acd)")
            // Daytime is busier than night.
            let night = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cdrs WHERE (start_at % 86400) / 3600 = 3")!
            let day = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cdrs WHERE (start_at % 86400) / 3600 = 13")!
            XCTAssertGreaterThan(day, night * 3)
            XCTAssertGreaterThan(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cdrs WHERE dtmf_digits > 0") ?? 0, 0)
            XCTAssertGreaterThan(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cdrs WHERE sell_micros IS NULL") ?? 0, 0,
                                 "some calls are unrated")
            // One registration sample for every minute of the history, and one for the minute the run started in.
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM registration_samples WHERE minute BETWEEN ? AND ?",
                                            arguments: [now - 86_400, now]), 1_441)
            XCTAssertGreaterThan(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM registrations") ?? 0, 0)
        }
    }

    func testAdvanceWritesStartsAnswersAndEndsLikeASwitch() throws {
        let temporary = try TemporaryStore()
        let start: Int64 = 1_763_683_200 + 14 * 3_600  // Friday, 14:00 UTC
        let simulator = try Simulator(store: temporary.store, options: smallOptions(cps: 20), now: start)
        try simulator.advance(to: start + 5)
        let liveAfterStart = try temporary.store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM calls_in_progress")! }
        XCTAssertGreaterThan(liveAfterStart, 20)
        XCTAssertEqual(liveAfterStart, simulator.liveCalls)
        for second in stride(from: start + 6, through: start + 600, by: 3) { try simulator.advance(to: second) }
        try temporary.store.read { db in
            let cdrs = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cdrs")!
            XCTAssertGreaterThan(cdrs, 1_000)
            let live = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM calls_in_progress")!
            XCTAssertEqual(live, simulator.liveCalls)
            // No call is both live and finished.
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM calls_in_progress p JOIN cdrs c ON c.call_key = p.call_key"), 0)
            // Answered live calls have their answer time written, and it is not in the future.
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM calls_in_progress WHERE answer_at > ?", arguments: [start + 600]), 0)
            XCTAssertGreaterThan(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM calls_in_progress WHERE answer_at IS NOT NULL")!, 0)
        }
        let snapshot = try MetricsEngine(store: temporary.store).dashboard(at: start + 600, liveWindow: 60, tableRows: 5)
        XCTAssertEqual(snapshot.counters.liveChannels, simulator.liveCalls)
        XCTAssertEqual(snapshot.liveChannels.last, simulator.liveCalls)
        XCTAssertEqual(snapshot.topCustomers.count, 5)

        // Stopping ends every open call now, as a switch shutting down would: no live row is left behind.
        let before = try temporary.store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM cdrs")! }
        let open = simulator.liveCalls
        try simulator.stop(at: start + 601)
        try temporary.store.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM calls_in_progress"), 0)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cdrs"), before + open)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cdrs WHERE end_at > ?", arguments: [start + 601]), 0)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT SUM(attempts) FROM rollup_customer_day"), before + open)
        }
    }

    func testASecondRunReusesTheNetworkAndDropsStaleLiveCalls() throws {
        let temporary = try TemporaryStore()
        let now: Int64 = 1_763_740_800
        let first = try Simulator(store: temporary.store, options: smallOptions(cps: 20), now: now)
        try first.advance(to: now + 10)
        XCTAssertGreaterThan(first.liveCalls, 0)
        _ = try Simulator(store: temporary.store, options: smallOptions(cps: 20), now: now + 20)
        try temporary.store.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customers"), 30)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM calls_in_progress"), 0)
        }
    }
}
