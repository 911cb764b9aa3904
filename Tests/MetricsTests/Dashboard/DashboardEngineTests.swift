import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

final class DashboardEngineTests: XCTestCase {
    func testLiveChannelsMatchABruteForceCountPerSecond() throws {
        let temporary = try TemporaryStore()
        let now: Int64 = 1_700_000_000
        var random = seededRandom()
        var intervals: [(Int64, Int64)] = []
        var records: [CallRecord] = []
        for index in 0..<800 {
            let start = now - Int64.random(in: 0...1_500, using: &random)
            let end = start + Int64.random(in: 0...900, using: &random)
            if end <= now {
                records.append(.make(key: "c\(index)", start: start, answerAfter: 0, end: end))
                intervals.append((start, end))
            }
        }
        var running: [Int64] = []
        for index in 0..<40 { running.append(now - Int64.random(in: 0...700, using: &random) + (index == 0 ? 0 : 0)) }
        try temporary.store.write { db in
            try CDRWriter.insert(records, in: db)
            for (index, start) in running.enumerated() {
                try db.execute(sql: "INSERT INTO calls_in_progress (call_key, source, start_at) VALUES (?, 'test', ?)",
                               arguments: ["live\(index)", start])
            }
        }
        let snapshot = try MetricsEngine(store: temporary.store).dashboard(at: now, liveWindow: 600, tableRows: 5)
        XCTAssertEqual(snapshot.liveChannels.count, 600)
        for (offset, value) in snapshot.liveChannels.enumerated() {
            let second = now - 599 + Int64(offset)
            let finished = intervals.filter { $0.0 <= second && second < $0.1 }.count
            let live = running.filter { $0 <= second }.count
            XCTAssertEqual(value, finished + live, "second \(second)")
        }
        XCTAssertEqual(snapshot.liveChannels.last, 40 + intervals.filter { $0.0 <= now && now < $0.1 }.count)
        XCTAssertEqual(snapshot.counters.liveChannels, 40)
    }

    func testCountersAndTopBottomTables() throws {
        let temporary = try TemporaryStore()
        try temporary.store.write { db in
            let card = try Accounts.addRateCard(name: "Retail", direction: .sell, rates: [], in: db)
            try Accounts.addRateCard(name: "Carrier buy", direction: .buy, rates: [], in: db)
            var ids: [Int64] = []
            for (index, name) in ["Alpha", "Bravo", "Charlie", "Delta"].enumerated() {
                ids.append(try Accounts.addCustomer(
                    .init(accountCode: "C\(index)", name: name, active: name != "Delta", channelsConfigured: 10 * (index + 1),
                          rateCardID: card), createdAt: 0, in: db))
            }
            try Accounts.addCarrier(name: "Telia", channelsConfigured: 100, rateCardID: nil, in: db)
            // Bravo holds 3 channels, Charlie 1, Alpha none; Delta is suspended.
            for (index, customer) in [ids[1], ids[1], ids[1], ids[2]].enumerated() {
                try db.execute(
                    sql: "INSERT INTO calls_in_progress (call_key, source, start_at, customer_id) VALUES (?, 't', 0, ?)",
                    arguments: ["k\(index)", customer])
            }
        }
        let snapshot = try MetricsEngine(store: temporary.store).dashboard(at: 10, liveWindow: 5, tableRows: 2)
        XCTAssertEqual(snapshot.counters, Counters(liveChannels: 4, configuredChannels: 60, activeCustomers: 3,
                                                   carriers: 1, rateCards: 2))
        XCTAssertEqual(snapshot.topCustomers, [ChannelUsage(name: "Bravo", inUse: 3, configured: 20),
                                               ChannelUsage(name: "Charlie", inUse: 1, configured: 30)])
        XCTAssertEqual(snapshot.bottomCustomers, [ChannelUsage(name: "Alpha", inUse: 0, configured: 10),
                                                  ChannelUsage(name: "Charlie", inUse: 1, configured: 30)])
        XCTAssertEqual(snapshot.liveChannels, [4, 4, 4, 4, 4])
    }

    func testEmptyStoreGivesZerosNotErrors() throws {
        let temporary = try TemporaryStore()
        let snapshot = try MetricsEngine(store: temporary.store).dashboard(at: 1_000, liveWindow: 3, tableRows: 3)
        XCTAssertEqual(snapshot.counters, Counters(liveChannels: 0, configuredChannels: 0, activeCustomers: 0, carriers: 0, rateCards: 0))
        XCTAssertEqual(snapshot.liveChannels, [0, 0, 0])
        XCTAssertTrue(snapshot.topCustomers.isEmpty)
        XCTAssertTrue(snapshot.bottomCustomers.isEmpty)
    }
}
