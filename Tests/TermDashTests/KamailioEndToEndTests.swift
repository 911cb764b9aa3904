import Foundation
import Metrics
import XCTest

/// The real thing: Kamailio with the reference config between sipp callers and two sipp carriers (alpha answers,
/// beta is busy), and `termdash feed kamailio` into a fresh store. While calls are held, the store's channels per
/// customer and carrier equal Kamailio's dialog counts; afterwards every figure equals what the scenario implies,
/// through a SIGKILL of the feed during the calls, a restart of Kamailio between two rounds of calls, and a third
/// round fed by the monitor itself from a `[sources.NAME]` of kind "kamailio".
final class KamailioEndToEndTests: XCTestCase {
    private var lab: KamailioLab?

    override func setUpWithError() throws {
        let missing = KamailioLab.missingPrograms
        try XCTSkipUnless(missing.isEmpty, "\(missing.joined(separator: ", ")) not installed: `make test` installs "
            + "kamailio, kamailio-sqlite-modules, sip-tester and sqlite3 (apt-get)")
    }

    override func tearDown() {
        lab?.tearDown()
        lab = nil
    }

    func testFeedMatchesKamailioThroughFeedKillsAKamailioRestartAndTheMonitorsOwnFeed() throws {
        let lab = try KamailioLab()
        self.lab = lab
        try lab.startCarriers()
        try lab.startKamailio()
        try lab.startFeed()
        try lab.waitForFeedRefresh()
        let hold = 8_000

        // Endpoints register: 3 of acme, 2 of bravo. The store's count per customer and the registrations graph
        // follow Kamailio's location table.
        try lab.register(customer: "acme", endpoints: 3, prefix: "10")
        try lab.register(customer: "bravo", endpoints: 2, prefix: "20")
        func kamailioRegistrations() throws -> Int { KamailioContact.dump(try lab.rpc("ul.dump")).count }
        func storeRegistrations() throws -> [String: Int] {
            let store = try SQLiteStore(path: lab.storePath, readOnly: true)
            let codes = Dictionary(uniqueKeysWithValues: try store.accounts().customers.map { ($0.id, $0.accountCode) })
            var result: [String: Int] = [:]
            for (id, count) in try MetricsEngine(store: store).registrationsByCustomer() { result[codes[id] ?? "?"] = count }
            return result
        }
        XCTAssertEqual(try kamailioRegistrations(), 5)
        try lab.waitUntil("the store holds the 5 registrations", timeout: 5) { try storeRegistrations() == ["acme": 3, "bravo": 2] }
        let history = try lab.termdash(["snapshot", "--view", "history", "--width", "120", "--height", "50", "--ascii"])
        let graph = history.split(separator: "\n").drop { !$0.contains("Registrations") }.prefix(24)
        XCTAssertTrue(graph.contains { $0.contains("now 5 ") }, "the registrations graph is at 5 now:\n\(graph.joined(separator: "\n"))")

        // Round 1. Held: acme 3 calls to alpha with 2 DTMF digits each, bravo 2 to alpha. Short: acme 2 and bravo 1
        // to beta (busy), bravo 2 to a number with no route (404).
        try lab.call(customer: "acme", number: "1001", calls: 3, holdMilliseconds: hold, dtmf: true)
        try lab.call(customer: "bravo", number: "1002", calls: 2, holdMilliseconds: hold)
        try lab.call(customer: "acme", number: "2001", calls: 2)
        try lab.call(customer: "bravo", number: "2002", calls: 1)
        try lab.call(customer: "bravo", number: "9001", calls: 2)

        func kamailioCounts() throws -> [String: Int] {
            let active = try lab.rpc("dlg.stats_active") as? [String: Any]
            var counts = ["all": active?["all"] as? Int ?? -1]
            for (profile, value) in [("customer", "acme"), ("customer", "bravo"), ("carrier", "alpha"), ("carrier", "beta")] {
                counts["\(profile):\(value)"] = try lab.rpc("dlg.profile_get_size", [profile, value]) as? Int ?? -1
            }
            return counts
        }
        func storeCounts() throws -> [String: Int] {
            let channels = try lab.report("channels")
            var counts = ["all": channels.filter { $0.key.hasPrefix("customer:") }.reduce(0) { $0 + ($1.value["in_use"] as? Int ?? 0) }]
            for name in ["customer:acme", "customer:bravo", "carrier:alpha", "carrier:beta"] {
                counts[name] = channels[name]?["in_use"] as? Int ?? 0
            }
            return counts
        }
        let held = ["all": 5, "customer:acme": 3, "customer:bravo": 2, "carrier:alpha": 5, "carrier:beta": 0]
        try lab.waitUntil("Kamailio holds the 5 answered calls", timeout: 5) { try kamailioCounts() == held }
        try lab.waitUntil("the store's channels equal Kamailio's", timeout: 5) { try storeCounts() == held }
        // Every process of the lab is up: none listens beyond 127.0.0.1.
        // Read until Kamailio's own sockets are among them: on a loaded machine one read of /proc missed them once.
        var bound: [String] = []
        try? lab.waitUntil("Kamailio's SIP and HTTP sockets are listed", timeout: 10) {
            bound = try lab.boundAddresses()
            return bound.contains("udp 127.0.0.1:\(lab.sipPort)") && bound.contains("tcp 127.0.0.1:\(lab.httpPort)")
        }
        XCTAssertTrue(bound.contains("udp 127.0.0.1:\(lab.sipPort)") && bound.contains("tcp 127.0.0.1:\(lab.httpPort)"), "\(bound)")
        XCTAssertEqual(bound.filter { !$0.contains(" 127.0.0.1:") }, [], "sockets beyond loopback")
        XCTAssertEqual(try kamailioCounts(), try storeCounts())

        // The feed dies mid-call and comes back: the live calls are those Kamailio holds, not more, not fewer.
        lab.killFeed()
        try lab.startFeed()
        try lab.waitForFeedRefresh()
        XCTAssertEqual(try kamailioCounts(), held, "the calls must still be held: make the hold longer")
        XCTAssertEqual(try storeCounts(), held)

        lab.waitForCallers()
        // 30 s: on a loaded 2-core machine the feed took over 10 s to store a round's CDRs (twice, in full runs).
        try lab.waitUntil("the 10 CDRs of round 1 are stored", timeout: 30) {
            (try lab.report("customers").values.reduce(0) { $0 + ($1["attempts"] as? Int ?? 0) }) == 10
        }
        try lab.waitUntil("no call in progress is left", timeout: 5) { try storeCounts()["all"] == 0 }

        // Kamailio restarts: the checklist says the feed is down, then no longer once it is back.
        lab.stopKamailio()
        func checklist() throws -> String {
            try lab.termdash(["snapshot", "--view", "checklist", "--width", "120", "--height", "20", "--ascii"])
        }
        try lab.waitUntil("the checklist says the feed is down", timeout: 10) {
            try checklist().contains("feed kamailio down since")
        }
        try lab.startKamailio()
        try lab.waitUntil("the feed is up again", timeout: 40) { try !checklist().contains("feed kamailio down") }

        // Round 2, after the restart: acme 2 more to beta (busy), bravo 1 more with no route.
        try lab.call(customer: "acme", number: "2003", calls: 2)
        try lab.call(customer: "bravo", number: "9002", calls: 1)
        lab.waitForCallers()
        try lab.waitUntil("the 13 CDRs are stored", timeout: 30) {
            (try lab.report("customers").values.reduce(0) { $0 + ($1["attempts"] as? Int ?? 0) }) == 13
        }
        // Round 3, fed by the monitor itself from a [sources.kamailio] of kind "kamailio" (the same feed, so the same
        // cursor): acme 2 more held calls to alpha. Its channels table shows them while they are held.
        lab.killFeed()
        let config = lab.directory.appendingPathComponent("config.toml").path
        try """
            [sources.kamailio]
            kind = "kamailio"
            rpc = "\(lab.rpcURL)"
            acc_db = "\(lab.accPath)"
            refresh = 0.25
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let monitor = try TmuxSession(
            command: "\(EndToEnd.binary) monitor --config \(config) --db \(lab.storePath)", width: 120, height: 30)
        try monitor.waitForScreen(timeout: 20) { $0.contains("Version ") }
        try lab.waitForFeedRefresh()
        try lab.call(customer: "acme", number: "1004", calls: 2, holdMilliseconds: hold)
        let heldByMonitor = ["all": 2, "customer:acme": 2, "customer:bravo": 0, "carrier:alpha": 2, "carrier:beta": 0]
        try lab.waitUntil("Kamailio holds round 3's calls", timeout: 5) { try kamailioCounts() == heldByMonitor }
        try lab.waitUntil("the monitor's feed stores them", timeout: 5) { try storeCounts() == heldByMonitor }
        try monitor.send("2")
        let channels = try monitor.waitForScreen(timeout: 5) { screen in
            screen.split(separator: "\n").contains { $0.contains(" acme ") && $0.split(separator: " ").contains("2") }
        }
        XCTAssertTrue(channels.contains("acme"), "the Channels view lists acme with its 2 calls:\n\(channels)")
        lab.waitForCallers()
        try lab.waitUntil("the 15 CDRs are stored", timeout: 30) {
            (try lab.report("customers").values.reduce(0) { $0 + ($1["attempts"] as? Int ?? 0) }) == 15
        }
        try monitor.send("q")
        XCTAssertEqual(try monitor.waitForExit(timeout: 10), 0)

        // The feed command again, killed once more and restarted: it reads on from the cursor and stores nothing twice.
        try lab.startFeed()
        try lab.waitForFeedRefresh()
        lab.killFeed()
        try lab.startFeed()
        try lab.waitForFeedRefresh()

        let customers = try lab.report("customers")
        let carriers = try lab.report("carriers")
        // What the scenario implies, per customer and per carrier.
        let expected: [(rows: [String: [String: Any]], name: String, attempts: Int, answered: Int, busy: Int, failed: Int, digits: Int)] = [
            (customers, "acme", 9, 5, 4, 0, 6), (customers, "bravo", 6, 2, 1, 3, 0),
            (carriers, "alpha", 7, 7, 0, 0, 6), (carriers, "beta", 5, 0, 5, 0, 0),
        ]
        // The ACD from Kamailio's own rows: the mean of each answered call's seconds from answer to end (a loaded
        // machine lengthens the calls past the hold; sipp sends its BYE late, never early).
        func accACD(by column: String) throws -> [String: Double] {
            let answer = try EndToEnd.run(try KamailioLab.which("sqlite3"), ["-separator", "\t", lab.accPath, """
                SELECT \(column), AVG(ROUND(end_ts - answer_ts)) FROM acc_cdrs
                WHERE sip_code = '200' AND answer_ts IS NOT NULL AND answer_ts != '' GROUP BY \(column)
                """])
            return Dictionary(uniqueKeysWithValues: answer.stdout.split(separator: "\n").compactMap { line in
                let fields = line.split(separator: "\t")
                return fields.count == 2 ? Double(fields[1]).map { (String(fields[0]), $0) } : nil
            })
        }
        let accACDs = try accACD(by: "customer").merging(try accACD(by: "carrier")) { first, _ in first }
        for row in expected {
            let figures = try XCTUnwrap(row.rows[row.name], "no report row for \(row.name)")
            XCTAssertEqual(figures["attempts"] as? Int, row.attempts, "\(row.name) attempts")
            XCTAssertEqual(figures["answered"] as? Int, row.answered, "\(row.name) answered")
            XCTAssertEqual(figures["busy"] as? Int, row.busy, "\(row.name) busy")
            XCTAssertEqual(figures["failed"] as? Int, row.failed, "\(row.name) failed")
            XCTAssertEqual(figures["dtmf_digits"] as? Int, row.digits, "\(row.name) DTMF digits")
            let asr = try XCTUnwrap(figures["asr_percent"] as? Double, "\(row.name) ASR")
            XCTAssertEqual(asr, (Double(row.answered) / Double(row.attempts) * 10_000).rounded() / 100, accuracy: 0.001,
                           "\(row.name) ASR")
            if row.answered > 0 {
                let acd = try XCTUnwrap(figures["acd_seconds"] as? Double, "\(row.name) ACD")
                let kamailio = try XCTUnwrap(accACDs[row.name], "no answered acc_cdrs row for \(row.name)")
                // The report shows one decimal.
                XCTAssertEqual(acd, kamailio, accuracy: 0.0501, "\(row.name) ACD as Kamailio's rows say")
                XCTAssertGreaterThanOrEqual(acd, Double(hold) / 1_000 - 1, "\(row.name) ACD at least about the hold")
            } else {
                XCTAssertNil(figures["acd_seconds"] as? Double, "\(row.name) ACD with nothing answered")
            }
        }
        // Every acc_cdrs row once: 15 rows in Kamailio's database, 15 CDRs in the store.
        let accRows = try EndToEnd.run(try KamailioLab.which("sqlite3"), [lab.accPath, "SELECT COUNT(*) FROM acc_cdrs"])
        XCTAssertEqual(accRows.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "15")
        XCTAssertEqual(customers.values.reduce(0) { $0 + ($1["attempts"] as? Int ?? 0) }, 15)
    }
}
