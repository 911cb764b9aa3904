import Foundation
import LocalServers
import Metrics
@testable import ServerStore
import ServerTestSupport
import TermDashTestSupport
import XCTest

/// `termdash import` into the servers store as a user runs it: importers killed at random moments and re-run, two
/// importers at once, and `import --watch` — every figure then equals a brute-force count over the files' rows
/// and the embedded store's import of the same files, and the ledger's `new` counts add up to the CDRs stored.
final class ServerImportEndToEndTests: StoreEndToEndTestCase {
    private func serverArguments(_ settings: ServerSettings) -> [String] {
        ["--store-kind", "servers", "--postgres", settings.postgres] + settings.clickhouse.flatMap { ["--clickhouse", $0] }
    }

    /// Master.csv rows `first..<first + count` (row i answered for i % 200 s, customer cust(i % 7)); rows whose
    /// index is in `bad` get a billsec that is not a number.
    private func masterCSV(_ name: String, rows count: Int, from first: Int, bad: Set<Int> = []) throws -> String {
        var lines = GeneratedMasterCSV.text(rows: count, from: first).split(separator: "\n").map(String.init)
        for index in bad {
            let billsec = index % 200
            lines[index - first] = lines[index - first].replacingOccurrences(
                of: ",\(2 + billsec),\(billsec),\"", with: ",\(2 + billsec),zz,\"")
        }
        return try GeneratedMasterCSV.write(lines.joined(separator: "\n") + "\n", name, in: directory)
    }

    /// The brute-force figures of rows `indices`: calls, and those answered (row i is answered when i % 200 > 0).
    private func bruteForce(_ indices: Set<Int>) -> (calls: Int, answered: Int) {
        (indices.count, indices.filter { $0 % 200 > 0 }.count)
    }

