import Foundation
import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

/// The feed's CDR side against a real accounting database made by the reference schema (integrations/kamailio/acc.sql),
/// with Kamailio's JSON-RPC unreachable (a closed loopback port): CDRs mapped and rated, each stored once across
/// restarts of the feed, the feed down on the checklist. The live side runs against a real Kamailio in
/// KamailioEndToEndTests.
final class KamailioFeedTests: XCTestCase {
    private let now: Int64 = 1_700_000_000
    private var directory: URL!
    private var acc: DatabaseQueue!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("termdash-acc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        acc = try DatabaseQueue(path: directory.appendingPathComponent("acc.db").path)
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("integrations/kamailio/acc.sql")
        let sql = try String(contentsOf: schema, encoding: .utf8)
        // journal_mode cannot change inside the migration's transaction; the rest is the file as Kamailio's lab runs it.
        try acc.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }

    override func tearDown() {
        acc = nil
        try? FileManager.default.removeItem(at: directory)
    }

    /// A row as the reference config's acc writes it (NULL for what it leaves empty).
    private func addRow(_ id: Int64?, callID: String, customer: String, carrier: String?, dst: String, code: String,
                        dtmf: Int = 0, invite: Double, answer: Double? = nil, end: Double) throws {
        try acc.write { db in
            try db.execute(sql: """
                INSERT INTO acc_cdrs (id, start_time, end_time, duration, callid, customer, carrier, src, dst, sip_code,
                    dtmf, invite_ts, answer_ts, end_ts)
                VALUES (?, 2461378.5, 2461378.5, 0, ?, ?, ?, '1000', ?, ?, ?, ?, ?, ?)
                """, arguments: [id, callID, customer, carrier, dst, code, String(dtmf), String(invite),
                                 answer.map { String($0) }, String(end)])
        }
    }

    private func feed(_ store: SQLiteStore) throws -> KamailioFeed {
        var settings = KamailioFeedSettings(
            name: "edge", rpc: .http(host: "127.0.0.1", port: try closedPort(), path: "/RPC"),
            accPath: directory.appendingPathComponent("acc.db").path)
        settings.registrations = false
        return try KamailioFeed(store: store, settings: settings)
    }

