import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

/// The counts of calls in progress by group and start second (`live_calls_by_group`, `live_calls_by_start`) are
/// kept by triggers whoever writes `calls_in_progress`: after random starts, ends, answers and changes they equal
/// a count of the rows themselves, and so do the panes read from them.
final class LiveSummaryTests: XCTestCase {
    func testCountsFollowRandomWritesToTheLiveTable() throws {
        let temporary = try TemporaryStore()
        var random = seededRandom()
        try temporary.store.write { db in
            for index in 1...4 {
                try Accounts.addCustomer(.init(accountCode: "C\(index)", name: "C\(index)", channelsConfigured: 9, rateCardID: nil),
                                         createdAt: 0, in: db)
                try Accounts.addCarrier(name: "K\(index)", channelsConfigured: 9, rateCardID: nil, in: db)
                try Accounts.addDID(number: "+4122000000\(index)", customerID: Int64(index), in: db)
            }
        }
        func maybe(_ range: ClosedRange<Int64>) -> Int64? {
            Bool.random(using: &random) ? Int64.random(in: range, using: &random) : nil
        }
        var keys: [String] = []
        for round in 0..<30 {
            try temporary.store.write { db in
                for step in 0..<40 {
                    switch Int.random(in: 0..<10, using: &random) {
                    case 0..<5:
                        let key = "r\(round)s\(step)"
                        try db.execute(sql: """
                            INSERT INTO calls_in_progress (call_key, source, start_at, customer_id, carrier_id, did_id)
                            VALUES (?, 'test', ?, ?, ?, ?)
                            """, arguments: [key, 1_000 + Int64.random(in: 0...30, using: &random), maybe(1...4),
                                             maybe(1...4), maybe(1...4)])
                        keys.append(key)
                    case 5..<8 where !keys.isEmpty:
                        let key = keys.remove(at: Int.random(in: 0..<keys.count, using: &random))
                        try db.execute(sql: "DELETE FROM calls_in_progress WHERE call_key = ?", arguments: [key])
                    case 8 where !keys.isEmpty:
                        try db.execute(sql: """
                            UPDATE calls_in_progress SET start_at = ?, customer_id = ?, did_id = ? WHERE call_key = ?
                            """, arguments: [1_000 + Int64.random(in: 0...30, using: &random), maybe(1...4), maybe(1...4),
                                             keys.randomElement(using: &random)!])
                    case 9 where !keys.isEmpty:
                        try db.execute(sql: "UPDATE calls_in_progress SET answer_at = 1031 WHERE call_key = ?",
                                       arguments: [keys.randomElement(using: &random)!])
                    default:
                        break
                    }
                }
                if round == 20 { try db.execute(sql: "DELETE FROM calls_in_progress WHERE source = 'test' AND start_at < 1010") }
            }
            let (summary, calls) = try summaryAndCalls(temporary.store)
            XCTAssertEqual(summary, LiveSummary(calls), "round \(round)")
            XCTAssertEqual(summary.count, calls.count)
        }
        // The panes read from the counts equal a count of the calls.
        let calls = try summaryAndCalls(temporary.store).calls
        let engine = MetricsEngine(store: temporary.store)
        for grouping in [FigureGrouping.total, .customer, .carrier, .did, .customerCarrier(customer: 2)] {
            var expected: [Int64: Int] = [:]
            for call in calls { if let group = grouping.group(of: call) { expected[group, default: 0] += 1 } }
            XCTAssertEqual(try engine.channelsInUse(groupedBy: grouping), expected, "\(grouping)")
        }
        let now: Int64 = 1_040
        let series = try engine.dashboard(at: now, liveWindow: 60, tableRows: 3).liveChannels
        for (offset, value) in series.enumerated() {
            let second = now - 59 + Int64(offset)
            XCTAssertEqual(value, calls.filter { $0.start <= second }.count, "second \(second)")
        }
    }

    private func summaryAndCalls(_ store: SQLiteStore) throws -> (summary: LiveSummary, calls: [LiveCall]) {
        try store.read { (session: any StoreReadSession) in (try session.liveSummary(), try session.callsInProgress()) }
    }
}
