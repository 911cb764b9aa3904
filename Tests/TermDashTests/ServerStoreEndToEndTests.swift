import Foundation
import LocalServers
import Metrics
import ServerStore
import ServerTestSupport
import TermDashTestSupport
import XCTest

/// `termdash` with `--store-kind servers`, as a user runs it: `report` prints what it prints on the embedded store
/// holding the same CDRs; commands that cannot use the servers yet refuse by name; a server down is named, without
/// its password.
final class ServerStoreEndToEndTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.binary),
                          "build first: \(EndToEnd.binary) is missing")
    }

    private func serverArguments(_ settings: ServerSettings) -> [String] {
        ["--store-kind", "servers", "--postgres", settings.postgres] + settings.clickhouse.flatMap { ["--clickhouse", $0] }
    }

    /// An empty embedded store (its file in a folder removed when the test ends) and an empty servers store, in that
    /// order; the command-line arguments reach the second through `settings`.
    private func emptyStores(cluster: Bool) throws -> (sqlitePath: String, settings: ServerSettings, stores: [any MetricStore]) {
        let directory = try EndToEnd.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let sqlitePath = directory.appendingPathComponent("store.db").path
        let settings = try TestServers.settings(cluster: cluster)
        return (sqlitePath, settings, [try SQLiteStore(path: sqlitePath), try ServerStore(settings)])
    }

    /// Customers C1…Cn ("Customer n", 10 channels, on `rateCard`) and carriers "Carrier 1"… (30 channels, no card)
    /// added to `store`; their ids.
    @discardableResult
    private func addAccounts(customers: Int, carriers: Int, rateCard: Int64? = nil, to store: any MetricStore) throws
        -> (customers: [Int64], carriers: [Int64])
    {
        let customerIDs = try (0..<customers).map { index in
            try store.addCustomer(.init(accountCode: "C\(index + 1)", name: "Customer \(index + 1)", channelsConfigured: 10,
                                        rateCardID: rateCard), createdAt: 0)
        }
        let carrierIDs = try (0..<carriers).map { index in
            try store.addCarrier(name: "Carrier \(index + 1)", channelsConfigured: 30, rateCardID: nil)
        }
        return (customerIDs, carrierIDs)
    }

    func testReportsOnTheServersEqualThoseOnTheEmbeddedStore() throws {
        var random = seededRandom()
        let (sqlitePath, settings, stores) = try emptyStores(cluster: true)
        let now = Int64(Date().timeIntervalSince1970)
        var records = randomRecords(3_000, endingAt: now, spread: 3 * 86_400, carriers: 3, customers: 4, using: &random)
        for store in stores {
            let (customers, carriers) = try addAccounts(customers: 4, carriers: 3, to: store)
            // Both ledgers hand out ids 1…n: the same records name the same accounts in each.
            XCTAssertEqual(customers, [1, 2, 3, 4])
            XCTAssertEqual(carriers, [1, 2, 3])
            try writeInBatches(records, to: store, using: &random)
        }
        records = []
        let day = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(now - 2 * 86_400))).prefix(10)
        for report in [["customers"], ["carriers"], ["summary", "--period", "daily"],
                       ["carriers", "--month", String(day.prefix(7))]] {
            for format in ["csv", "json"] {
                let embedded = try EndToEnd.termdash(["report"] + report + ["--format", format, "--db", sqlitePath])
                let servers = try EndToEnd.termdash(["report"] + report + ["--format", format] + serverArguments(settings))
                XCTAssertEqual(embedded.status, 0, embedded.stderr)
                XCTAssertEqual(servers.status, 0, servers.stderr)
                XCTAssertGreaterThan(embedded.stdout.split(whereSeparator: \.isNewline).count, format == "csv" ? 2 : 0, "\(report) \(format): \(embedded.stdout)")
                // JSON carries the time it was made: compared without it.
                func withoutTime(_ text: String) -> String {
                    text.split(whereSeparator: \.isNewline).filter { !$0.contains("generated_at") }.joined(separator: "\n")
                }
                XCTAssertEqual(withoutTime(servers.stdout), withoutTime(embedded.stdout), "\(report) \(format)")
            }
        }
    }

    /// `termdash exporter` on the servers serves what it serves on the embedded store holding the same CDRs,
    /// series for series: counters per customer and carrier (some past --max-accounts, summed under "other"),
    /// calls in progress, files and invoices.
    func testTheExporterOnTheServersServesTheEmbeddedStoresSeries() throws {
        var random = seededRandom()
        let (sqlitePath, settings, stores) = try emptyStores(cluster: true)
        let now = Int64(Date().timeIntervalSince1970)
        let records = randomRecords(2_500, endingAt: now - 60, spread: 40 * 86_400, carriers: 3, customers: 5, using: &random)
        for store in stores {
            try addAccounts(customers: 5, carriers: 3, to: store)
            try writeInBatches(records, to: store, using: &random)
            try store.write { try $0.startCalls([CallInProgress(callKey: "a", source: "t", startAt: now - 30, customerID: 2, carrierID: 1)]) }
        }
        var pids: [pid_t] = []
        defer { pids.forEach(KamailioLab.stop) }
        var bodies: [String] = []
        for arguments in [["--db", sqlitePath], serverArguments(settings)] {
            let port = try LocalServers.freePort()
            let log = try EndToEnd.temporaryDirectory().appendingPathComponent("exporter.log").path
            pids.append(try LocalServers.spawn(EndToEnd.binary, ["exporter", "--listen", "127.0.0.1:\(port)",
                                                                  "--max-accounts", "3"] + arguments, log: log))
            var body: String?
            let deadline = Date().addingTimeInterval(20)
            while body == nil, Date() < deadline {
                body = try? LoopbackHTTP.get(port: port, path: "/metrics")
                if body == nil { Thread.sleep(forTimeInterval: 0.1) }
            }
            bodies.append(try XCTUnwrap(body, "no answer on \(port): \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")"))
        }
        let attempts = bodies[1].split(separator: "\n").filter { $0.hasPrefix("termdash_customer_attempts_total{") }
        XCTAssertEqual(attempts.compactMap { Int($0.split(separator: " ").last ?? "") }.reduce(0, +), records.count)
        XCTAssertTrue(attempts.contains { $0.contains("other") }, attempts.joined(separator: "\n"))
        XCTAssertTrue(bodies[1].contains("\ntermdash_calls_in_progress 1.0\n"), bodies[1])
        // The registry's order of metric families differs from one process to the next: compared line for line.
        XCTAssertEqual(bodies[1].split(separator: "\n").sorted(), bodies[0].split(separator: "\n").sorted())
    }

    /// `snapshot` draws the overview from the servers: the frame an embedded store with the same CDRs draws at the
    /// same second (a frame drawn a second later may differ in its live figures: retried once).
    func testSnapshotOnTheServersDrawsTheEmbeddedStoresFrame() throws {
        var random = seededRandom()
        let (sqlitePath, settings, stores) = try emptyStores(cluster: false)
        let now = Int64(Date().timeIntervalSince1970)
        let records = randomRecords(2_000, endingAt: now - 120, spread: 86_400, carriers: 3, customers: 4, using: &random)
        for store in stores {
            try addAccounts(customers: 4, carriers: 3, to: store)
            try writeInBatches(records, to: store, using: &random)
            try store.write { try $0.startCalls([CallInProgress(callKey: "a", source: "t", startAt: now - 30, customerID: 2, carrierID: 1)]) }
        }
        // The two runs may straddle a second: the status line's clock is left out, and a frame whose graphs moved
        // on by a second is drawn again (up to three times).
        func withoutClock(_ frame: String) -> String {
            frame.replacingOccurrences(of: #"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"#, with: "YYYY-MM-DD hh:mm:ss",
                                       options: .regularExpression)
        }
        var frames: (String, String) = ("", "")
        for _ in 0..<3 {
            let embedded = try EndToEnd.termdash(["snapshot", "--width", "160", "--height", "50", "--db", sqlitePath])
            let servers = try EndToEnd.termdash(["snapshot", "--width", "160", "--height", "50"] + serverArguments(settings))
            XCTAssertEqual(embedded.status, 0, embedded.stderr)
            XCTAssertEqual(servers.status, 0, servers.stderr)
            frames = (withoutClock(embedded.stdout), withoutClock(servers.stdout))
            if frames.0 == frames.1 { break }
        }
        XCTAssertTrue(frames.0.contains("Customer 2"), frames.0)
        XCTAssertEqual(frames.1, frames.0)
    }

    /// The billing commands on the servers print what they print on the embedded store holding the same CDRs:
    /// `rates rate-unrated` prices the CDRs no rate covered, then an invoice is created, issued (numbered) and
    /// shown, line by line, with the same exit codes; a second pricing run prices nothing. Number blocks too: an
    /// overlapping block is refused with the same message.
    func testInvoicesOnTheServersEqualThoseOnTheEmbeddedStore() throws {
        var random = seededRandom()
        let (sqlitePath, settings, stores) = try emptyStores(cluster: true)
        let month = Period.month(year: 2026, month: 10)!
        let rates = [Rate(prefix: "41", description: "Switzerland", perMinute: Money(micros: 123_457), initialSeconds: 30,
                          incrementSeconds: 6),
                     Rate(prefix: "4179", description: "Switzerland mobile", perMinute: Money(micros: 456_789),
                          initialSeconds: 1, incrementSeconds: 1, connectionFee: Money(micros: 10_001))]
        let records: [CallRecord] = (0..<1_500).map { index in
            let start = Int64.random(in: month.from - 86_400..<month.to + 86_400, using: &random)
            let billsec = Int.random(in: 0...900, using: &random)
            let dst = ["41441234567", "41791234567", "4179"].randomElement(using: &random)!
            let rate = dst.hasPrefix("4179") ? rates[1] : rates[0]
            // A third of them were stored before the card covered them: unrated until `rate-unrated`.
            let sell = index % 3 == 0 ? nil : billsec > 0 ? rate.charge(billsec: billsec).micros : 0
            var record = CallRecord.make(key: "k\(index)", start: start, answerAfter: billsec > 0 ? 3 : nil,
                                         end: start + 3 + Int64(billsec), billsec: billsec,
                                         customer: Int64.random(in: 1...2, using: &random), sell: sell)
            record.dst = dst
            return record
        }
        for store in stores {
            let card = try store.addRateCard(name: "retail", direction: .sell, currency: "CHF", rates: rates)
            try addAccounts(customers: 2, carriers: 0, rateCard: card, to: store)
            try store.setBillingProfile(BillingProfile(currency: "CHF", taxes: [TaxRate("VAT:8.1%")!],
                                                       lineGrouping: .destination), customerID: 1)
            try writeInBatches(records, to: store, using: &random)
        }
        var issued = ""
        for command in [["rates", "list"], ["rates", "rate-unrated", "--month", "2026-10"],
                        ["rates", "rate-unrated", "--month", "2026-10"],
                        ["invoice", "create", "--customer", "C1", "--month", "2026-10", "--format", "json"],
                        ["invoice", "create", "--customer", "C1", "--month", "2026-10"],
                        ["invoice", "issue", "1"], ["invoice", "show", "1"], ["invoice", "list"],
                        ["blocks", "add", "--customer", "C1", "--start", "1000", "--size", "100"],
                        ["blocks", "add", "--customer", "C2", "--start", "1050", "--size", "10"],
                        ["blocks", "list"]] {
            let embedded = try EndToEnd.termdash(command + ["--db", sqlitePath])
            let servers = try EndToEnd.termdash(command + serverArguments(settings))
            XCTAssertEqual(servers.status, embedded.status, "\(command): \(servers.stderr)")
            XCTAssertEqual(servers.stderr, embedded.stderr, "\(command)")
            // `rate-unrated` ends with its duration: compared without it.
            func withoutTimes(_ text: String) -> String {
                text.split(whereSeparator: \.isNewline).map { $0.split(separator: " (").first.map(String.init) ?? "" }
                    .filter { !$0.contains("created_at") && !$0.contains("issued_at") && !$0.contains("due_at") }
                    .joined(separator: "\n")
            }
            XCTAssertEqual(withoutTimes(servers.stdout), withoutTimes(embedded.stdout), "\(command)")
            if command[1] == "show" { issued = servers.stdout }
            if command.contains("1050") { XCTAssertTrue(servers.status == 1 && servers.stderr.contains("1000"), servers.stderr) }
        }
        // An independent total: the customer's answered CDRs of October, priced by the card as it is.
        let table = RateTable(rates)
        let subtotal = records.filter { $0.customerID == 1 && month.contains($0.startAt) && $0.billsec > 0 }
            .compactMap { record in table.match(record.dst).map { $0.charge(billsec: record.billsec).micros } }
            .reduce(0, +)
        XCTAssertTrue(issued.contains("INV-000001"), issued)
        let invoice = try stores[1].read { try $0.invoice(id: 1) }
        XCTAssertEqual(invoice?.subtotal.micros, subtotal)
        XCTAssertEqual(invoice?.status, .issued)
        XCTAssertEqual(try stores[1].read { try $0.invoicedCDRs(invoiceID: 1) }.map(\.charge.micros).reduce(0, +), subtotal)
    }

    /// `profile set` / `profile show`, `customer profile` and `rebuild` on the servers: the same output, errors and exit
    /// codes as on the embedded store holding the same accounts; `rebuild` there counts the CDRs it would read.
    func testProfilesAndRebuildOnTheServers() throws {
        var random = seededRandom()
        let (sqlitePath, settings, stores) = try emptyStores(cluster: false)
        let records = randomRecords(60, endingAt: Int64(Date().timeIntervalSince1970) - 120, spread: 3_600, carriers: 1,
                                    customers: 1, using: &random)
        for store in stores {
            try addAccounts(customers: 1, carriers: 1, to: store)
            try writeInBatches(records, to: store, using: &random)
        }
        // A change's time is the second it was made: the two runs may straddle one.
        func withoutClock(_ text: String) -> String {
            text.replacingOccurrences(of: #"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?"#, with: "…", options: .regularExpression)
        }
        for command in [["profile", "set", "--customer", "C1", "--email", "ops@example.com", "--phone", "+48221234567"],
                        ["profile", "set", "--customer", "C1", "--phone", "12"],
                        ["profile", "set", "--customer", "C9", "--name", "Nobody"],
                        ["profile", "show", "--customer", "C1"],
                        ["customer", "profile", "C1", "--currency", "EUR", "--due-days", "14"],
                        ["customer", "profile", "C1"]] {
            let embedded = try EndToEnd.termdash(command + ["--db", sqlitePath])
            let servers = try EndToEnd.termdash(command + serverArguments(settings))
            XCTAssertEqual(servers.status, embedded.status, "\(command): \(servers.stderr)")
            XCTAssertEqual(servers.stderr, embedded.stderr, "\(command)")
            XCTAssertEqual(withoutClock(servers.stdout), withoutClock(embedded.stdout), "\(command)")
            if command.contains("show") { XCTAssertTrue(servers.stdout.contains("ops@example.com"), servers.stdout) }
            if command.contains("12") || command.contains("C9") { XCTAssertNotEqual(servers.status, 0, servers.stderr) }
        }
        let rebuilt = try EndToEnd.termdash(["rebuild"] + serverArguments(settings))
        XCTAssertEqual(rebuilt.status, 0, rebuilt.stderr)
        XCTAssertEqual(rebuilt.stdout,
                       "The servers store's minute rollup is recomputed wherever a writer left it stale (\(records.count) CDRs stored)\n")
    }

    /// `termdash reshard` after a second shard joins the server a store began on: it says what it moved, the reports
    /// print what they printed before; without a cluster, or on the embedded store, it refuses and says why.
    func testReshardMovesTheCDRsOfAnAddedShardAndRefusesWithoutOne() throws {
        var random = seededRandom()
        let (sqlitePath, single, stores) = try emptyStores(cluster: false)
        var clustered = single
        clustered.clickhouse = try TestServers.running.get().clickhouse(cluster: true)
        let now = Int64(Date().timeIntervalSince1970)
        let records = randomRecords(1_500, endingAt: now - 60, spread: 86_400, carriers: 2, customers: 3, using: &random)
        try addAccounts(customers: 3, carriers: 2, to: stores[1])
        try writeInBatches(records, to: stores[1], using: &random)

        let alone = try EndToEnd.termdash(["reshard"] + serverArguments(single))
        XCTAssertEqual(alone.status, 1, alone.stderr)
        XCTAssertEqual(alone.stderr, "Error: reshard: needs the servers of a cluster, each one shard of it (1 ClickHouse server given)\n")
        let embedded = try EndToEnd.termdash(["reshard", "--db", sqlitePath])
        XCTAssertEqual(embedded.status, 1, embedded.stderr)
        XCTAssertTrue(embedded.stderr.contains("is for the servers store"), embedded.stderr)

        let before = try EndToEnd.termdash(["report", "carriers", "--format", "csv"] + serverArguments(clustered))
        let moved = try EndToEnd.termdash(["reshard"] + serverArguments(clustered))
        XCTAssertEqual(moved.status, 0, moved.stderr)
        let lines = moved.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, moved.stdout)
        let count = try XCTUnwrap(lines.first.flatMap { Int($0.split(separator: " ")[1].replacingOccurrences(of: ",", with: "")) })
        XCTAssertTrue((records.count / 3..<1_000).contains(count), "about half the CDRs: \(count)")
        XCTAssertEqual(lines.first, "Moved \(count) CDRs from clickhouse \(clustered.clickhouse[0]) to clickhouse \(clustered.clickhouse[1])")
        XCTAssertTrue(lines.last?.hasPrefix("Every CDR is on its shard (") ?? false, moved.stdout)
        let after = try EndToEnd.termdash(["report", "carriers", "--format", "csv"] + serverArguments(clustered))
        XCTAssertTrue(before.stdout.contains("Carrier 2"), before.stdout)
        XCTAssertEqual(after.stdout, before.stdout)
    }

    /// Custom pages on the servers, drawn by `snapshot --page`: a ledger pane (PostgreSQL) and a CDR pane
    /// (ClickHouse, `store = "cdrs"`) show the counts a brute force gives; a customer's page shows that customer's
    /// calls only; a pane that tries to write shows why it was refused.
    func testCustomPagesOnTheServersReadTheLedgerAndTheCDRs() throws {
        var random = seededRandom()
        let (_, settings, stores) = try emptyStores(cluster: true)
        let now = Int64(Date().timeIntervalSince1970)
        let records = randomRecords(900, endingAt: now - 60, spread: 86_400, carriers: 2, customers: 3, using: &random)
        try addAccounts(customers: 3, carriers: 2, to: stores[1])
        try writeInBatches(records, to: stores[1], using: &random)
        let directory = try EndToEnd.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config.toml").path
        try """
            [store]
            kind = "servers"
            postgres = "\(settings.postgres)"
            clickhouse = [\(settings.clickhouse.map { "\"\($0)\"" }.joined(separator: ", "))]

            [[pages]]
            title = "Network"
            key = "N"
            [[pages.panes]]
            title = "Customers"
            kind = "counter"
            sql = "SELECT count(*) AS customers FROM customers"
            [[pages.panes]]
            title = "Calls"
            kind = "counter"
            store = "cdrs"
            sql = "SELECT count() AS calls FROM cdrs"
            [[pages.panes]]
            title = "Tries"
            kind = "counter"
            store = "cdrs"
            sql = "ALTER TABLE cdr_local DELETE WHERE 1"

            [[pages]]
            title = "Mine"
            key = "X"
            customers = true
            [[pages.panes]]
            title = "My calls"
            kind = "counter"
            store = "cdrs"
            sql = "SELECT count() AS calls FROM cdrs WHERE customer_id = :customer"
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let base = ["snapshot", "--config", config, "--width", "80", "--height", "24", "--ascii"]
        let network = try EndToEnd.termdash(base + ["--page", "N"])
        XCTAssertEqual(network.status, 0, network.stderr)
        let lines = network.stdout.split(separator: "\n").map(String.init)
        func counter(after title: String, in lines: [String]) -> String? {
            lines.firstIndex { $0.contains("+ \(title) ") }.map { lines[$0 + 1].trimmingCharacters(in: CharacterSet(charactersIn: "| ")) }
        }
        XCTAssertEqual(counter(after: "Customers", in: lines), "3", network.stdout)
        XCTAssertEqual(counter(after: "Calls", in: lines), "\(records.count)", network.stdout)
        XCTAssertTrue(network.stdout.contains("! refused: only reading is allowed (ALTER is not)"), network.stdout)
        let mine = try EndToEnd.termdash(base + ["--customer", "C2", "--page", "X"])
        XCTAssertEqual(mine.status, 0, mine.stderr)
        XCTAssertEqual(counter(after: "My calls", in: mine.stdout.split(separator: "\n").map(String.init)),
                       "\(records.filter { $0.customerID == 2 }.count)", mine.stdout)
        let hidden = try EndToEnd.termdash(base + ["--customer", "C2", "--page", "N"])
        XCTAssertEqual(hidden.status, 1, hidden.stdout)
    }

    func testBadOptionsExit64AndAServerDownIsNamedWithoutItsPassword() throws {
        let bad = try EndToEnd.termdash(["report", "--store-kind", "cloud"])
        XCTAssertEqual(bad.status, 64, bad.stderr)
        let leaked = try EndToEnd.termdash(["report", "--store-kind", "servers", "--postgres", "postgres://u:pw123@127.0.0.1:9/db",
                                            "--clickhouse", "http://127.0.0.1:9"])
        XCTAssertEqual(leaked.status, 64, leaked.stderr)
        XCTAssertFalse(leaked.stderr.contains("pw123"), leaked.stderr)
        var environment = ProcessInfo.processInfo.environment
        environment["TERMDASH_POSTGRES_PASSWORD"] = "s3cret-pw"
        let down = try EndToEnd.termdash(["report", "--store-kind", "servers", "--postgres", "postgres://u@127.0.0.1:9/db",
                                          "--clickhouse", "http://127.0.0.1:9"], environment: environment)
        XCTAssertEqual(down.status, 1, down.stderr)
        XCTAssertTrue(down.stderr.hasPrefix("Error: postgres 127.0.0.1:9/postgres: store unreachable"), down.stderr)
        XCTAssertFalse(down.stderr.contains("s3cret-pw"), down.stderr)
    }
}
