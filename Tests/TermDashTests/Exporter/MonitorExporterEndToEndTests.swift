import Foundation
import LocalServers
import XCTest

/// `termdash monitor --exporter`: while the monitor runs in tmux, /metrics answers with the same attempts per carrier
/// as `termdash report carriers`.
final class MonitorExporterEndToEndTests: StoreEndToEndTestCase {
    func testTheMonitorServesTheStoreTotals() throws {
        let made = try EndToEnd.termdash(["simulate", "--db", db, "--history-days", "1", "--cps", "1", "--duration", "1"])
        XCTAssertEqual(made.status, 0, made.stderr)
        let port = try LocalServers.freePort()
        let session = try TmuxSession(command: "\(EndToEnd.binary) monitor --db \(db) --exporter 127.0.0.1:\(port)",
                                      width: 120, height: 30)
        _ = try session.waitForScreen(timeout: 60) { $0.contains("Overview") }
        let body = try LoopbackHTTP.get(port: port, path: "/metrics")
        let exported = body.split(separator: "\n").filter { $0.hasPrefix("termdash_carrier_attempts_total{") }
            .compactMap { Int($0.split(separator: " ").last ?? "") }.reduce(0, +)

        let report = try EndToEnd.termdash(["report", "carriers", "--format", "json", "--from", "2000-01-01",
                                            "--to", "2100-01-01", "--db", db])
        let rows = (try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])?["rows"]
            as? [[String: Any]] ?? []
        let reported = rows.compactMap { $0["attempts"] as? Int }.reduce(0, +)
        XCTAssertGreaterThan(reported, 1_000, report.stderr)
        XCTAssertEqual(exported, reported)
        XCTAssertTrue(body.contains("# TYPE termdash_calls_in_progress gauge"), String(body.prefix(300)))

        try session.send("q")
        XCTAssertEqual(try session.waitForExit(timeout: 10), 0)
    }
}
