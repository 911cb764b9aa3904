import Foundation
import Metrics
import TermDashTestSupport
import XCTest

/// One customer's store: every figure the engine computes through a `ScopedStoreReader` equals a brute-force recount
/// over that customer's records alone, and the directory, live calls and carriers are theirs.
final class ScopedStoreReaderTests: XCTestCase {
    /// 2024-03-01 14:37:23 UTC: not on a minute, so windows have ragged edges.
    private let now: Int64 = 1_709_303_843

    func testFiguresOfEveryGroupingAreTheCustomersAlone() throws {
        var random = seededRandom()
        let temporary = try TemporaryStore()
        let store = temporary.store
        var customers: [Int64] = []
        for index in 1...4 {
            customers.append(try store.addCustomer(
                .init(accountCode: "C\(index)", name: "Customer \(index)", channelsConfigured: 10, rateCardID: nil),
                createdAt: 0))
        }
        var carriers: [Int64] = []
        for index in 1...4 {
            carriers.append(try store.addCarrier(name: "Carrier \(index)", channelsConfigured: 60, rateCardID: nil))
        }
        var records = randomRecords(3_000, endingAt: now, spread: 2 * 86_400, carriers: 4, customers: 4, using: &random)
        for index in records.indices {
            records[index].customerID = records[index].customerID.map { customers[Int($0) - 1] }
            records[index].carrierID = records[index].carrierID.map { carriers[Int($0) - 1] }
        }
        try writeInBatches(records, to: store, using: &random)
        let live = (0..<30).map { index in
            CallInProgress(callKey: "live\(index)", source: "test", startAt: now - Int64(index * 7),
                           customerID: index == 0 ? customers[1] : customers.randomElement(using: &random), carrierID: carriers.randomElement(using: &random))
        }
        try store.write { try $0.startCalls(live) }

        let target = customers[1]
        let engine = MetricsEngine(store: ScopedStoreReader(store, scope: CustomerScope(customerID: target)))
        let theirs = records.filter { $0.customerID == target }
        let windows: [(Int64, Int64)] = [
            (now - 3 * 3_600 + 17, now - 5), (now - 86_400, now), (now - 7_200 - now % 3_600, now - now % 3_600),
            (now - 2 * 86_400 + 61, now - 86_400 - 59), (now - 10, now), (now - 3_600, now),
        ]
        let groupings: [(FigureGrouping, (CallRecord) -> Int64)] = [
            (.total, { _ in 0 }), (.carrier, { $0.carrierID ?? 0 }), (.customer, { $0.customerID ?? 0 }),
        ]
        for (from, to) in windows {
            for (grouping, group) in groupings {
                let figures = try engine.figures(from: from, to: to, groupedBy: grouping, at: now)
                let inWindow = theirs.filter { $0.startAt >= from && $0.startAt < to }
                let expected = Dictionary(grouping: inWindow, by: group).mapValues(BruteForce.counts)
                for (id, counts) in expected {
                    XCTAssertEqual(figures[id]?.counts, counts, "\(grouping) [\(from), \(to)) group \(id)")
                }
                for (id, figure) in figures where expected[id] == nil {
                    XCTAssertEqual(figure.attempts, 0, "\(grouping) [\(from), \(to)) group \(id) is not theirs")
                }
            }
        }
        let snapshot = try engine.dashboard(at: now, request: SnapshotRequest())
        XCTAssertEqual(snapshot.counters.liveChannels, live.filter { $0.customerID == target }.count)
        XCTAssertEqual(snapshot.topCustomers.map(\.name), ["Customer 2"])
        let used = Set(theirs.compactMap(\.carrierID) + live.filter { $0.customerID == target }.compactMap(\.carrierID))
        let shown = try engine.store.read { try $0.carriers() }
        XCTAssertEqual(Set(shown.map(\.id)), used)
        XCTAssertEqual(Set(shown.map(\.name)), Set((1...used.count).map { "Route \($0)" }))
    }
}
