import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

final class PerGroupLiveTests: XCTestCase {
    private struct Call {
        var start: Int64
        var end: Int64
        var customer: Int64?
        var carrier: Int64?
        var did: Int64?

        /// nil: the grouping leaves the call out.
        func group(_ grouping: FigureGrouping) -> Int64? {
            switch grouping {
            case .total: return 0
            case .customer: return customer ?? 0
            case .carrier: return carrier ?? 0
            case .did: return did ?? 0
            case .customerCarrier(let only): return (customer ?? 0) == only ? carrier ?? 0 : nil
            }
        }
    }

    /// Channels in use and registrations per group equal recounts over the raw calls.
    func testPerGroupLiveFiguresMatchRecounts() throws {
        let temporary = try TemporaryStore()
        var random = seededRandom()
        let now: Int64 = 1_700_003_600
        try temporary.store.write { db in
            for index in 1...3 {
                try Accounts.addCustomer(.init(accountCode: "C\(index)", name: "C\(index)", channelsConfigured: 1, rateCardID: nil), createdAt: 0, in: db)
                try Accounts.addCarrier(name: "K\(index)", channelsConfigured: 1, rateCardID: nil, in: db)
                try Accounts.addDID(number: "+4122000000\(index)", customerID: Int64(index), in: db)
            }
        }
        var finished: [Call] = []
        for _ in 0..<2_000 {
            let start = now - Int64.random(in: 0...7_200, using: &random) / 3 * 3
            finished.append(Call(start: start, end: min(now, start + Int64.random(in: 0...900, using: &random)),
                                 customer: Bool.random(using: &random) ? Int64.random(in: 1...3, using: &random) : nil,
                                 carrier: Int64.random(in: 1...3, using: &random),
                                 did: Bool.random(using: &random) ? Int64.random(in: 1...3, using: &random) : nil))
        }
        let running = (0..<30).map { _ in
            Call(start: now - Int64.random(in: 0...3_000, using: &random), end: now,
                 customer: Int64.random(in: 1...3, using: &random), carrier: Int64.random(in: 1...3, using: &random), did: nil)
        }
        try temporary.store.write { db in
            try CDRWriter.insert(finished.enumerated().map { index, call in
                CallRecord(source: "t", rowKey: "k\(index)", startAt: call.start, answerAt: nil, endAt: call.end,
                           duration: Int(call.end - call.start), billsec: 0, disposition: .noAnswer,
                           customerID: call.customer, carrierID: call.carrier, didID: call.did, dtmfDigits: nil,
                           sell: nil, buy: nil)
            }, in: db)
            for (index, call) in running.enumerated() {
                try db.execute(sql: "INSERT INTO calls_in_progress (call_key, source, start_at, customer_id, carrier_id) VALUES (?, 't', ?, ?, ?)",
                               arguments: ["r\(index)", call.start, call.customer, call.carrier])
            }
            for index in 0..<7 {
                try db.execute(sql: "INSERT INTO registrations (endpoint, customer_id, registered_at, expires_at) VALUES (?, ?, 0, 1)",
                               arguments: ["sip:\(index)", index < 3 ? 1 : index < 6 ? 2 : nil])
            }
        }
        let engine = MetricsEngine(store: temporary.store)
        let groupings: [FigureGrouping] = [.total, .customer, .carrier, .did, .customerCarrier(customer: 2),
                                           .customerCarrier(customer: 0)]
        XCTAssertEqual(try engine.registrationsByCustomer(), [1: 3, 2: 3, 0: 1])
        for grouping in groupings {
            XCTAssertEqual(try engine.channelsInUse(groupedBy: grouping),
                           Dictionary(grouping: running.filter { $0.group(grouping) != nil }, by: { $0.group(grouping)! })
                               .mapValues(\.count), "\(grouping)")
        }
    }
}