    /// What the store holds of the feed's CDRs, by call key: (start, answer, end, billsec, disposition, customer,
    /// carrier, dtmf, sell micros).
    private func stored(_ store: SQLiteStore) throws -> [String: [String]] {
        try store.read { db in
            var result: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT c.call_key, c.start_at, c.answer_at, c.end_at, c.billsec, c.disposition, cu.account_code,
                    ca.name, c.dtmf_digits, c.sell_micros
                FROM cdrs c LEFT JOIN customers cu ON cu.id = c.customer_id LEFT JOIN carriers ca ON ca.id = c.carrier_id
                WHERE c.source = 'edge'
                """) {
                let key: String = row[0]
                XCTAssertNil(result[key], "\(key) stored twice")
                result[key] = (1...9).map { (row[$0] as DatabaseValue).description }
            }
            return result
        }
    }

    func testCDRsAreMappedRatedAndStoredOnceAcrossRestarts() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let card = try store.addRateCard(name: "retail", direction: .sell, rates: [
            Rate(prefix: "1", perMinute: Money(micros: 600_000), initialSeconds: 1, incrementSeconds: 1),
        ])
        try store.addCustomer(.init(accountCode: "acme", name: "Acme", channelsConfigured: 10, rateCardID: card), createdAt: 0)
        let t = Double(now - 100)
        try addRow(nil, callID: "a1", customer: "acme", carrier: "alpha", dst: "1001", code: "200", dtmf: 2,
                   invite: t + 0.2, answer: t + 1.3, end: t + 31.1)
        try addRow(nil, callID: "b1", customer: "bravo", carrier: "beta", dst: "2001", code: "486", invite: t + 2, end: t + 2.1)
        try addRow(nil, callID: "n1", customer: "bravo", carrier: nil, dst: "9001", code: "404", invite: t + 3, end: t + 3)
        try addRow(nil, callID: "c1", customer: "acme", carrier: "beta", dst: "2002", code: "503", invite: t + 4, end: t + 4.5)
        try addRow(nil, callID: "r1", customer: "acme", carrier: "alpha", dst: "1002", code: "487", invite: t + 5, end: t + 9)

        let first = try feed(store).refresh(now: now)
        XCTAssertEqual(first.cdrs, 5)
        XCTAssertNotNil(first.problem, "nothing listens on the RPC port")
        let start = now - 100
        let expected: [String: [String]] = [
            // 30 s at 0.60 a minute: 0.30; unanswered calls cost 0 where a rate matches, and stay unrated where
            // none does (2002) or the customer has no card (bravo).
            "a1": ["\(start)", "\(start + 1)", "\(start + 31)", "30", "\"answered\"", "\"acme\"", "\"alpha\"", "2", "300000"],
            "b1": ["\(start + 2)", "NULL", "\(start + 2)", "0", "\"busy\"", "\"bravo\"", "\"beta\"", "0", "NULL"],
            "n1": ["\(start + 3)", "NULL", "\(start + 3)", "0", "\"failed\"", "\"bravo\"", "NULL", "0", "NULL"],
            "c1": ["\(start + 4)", "NULL", "\(start + 4)", "0", "\"congestion\"", "\"acme\"", "\"beta\"", "0", "NULL"],
            "r1": ["\(start + 5)", "NULL", "\(start + 9)", "0", "\"no_answer\"", "\"acme\"", "\"alpha\"", "0", "0"],
        ]
        XCTAssertEqual(try stored(store), expected)

        // A restarted feed reads on from the stored cursor: nothing again, then only what is new.
        let restarted = try feed(store)
        XCTAssertEqual(try restarted.refresh(now: now + 1).cdrs, 0)
        try addRow(nil, callID: "a2", customer: "acme", carrier: "alpha", dst: "1003", code: "200",
                   invite: t + 10, answer: t + 11, end: t + 15)
        XCTAssertEqual(try feed(store).refresh(now: now + 2).cdrs, 1)
        XCTAssertEqual(try stored(store).count, 6)

        // The accounting database made anew (ids from 1 again, below the cursor): read from the start, a call
        // stored before is not stored twice.
        try acc.write { db in try db.execute(sql: "DELETE FROM acc_cdrs") }
        try addRow(1, callID: "a2", customer: "acme", carrier: "alpha", dst: "1003", code: "200",
                   invite: t + 10, answer: t + 11, end: t + 15)
        try addRow(2, callID: "a3", customer: "acme", carrier: "alpha", dst: "1003", code: "200",
                   invite: t + 20, answer: t + 21, end: t + 22)
        XCTAssertEqual(try feed(store).refresh(now: now + 3).cdrs, 1)
        XCTAssertEqual(try stored(store).count, 7)
        // Counted into the rollups like any CDR.
        XCTAssertEqual(try store.read { try Int.fetchOne($0, sql: "SELECT SUM(attempts) FROM rollup_network_minute") }, 7)
    }

    /// Times and counts no call has — a call of 31 years, times past any clock, a billion DTMF digits — are bounded
    /// (the call ends at 31 days; an impossible time counts as missing), never fatal: the feed goes on.
    func testTimesAndCountsNoCallHasAreBoundedNotFatal() throws {
        let temporary = try TemporaryStore()
        let t = Double(now - 100)
        try addRow(nil, callID: "long", customer: "acme", carrier: "alpha", dst: "1001", code: "200", dtmf: 9_999_999_999,
                   invite: t, answer: t + 1, end: t + 1e9)
        try addRow(nil, callID: "far", customer: "acme", carrier: "alpha", dst: "1001", code: "486", invite: t + 2,
                   end: 1e300)
        XCTAssertEqual(try feed(temporary.store).refresh(now: now).cdrs, 2)
        let stored = try stored(temporary.store)
        let start = now - 100
        let longest = Int64(CallRecord.longestSeconds)
        XCTAssertEqual(stored["long"]?.prefix(4), ["\(start)", "\(start + 1)", "\(start + longest)", "\(longest - 1)"])
        XCTAssertEqual(stored["long"]?[7], "1000000")
        XCTAssertEqual(stored["far"]?.prefix(4), ["\(start + 2)", "NULL", "\(start + 2)", "0"])
    }

    func testTheDIDColumnWhenMapped() throws {
        let temporary = try TemporaryStore()
        try addRow(nil, callID: "d1", customer: "acme", carrier: "alpha", dst: "41445551234", code: "200",
                   invite: 10, answer: 11, end: 20)
        var settings = KamailioFeedSettings(
            name: "edge", rpc: .http(host: "127.0.0.1", port: try closedPort(), path: "/RPC"),
            accPath: directory.appendingPathComponent("acc.db").path)
        settings.registrations = false
        settings.columns.did = "dst"
        XCTAssertEqual(try KamailioFeed(store: temporary.store, settings: settings).refresh(now: now).cdrs, 1)
        let did = try temporary.store.read { db in
            try Row.fetchOne(db, sql: "SELECT d.number, cu.account_code FROM cdrs c JOIN dids d ON d.id = c.did_id JOIN customers cu ON cu.id = d.customer_id")
        }
        XCTAssertEqual(did?[0], "41445551234")
        XCTAssertEqual(did?[1], "acme")
    }

    func testADownFeedIsOnTheChecklistSinceItsFirstFailure() throws {
        let temporary = try TemporaryStore()
        let feed = try feed(temporary.store)
        try feed.refresh(now: now)
        try feed.refresh(now: now + 5)
        let items = try MetricsEngine(store: temporary.store).checklist(at: now + 5).filter { $0.kind == .feedDown }
        XCTAssertEqual(items.map(\.reason), ["feed edge down since 2023-11-14 22:13:20 UTC"])
        XCTAssertEqual(items.first?.severity, .alert)
        XCTAssertEqual(items.first?.title, "Switch feed down")
        let state = try temporary.store.write { try $0.feed(named: "edge") }
        XCTAssertEqual(state, FeedState(name: "edge", kind: "kamailio", cursor: 0, downSince: now, checkedAt: now + 5))
        // Back up: no item.
        try temporary.store.write { session in
            try session.storeFeed(FeedState(name: "edge", kind: "kamailio", cursor: 0, downSince: nil, checkedAt: now + 6))
        }
        XCTAssertEqual(try MetricsEngine(store: temporary.store).checklist(at: now + 6).filter { $0.kind == .feedDown }, [])
    }

    func testAMissingAccountingDatabaseIsAProblemNotAFailure() throws {
        let temporary = try TemporaryStore()
        var settings = KamailioFeedSettings(
            name: "edge", rpc: .http(host: "127.0.0.1", port: try closedPort(), path: "/RPC"),
            accPath: directory.appendingPathComponent("none.db").path)
        settings.registrations = false
        let result = try KamailioFeed(store: temporary.store, settings: settings).refresh(now: now)
        XCTAssertEqual(result.cdrs, 0)
        XCTAssertTrue(result.problem?.contains("none.db: no such file") ?? false, result.problem ?? "no problem")
    }

    /// A loopback TCP port nothing listens on.
    private func closedPort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 ? getsockname(fd, $0, &length) : -1 }
        }
        return UInt16(bigEndian: address.sin_port)
    }
}
