import Foundation
import LocalServers
import ServerStore
import ServerTestSupport
import XCTest

/// `termdash monitor` and `termdash simulate` on a servers store of the test's own (a private PostgreSQL and
/// ClickHouse, so killing one breaks no other test), as an operator sees a crash of ClickHouse, then one of
/// PostgreSQL: the overview's figures equal a count over ClickHouse's raw rows; a server killed, the monitor keeps its
/// last frame and says "store unreachable since", its keys still work, the simulator says so and keeps its calls;
/// the server restarted on its port and data folder, both carry on by themselves, and no call is lost or doubled. A view whose read is not on
/// the servers yet says which read is missing.
final class MonitorServersOutageEndToEndTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.binary),
                          "build first: \(EndToEnd.binary) is missing")
    }

    /// What ClickHouse answers to `sql` (TSV), trimmed.
    private func clickhouse(_ servers: PrivateServers, _ sql: String) throws -> String {
        let result = try EndToEnd.run("/usr/bin/curl", ["-sS", "--data-binary", sql,
                                                        "http://127.0.0.1:\(servers.clickhousePort)/?database=termdash"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The Calls figure of the quality pane's Total row on the overview, nil when not drawn.
    private func totalCalls(_ screen: String) -> Int? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains(" Total ") }) else { return nil }
        let after = line[line.range(of: " Total ")!.upperBound...]
        return after.split(separator: " ").first.flatMap { Int($0.replacingOccurrences(of: ",", with: "")) }
    }

    /// Whether the screen's "store unreachable since HH:MM:SS" is within a few seconds after `killed` (UTC).
    private func shownFailure(_ screen: String, near killed: Date) throws -> Bool {
        let pattern = try NSRegularExpression(pattern: "store unreachable since (\\d\\d):(\\d\\d):(\\d\\d)")
        guard let match = pattern.firstMatch(in: screen, range: NSRange(screen.startIndex..., in: screen)) else { return false }
        let parts = (1...3).compactMap { Range(match.range(at: $0), in: screen).flatMap { Int(screen[$0]) } }
        guard parts.count == 3 else { return false }
        let secondOfDay = parts[0] * 3_600 + parts[1] * 60 + parts[2]
        let killedSecond = Int(killed.timeIntervalSince1970) % 86_400
        let after = (secondOfDay - killedSecond + 86_400) % 86_400
        return after <= 5 || after >= 86_400 - 1
    }

    func testTheMonitorKeepsItsFrameWhileClickHouseIsDownAndRecoversWhenItIsBack() throws {
        let servers = try PrivateServers()
        defer { servers.stop() }
        let directory = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let settings = servers.settings(timeoutSeconds: 2)
        let config = directory.appendingPathComponent("termdash.toml").path
        try """
            [store]
            kind = "servers"
            postgres = "\(settings.postgres)"
            clickhouse = ["\(settings.clickhouse[0])"]
            timeout_seconds = 2

            [display]
            zone = "UTC"

            [simulator]
            customers = 8
            carriers = 3
            dids = 16
            history_days = 0
            """.write(toFile: config, atomically: true, encoding: .utf8)

        let simulatorLog = directory.appendingPathComponent("simulate.log").path
        let simulator = try LocalServers.spawn(EndToEnd.binary, ["simulate", "--config", config, "--cps", "150"],
                                               log: simulatorLog)
        var simulatorRunning = true
        defer { if simulatorRunning { kill(simulator, SIGKILL); _ = LocalServers.wait(simulator) } }
        func simulatorSaid() -> String { (try? String(contentsOfFile: simulatorLog, encoding: .utf8)) ?? "" }
        // The monitor starts once the simulator has made the store and its network.
        let ready = Date().addingTimeInterval(30)
        while !simulatorSaid().contains("Simulating about"), Date() < ready { usleep(100_000) }
        XCTAssertTrue(simulatorSaid().contains("Simulating about"), simulatorSaid())

        let session = try TmuxSession(command: "\(EndToEnd.binary) monitor --config \(config)", width: 160, height: 45)
        let up = try session.waitForScreen(timeout: 30) { (self.totalCalls($0) ?? 0) > 0 }
        XCTAssertNotNil(totalCalls(up), "the overview shows the quality pane's total:\n\(up)")

        // ClickHouse crashes: the monitor keeps its last figures and names the outage; its keys still work. (The
        // figures are compared with the first frame that names the outage: a refresh may land between a capture
        // taken before the kill and the kill itself.)
        servers.killClickHouse()
        let killedAt = Date()
        let down = try session.waitForScreen(timeout: 10) { $0.contains("store unreachable since") }
        XCTAssertTrue(down.contains("store unreachable since"), down)
        XCTAssertTrue(try shownFailure(down, near: killedAt), "the time of the first failed read, in UTC:\n\(down)")
        XCTAssertNotNil(totalCalls(down), "the last figures are kept:\n\(down)")
        try session.send("3")
        let history = try session.waitForScreen(timeout: 10) { $0.contains("[3 History]") }
        XCTAssertTrue(history.contains("[3 History]") && history.contains("store unreachable since"), history)
        try session.send("1")
        // A capture may catch the screen part-way through its redraw: waited on until the quality pane is there.
        let back = try session.waitForScreen(timeout: 10) { $0.contains("[1 Overview]") && self.totalCalls($0) != nil }
        XCTAssertEqual(totalCalls(back), totalCalls(down), "the same figures after two view changes:\n\(back)")
        // The simulator says so, and keeps writing what it can once ClickHouse is back.
        let noticed = Date().addingTimeInterval(10)
        while !simulatorSaid().contains("store unreachable"), Date() < noticed { usleep(100_000) }

        // ClickHouse back on its port and data: both recover without a restart.
        try servers.startClickHouse()
        let recovered = try session.waitForScreen(timeout: 15) { !$0.contains("unreachable") && (self.totalCalls($0) ?? 0) > 0 }
        XCTAssertFalse(recovered.contains("unreachable"), recovered)
        // The simulator writes what it kept at its next advance after ClickHouse answers, which may come after the
        // monitor's next read.
        func reachedAgain() -> Int { simulatorSaid().components(separatedBy: "store reachable again").count - 1 }
        let written = Date().addingTimeInterval(20)
        while reachedAgain() < 1, Date() < written { usleep(100_000) }
        XCTAssertEqual(reachedAgain(), 1, simulatorSaid())

        // Then PostgreSQL crashes (immediate shutdown): the same, with the ledger and the calls in progress gone.
        servers.crashPostgres()
        let crashedAt = Date()
        let ledgerDown = try session.waitForScreen(timeout: 10) { $0.contains("store unreachable since") }
        XCTAssertTrue(try shownFailure(ledgerDown, near: crashedAt), "the time of the first failed read:\n\(ledgerDown)")
        XCTAssertNotNil(totalCalls(ledgerDown), "the last figures are kept:\n\(ledgerDown)")
        let simulatorNoticed = Date().addingTimeInterval(10)
        while simulatorSaid().components(separatedBy: "store unreachable").count - 1 < 2, Date() < simulatorNoticed {
            usleep(100_000)
        }
        try servers.startPostgres()
        let ledgerBack = try session.waitForScreen(timeout: 20) { !$0.contains("unreachable") && (self.totalCalls($0) ?? 0) > 0 }
        XCTAssertFalse(ledgerBack.contains("unreachable"), ledgerBack)
        // The simulator is stopped only once it has said it wrote what it kept.
        let writtenAgain = Date().addingTimeInterval(20)
        while reachedAgain() < 2, Date() < writtenAgain { usleep(100_000) }
        XCTAssertEqual(reachedAgain(), 2, simulatorSaid())
        kill(simulator, SIGTERM)
        XCTAssertEqual(LocalServers.wait(simulator), 0)
        simulatorRunning = false
        let log = try String(contentsOfFile: simulatorLog, encoding: .utf8)
        XCTAssertTrue(log.contains("store unreachable"), log)
        // It failed only on a write with CDRs (calls that ended), which it kept and wrote once the server was back.
        let kept = log.split(separator: "\n").first { $0.contains("store reachable again") }
            .flatMap { $0.components(separatedBy: "; the ").last?.split(separator: " ").first.flatMap { Int($0) } }
        XCTAssertGreaterThan(kept ?? 0, 0, log)
        let simulated = try XCTUnwrap(log.split(separator: "\n").last { $0.contains("calls simulated in all") }
            .flatMap { $0.split(separator: ";").last?.split(separator: " ").first.flatMap { Int($0) } }, log)

        // Every call the simulator made is one CDR on ClickHouse (none lost in the outage, none doubled), and the
        // overview, read afresh, counts them all (they all started within its last hour).
        let stored = try clickhouse(servers, "SELECT count() FROM cdr_local FINAL")
        XCTAssertEqual(Int(stored), simulated, log)
        let withCarrier = try XCTUnwrap(Int(try clickhouse(servers, "SELECT count() FROM cdr_local FINAL WHERE carrier_id != 0")))
        let final = try session.waitForScreen(timeout: 10) { self.totalCalls($0) == withCarrier }
        XCTAssertEqual(totalCalls(final), withCarrier, final)
        // The Billing view reads the ledger on PostgreSQL too: its figures, no missing read.
        try session.send("7")
        let billing = try session.waitForScreen(timeout: 10) { $0.contains("[7 Billing]") && $0.contains("Customer records") }
        XCTAssertTrue(billing.contains("Customer records"), billing)
        XCTAssertFalse(billing.contains("not yet supported"), billing)
        try session.send("q")
        XCTAssertEqual(try session.waitForExit(timeout: 10), 0)
    }
}