    /// `termdash files` (CSV) as rows of named columns.
    private func files(_ store: [String]) throws -> [[String: String]] {
        let run = try EndToEnd.termdash(["files", "--format", "csv"] + store)
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        guard let header = lines.first?.components(separatedBy: ",") else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.components(separatedBy: ","))) }
    }

    /// The reports a billing admin reads, as CSV lines (sorted: accounts first seen in another order get other ids).
    private func reports(_ store: [String], _ kinds: [[String]] = [["customers"], ["carriers"], ["summary", "--period", "daily"]])
        throws -> [String: [String]]
    {
        var result: [String: [String]] = [:]
        for report in kinds {
            let run = try EndToEnd.termdash(["report"] + report + ["--format", "csv", "--from", "2025-11-01",
                                                                    "--to", "2025-12-31"] + store)
            XCTAssertEqual(run.status, 0, "\(report): \(run.stderr)")
            result[report.joined(separator: " ")] = run.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.sorted()
        }
        return result
    }

    /// The totals of `report carriers`: calls (attempts) and answered, summed over the carriers.
    private func totals(_ lines: [String]) -> (attempts: Int, answered: Int) {
        guard let header = lines.first(where: { $0.contains("attempts") })?.components(separatedBy: ","),
              let attempts = header.firstIndex(of: "attempts"), let answered = header.firstIndex(of: "answered")
        else { return (-1, -1) }
        var sums = (attempts: 0, answered: 0)
        for line in lines where !line.contains("attempts") {
            let fields = line.components(separatedBy: ",")
            guard fields.count > max(attempts, answered) else { continue }
            sums.attempts += Int(fields[attempts]) ?? 0
            sums.answered += Int(fields[answered]) ?? 0
        }
        return sums
    }

    /// Three files — A with two bad rows, B overlapping A's last 1,000 rows, C a copy of A under another name —
    /// imported by importers SIGKILLed at random moments (seeded) for a few rounds, then run to the end: the
    /// figures equal the embedded store's import and a count over the rows; no CDR doubled nor lost.
    func testImportersKilledAtRandomThenRerunEqualTheEmbeddedStoreAndABruteForceCount() throws {
        var random = seededRandom()
        let settings = try TestServers.settings(cluster: true)
        let servers = serverArguments(settings)
        let a = try masterCSV("a.csv", rows: 4_000, from: 0, bad: [10, 2_345])
        let b = try masterCSV("b.csv", rows: 4_000, from: 3_000)
        let c = directory.appendingPathComponent("c.csv").path
        try FileManager.default.copyItem(atPath: a, toPath: c)
        let valid = Set(0..<7_000).subtracting([10, 2_345])
        let expected = bruteForce(valid)

        for round in 0..<4 {
            // A whole run takes about a second here: most kills land in it, at any stage.
            let delay = Double.random(in: 0.05...1.2, using: &random)
            let pid = try EndToEnd.spawnTermdash(["import", "--quiet", a, b, c] + servers)
            usleep(useconds_t(delay * 1_000_000))
            kill(pid, SIGKILL)
            let status = LocalServers.wait(pid)
            // Whatever was cut short: never a CDR counted twice (`FINAL`), never one that is not in the files, and
            // every CDR the ledger says was stored is there (nothing lost).
            let stored = totals(try reports(servers, [["carriers"]])["carriers"] ?? [])
            XCTAssertLessThanOrEqual(stored.attempts, expected.calls, "round \(round), killed after \(delay) s (\(status))")
            let recorded = try files(servers).filter { $0["status"] == "success" }.compactMap { Int($0["new"] ?? "") }
            XCTAssertLessThanOrEqual(recorded.reduce(0, +), stored.attempts, "round \(round), killed after \(delay) s")
        }
        let rerun = try EndToEnd.termdash(["import", a, b, c] + servers)
        XCTAssertEqual(rerun.status, 3, "two rows rejected: \(rerun.stdout) \(rerun.stderr)")

        let embedded = ["--db", directory.appendingPathComponent("store.db").path]
        XCTAssertEqual(try EndToEnd.termdash(["import", "--quiet", a, b, c] + embedded).status, 3)
        let onServers = try reports(servers)
        XCTAssertEqual(onServers, try reports(embedded))
        let summary = totals(onServers["carriers"] ?? [])
        XCTAssertEqual(summary.attempts, expected.calls)
        XCTAssertEqual(summary.answered, expected.answered)

        // The ledger: `new` adds up to the CDRs stored; A's rejects are kept with line and reason.
        let entries = try files(servers)
        XCTAssertEqual(entries.compactMap { Int($0["new"] ?? "") }.reduce(0, +), expected.calls, "\(entries)")
        XCTAssertFalse(entries.contains { $0["status"] == "processing" || $0["status"] == "interrupted" }, "\(entries)")
        let first = try XCTUnwrap(entries.last { $0["name"] == "a.csv" && $0["duplicate_of"] == "" })
        XCTAssertEqual([first["read"], first["accepted"], first["rejected"]], ["4000", "3998", "2"])
        let rejects = try EndToEnd.termdash(["files", "--rejects", first["id"] ?? "", "--format", "csv"] + servers)
        XCTAssertEqual(rejects.stdout.components(separatedBy: "\r\n").compactMap { $0.split(separator: ",").first }
                        .map(String.init), ["line", "11", "2346"], rejects.stdout)
        XCTAssertTrue(rejects.stdout.contains("is not a whole number of seconds"), rejects.stdout)

        let again = try EndToEnd.termdash(["import", "--quiet", a, b] + servers)
        XCTAssertEqual(again.status, 3)
        XCTAssertEqual(try reports(servers), onServers, "a re-import adds nothing")
    }

    /// Two importers at once into the same servers, on the same files in opposite orders and on one file each: they
    /// run at the same time — the test holds `cdr_batches` so that an import stops just before it records its
    /// batch, and both importers' CDRs reach ClickHouse before either commits (importers that queued could not:
    /// the second would wait for the first's commit) — and then every CDR counts once, the ledger's `new` adds up
    /// to the CDRs stored, and each content has one entry that stored its rows.
    func testTwoImportersRunAtOnceAndStoreEachCDROnce() throws {
        let settings = try TestServers.settings(cluster: false)
        let servers = serverArguments(settings)
        let store = try ServerStore(settings)
        let a = try masterCSV("a.csv", rows: 3_000, from: 0)
        let b = try masterCSV("b.csv", rows: 3_000, from: 2_000)
        let c = try masterCSV("c.csv", rows: 1_000, from: 10_000)
        let d = try masterCSV("d.csv", rows: 1_000, from: 20_000)
        try store.postgres.execute("BEGIN")
        try store.postgres.execute("LOCK TABLE cdr_batches IN SHARE MODE")
        let first = try LocalServers.spawn(EndToEnd.binary, ["import", "--quiet", a, b, c] + servers,
                                           log: directory.appendingPathComponent("first.log").path)
        let second = try LocalServers.spawn(EndToEnd.binary, ["import", "--quiet", b, a, d] + servers,
                                            log: directory.appendingPathComponent("second.log").path)
        // The raw rows (no `FINAL`) by the write that sent them; the wait ends well within the importers' statement
        // timeout (10 s), so a failure here does not fail them too.
        func batchesSent() throws -> Int {
            Int(try store.clickhouse[0].rows("SELECT uniqExact(batch) FROM cdr_local").first?.first ?? "") ?? -1
        }
        let deadline = Date().addingTimeInterval(7)
        while try batchesSent() < 2, Date() < deadline { usleep(20_000) }
        let sentBeforeAnyCommit = try batchesSent()
        let committed = try store.postgres.execute("SELECT count(*) FROM cdr_batches")[0].int(0)
        try store.postgres.execute("COMMIT")
        XCTAssertEqual(sentBeforeAnyCommit, 2, "both importers sent their first file before either committed")
        XCTAssertEqual(committed, 0)
        for (pid, log) in [(first, "first.log"), (second, "second.log")] {
            let status = LocalServers.wait(pid)
            let text = (try? String(contentsOf: directory.appendingPathComponent(log), encoding: .utf8)) ?? ""
            XCTAssertEqual(status, 0, text)
        }
        let valid = Set(0..<5_000).union(10_000..<11_000).union(20_000..<21_000)
        let embedded = ["--db", directory.appendingPathComponent("store.db").path]
        XCTAssertEqual(try EndToEnd.termdash(["import", "--quiet", a, b, c, d] + embedded).status, 0)
        let onServers = try reports(servers)
        XCTAssertEqual(onServers, try reports(embedded))
        let summary = totals(onServers["carriers"] ?? [])
        XCTAssertEqual([summary.attempts, summary.answered], [bruteForce(valid).calls, bruteForce(valid).answered])
        let entries = try files(servers)
        XCTAssertEqual(entries.count, 6, "\(entries)")
        XCTAssertEqual(entries.compactMap { Int($0["new"] ?? "") }.reduce(0, +), valid.count, "\(entries)")
        for name in ["a.csv", "b.csv"] {
            XCTAssertEqual(entries.filter { $0["name"] == name && $0["duplicate_of"] == "" }.count, 1, "\(name): \(entries)")
        }
    }

    /// `import --watch` on the servers picks up a file dropped into its folder and moves it to processed/.
    func testWatchOnTheServersImportsAFileDroppedIntoItsFolder() throws {
        let settings = try TestServers.settings(cluster: false)
        let servers = serverArguments(settings)
        let spool = directory.appendingPathComponent("spool")
        try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
        let watcher = try LocalServers.spawn(EndToEnd.binary, ["import", "--watch", spool.path, "--interval", "0.2"] + servers,
                                             log: directory.appendingPathComponent("watch.log").path)
        defer {
            kill(watcher, SIGTERM)
            _ = LocalServers.wait(watcher)
        }
        let file = try masterCSV("drop.csv", rows: 500, from: 50_000)
        try FileManager.default.moveItem(atPath: file, toPath: spool.appendingPathComponent("drop.csv").path)
        let processed = spool.appendingPathComponent("processed/drop.csv").path
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: processed), Date() < deadline { usleep(50_000) }
        let log = (try? String(contentsOf: directory.appendingPathComponent("watch.log"), encoding: .utf8)) ?? ""
        XCTAssertTrue(FileManager.default.fileExists(atPath: processed), log)
        let entries = try files(servers)
        XCTAssertEqual(entries.map { [$0["name"], $0["status"], $0["new"]] }, [["drop.csv", "success", "500"]], log)
        XCTAssertEqual(totals(try reports(servers, [["carriers"]])["carriers"] ?? []).attempts, 500)
    }
}
