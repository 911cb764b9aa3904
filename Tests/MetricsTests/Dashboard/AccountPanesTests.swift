import Foundation
import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

final class AccountPanesTests: XCTestCase {
    private func store() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        try temporary.store.write { db in
            for (name, channels, status) in [("Kappa", 30, "active"), ("Alpha", 60, "active"), ("Beta", 10, "active"),
                                             ("Off", 5, "disabled")] {
                let id = try Accounts.addCarrier(name: name, channelsConfigured: channels, rateCardID: nil, in: db)
                try db.execute(sql: "UPDATE carriers SET status = ? WHERE id = ?", arguments: [status, id])
            }
            let acme = try Accounts.addCustomer(.init(accountCode: "A", name: "Acme", channelsConfigured: 10,
                                                      balance: Money(micros: 1_500_000), debitLimit: Money(micros: -100_000_000),
                                                      rateCardID: nil), createdAt: 0, in: db)
            try Accounts.addCustomer(.init(accountCode: "B", name: "Bolt", channelsConfigured: 10,
                                           balance: Money(micros: -250_000_000), debitLimit: Money(micros: 200_000_000),
                                           rateCardID: nil), createdAt: 0, in: db)
            try Accounts.addCustomer(.init(accountCode: "S", name: "Sleep", active: false, channelsConfigured: 10,
                                           balance: Money(micros: -9_000_000_000), rateCardID: nil), createdAt: 0, in: db)
            for number in ["+41220000003", "+41220000001", "+41220000002"] {
                try Accounts.addDID(number: number, customerID: acme, in: db)
            }
            // Alpha 3 calls (2 on DID 3 "+…2", 1 without), Kappa 1 on DID 1 "+…3"; Off 1 (a disabled carrier still
            // carrying a call); one call with neither carrier nor DID.
            let calls: [(Int64?, Int64?)] = [(2, 3), (2, 3), (2, nil), (1, 1), (4, nil), (nil, nil)]
            for (index, (carrier, did)) in calls.enumerated() {
                try db.execute(sql: """
                    INSERT INTO calls_in_progress (call_key, source, start_at, carrier_id, did_id) VALUES (?, 't', 0, ?, ?)
                    """, arguments: ["k\(index)", carrier, did])
            }
        }
        return temporary
    }

    func testCarrierAndDIDChannelTables() throws {
        let temporary = try store()
        let tables = try MetricsEngine(store: temporary.store).channelTables(rows: 2)
        XCTAssertEqual(tables.topCarriers, [ChannelUsage(name: "Alpha", inUse: 3, configured: 60),
                                            ChannelUsage(name: "Kappa", inUse: 1, configured: 30)])
        // Active carriers only, idle ones first; ties by name.
        XCTAssertEqual(tables.bottomCarriers, [ChannelUsage(name: "Beta", inUse: 0, configured: 10),
                                               ChannelUsage(name: "Kappa", inUse: 1, configured: 30)])
        XCTAssertEqual(tables.topDIDs, [ChannelUsage(name: "+41220000002", inUse: 2, configured: nil),
                                        ChannelUsage(name: "+41220000003", inUse: 1, configured: nil)])
        XCTAssertEqual(tables.bottomDIDs, [ChannelUsage(name: "+41220000001", inUse: 0, configured: nil),
                                           ChannelUsage(name: "+41220000003", inUse: 1, configured: nil)])
        let all = try MetricsEngine(store: temporary.store).channelTables(rows: 10)
        XCTAssertEqual(all.topCarriers.map(\.name), ["Alpha", "Kappa", "Off"])
        XCTAssertEqual(all.bottomCarriers.map(\.name), ["Beta", "Kappa", "Alpha"])
        XCTAssertEqual(all.bottomDIDs.count, 3)
        XCTAssertEqual(try MetricsEngine(store: temporary.store).channelTables(rows: 0),
                       ChannelTables(topCarriers: [], bottomCarriers: [], topDIDs: [], bottomDIDs: []))
    }

    func testBalanceOfActiveCustomersAndOfOne() throws {
        let temporary = try store()
        let engine = MetricsEngine(store: temporary.store)
        let total = try engine.accountBalance()
        XCTAssertEqual(total, AccountBalance(accounts: 2, balance: Money(micros: -248_500_000),
                                             floor: Money(micros: -300_000_000), currency: "USD", accountsPastLimit: 1))
        XCTAssertFalse(total.isPastLimit)
        XCTAssertEqual(total.available, Money(micros: 51_500_000))
        let bolt = try engine.accountBalance(customerID: 2)
        XCTAssertEqual(bolt, AccountBalance(accounts: 1, balance: Money(micros: -250_000_000),
                                            floor: Money(micros: -200_000_000), currency: "USD", accountsPastLimit: 1))
        XCTAssertTrue(bolt.isPastLimit, "a limit stored as +200 still means it may owe 200")
        // A suspended customer asked for by id is still that customer's balance.
        XCTAssertEqual(try engine.accountBalance(customerID: 3).balance, Money(micros: -9_000_000_000))
        try temporary.store.write { try $0.execute(sql: "UPDATE customers SET currency = 'EUR' WHERE id = 2") }
        XCTAssertNil(try engine.accountBalance().currency, "mixed currencies are not summed under one name")
        XCTAssertEqual(try engine.accountBalance(customerID: 99),
                       AccountBalance(accounts: 0, balance: Money(micros: 0), floor: Money(micros: 0), currency: nil,
                                      accountsPastLimit: 0))
    }

    /// One read gives every pane asked for, the same as the separate calls; the basic request leaves them out.
    func testSnapshotCarriesTheRequestedPanes() throws {
        let temporary = try store()
        let now = Int64(Date().timeIntervalSince1970)
        var random = seededRandom()
        try writeInBatches(randomRecords(500, endingAt: now, spread: 3 * 86_400, carriers: 3, using: &random),
                           to: temporary.store, using: &random)
        let engine = MetricsEngine(store: temporary.store)
        let basic = try engine.dashboard(at: now, liveWindow: 10, tableRows: 3)
        XCTAssertTrue(basic.liveChannels.allSatisfy { $0 >= 6 }, "the six calls in progress started at 0")
        XCTAssertNil(basic.history)
        XCTAssertNil(basic.quality)
        XCTAssertNil(basic.channelTables)
        XCTAssertNil(basic.checklist)
        XCTAssertNil(basic.balance)
        for range in HistoryRange.allCases {
            for customer in [nil, 2] as [Int64?] {
                let request = SnapshotRequest(liveWindow: 10, tableRows: 3, history: range, customerID: customer)
                let snapshot = try engine.dashboard(at: now, request: request)
                XCTAssertEqual(snapshot.counters, basic.counters)
                XCTAssertEqual(snapshot.topCustomers, basic.topCustomers)
                XCTAssertEqual(snapshot.liveChannels, basic.liveChannels, "one pass over the live calls serves all")
                XCTAssertEqual(snapshot.history, try engine.history(range, at: now))
                XCTAssertEqual(snapshot.quality, try engine.carrierQuality(range, at: now))
                XCTAssertEqual(snapshot.channelTables, try engine.channelTables(rows: 3))
                XCTAssertEqual(snapshot.checklist, try engine.checklist(at: now, customerID: customer))
                XCTAssertEqual(snapshot.balance, try engine.accountBalance(customerID: customer))
            }
        }
    }
}
