import Foundation
import LocalServers
import Metrics
import ServerStore
import ServerTestSupport
import TermDashTestSupport
import XCTest

/// `termdash feed kamailio` into the servers (PostgreSQL and the two-shard ClickHouse cluster) beside a second feed
/// of the same Kamailio into an embedded store: while calls are held, the servers' channels equal Kamailio's
/// dialogs; the servers' feed is killed (SIGKILL) at random moments throughout and started again; at the end both
/// stores report the same figures, row for row, and hold each `acc_cdrs` row once.
final class KamailioServerStoreEndToEndTests: XCTestCase {
    private var lab: KamailioLab?
    private var serverFeed: pid_t?

    override func setUpWithError() throws {
        let missing = KamailioLab.missingPrograms
        try XCTSkipUnless(missing.isEmpty, "\(missing.joined(separator: ", ")) not installed: `make test` installs "
            + "kamailio, kamailio-sqlite-modules, sip-tester and sqlite3 (apt-get)")
    }

    override func tearDown() {
        if let serverFeed { KamailioLab.stop(serverFeed) }
        serverFeed = nil
        lab?.tearDown()
        lab = nil
    }

    func testAFeedIntoTheServersKilledAtRandomEqualsAFeedIntoTheEmbeddedStore() throws {
        var random = seededRandom()
        let lab = try KamailioLab()
        self.lab = lab
        let settings = try TestServers.settings(cluster: true)
        let servers = ["--store-kind", "servers", "--postgres", settings.postgres]
            + settings.clickhouse.flatMap { ["--clickhouse", $0] }
        func openServers() throws -> any MetricStore { try ServerStore(settings) }
        var kills = 0
        func startServerFeed() throws {
            serverFeed = try lab.startFeed(into: servers, log: "feed-servers")
        }
        /// Kills the servers' feed after a random moment of its run (0.1–1.2 s), then starts it again.
        func killServerFeedAtRandom() throws {
            Thread.sleep(forTimeInterval: Double.random(in: 0.1...1.2, using: &random))
            if let serverFeed {
                kill(serverFeed, SIGKILL)
                _ = LocalServers.wait(serverFeed)
                kills += 1
            }
            try startServerFeed()
        }

        try lab.startCarriers()
        try lab.startKamailio()
        try lab.startFeed()
        try startServerFeed()
        try lab.waitForFeedRefresh()
        try lab.waitForFeedRefresh(of: openServers)

        // Registrations reach the servers as they reach the embedded store.
        try lab.register(customer: "acme", endpoints: 2, prefix: "10")
        func registrations(_ store: any MetricStore) throws -> [String: Int] {
            let codes = Dictionary(uniqueKeysWithValues: try store.accounts().customers.map { ($0.id, $0.accountCode) })
            var result: [String: Int] = [:]
            for (id, count) in try MetricsEngine(store: store).registrationsByCustomer() { result[codes[id] ?? "?"] = count }
            return result
        }
        try lab.waitUntil("both stores hold the 2 registrations", timeout: 10) {
            try registrations(SQLiteStore(path: lab.storePath, readOnly: true)) == ["acme": 2]
                && registrations(openServers()) == ["acme": 2]
        }

        // Held: acme 3 calls to alpha with DTMF, bravo 1; short: acme 2 to beta (busy), bravo 2 with no route.
        let hold = 7_000
        try lab.call(customer: "acme", number: "1001", calls: 3, holdMilliseconds: hold, dtmf: true)
        try lab.call(customer: "bravo", number: "1002", calls: 1, holdMilliseconds: hold)
        try lab.call(customer: "acme", number: "2001", calls: 2)
        try lab.call(customer: "bravo", number: "9001", calls: 2)
        let held = ["customer:acme": 3, "customer:bravo": 1, "carrier:alpha": 4, "carrier:beta": 0]
        func channels(_ store: [String]) throws -> [String: Int] {
            let rows = try lab.report("channels", store: store)
            return Dictionary(uniqueKeysWithValues: held.keys.map { ($0, rows[$0]?["in_use"] as? Int ?? 0) })
        }
        try lab.waitUntil("the servers' channels equal Kamailio's held calls", timeout: 10) { try channels(servers) == held }
        // Killed and started again while the calls are held: the calls in progress are Kamailio's, no more.
        try killServerFeedAtRandom()
        try lab.waitForFeedRefresh(of: openServers)
        XCTAssertEqual(try channels(servers), held)
        XCTAssertEqual(try channels(lab.ownStore), held)

        // More calls while the feed is killed again and again: a kill can land anywhere in a write (its
        // PostgreSQL transaction, its ClickHouse insert, its rollups).
        try lab.call(customer: "acme", number: "2002", calls: 12, holdMilliseconds: 300)
        try lab.call(customer: "bravo", number: "1003", calls: 8, holdMilliseconds: 500)
        for _ in 0..<6 { try killServerFeedAtRandom() }
        lab.waitForCallers()
        // Kamailio writes a call's row at its end, which may come a moment after the caller exits.
        func accRows() throws -> Int {
            let count = try EndToEnd.run(try KamailioLab.which("sqlite3"), [lab.accPath, "SELECT COUNT(*) FROM acc_cdrs"])
            return Int(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        }
        try lab.waitUntil("Kamailio's accounting holds the 28 calls", timeout: 10) { try accRows() == 28 }
        let rows = try accRows()
        XCTAssertEqual(rows, 28)
        func attempts(_ store: [String]) throws -> Int {
            try lab.report("customers", store: store).values.reduce(0) { $0 + ($1["attempts"] as? Int ?? 0) }
        }
        try lab.waitUntil("both stores hold the \(rows) CDRs", timeout: 40) {
            try attempts(lab.ownStore) == rows && attempts(servers) == rows
        }
        try lab.waitUntil("no call in progress is left on the servers", timeout: 10) {
            try channels(servers).values.allSatisfy { $0 == 0 }
        }
        XCTAssertEqual(kills, 7)

        // Row for row: every figure of the customers' and carriers' reports.
        for kind in ["customers", "carriers"] {
            let embedded = try lab.termdash(["report", kind, "--format", "csv", "--period", "live"])
            let onServers = try lab.termdash(["report", kind, "--format", "csv", "--period", "live"], store: servers)
            XCTAssertTrue(embedded.contains(kind == "customers" ? "acme" : "alpha"), embedded)
            XCTAssertEqual(onServers, embedded, kind)
        }
        let acme = try XCTUnwrap(lab.report("customers", store: servers)["acme"])
        XCTAssertEqual(acme["attempts"] as? Int, 17)
        XCTAssertEqual(acme["answered"] as? Int, 3)
        XCTAssertEqual(acme["busy"] as? Int, 14)
        XCTAssertEqual(acme["dtmf_digits"] as? Int, 6)
    }
}
