import Foundation
import LocalServers
import XCTest

/// `termdash exporter` scraped by a real Prometheus (Debian's `prometheus`), both on free loopback ports with their
/// own folders, started and stopped by PID here; ASR per carrier asked of Prometheus' HTTP API, over all CDRs and over
/// a window between two scrapes, must equal what `termdash report carriers` prints for the same CDRs.
final class PrometheusEndToEndTests: StoreEndToEndTestCase {
    private var pids: [pid_t] = []

    override func tearDown() {
        pids.forEach(KamailioLab.stop)
        super.tearDown()
    }

    func testPrometheusComputesTheASRPerCarrierThatTheReportPrints() throws {
        let prometheus = try KamailioLab.which("prometheus")
        let made = try EndToEnd.termdash(["simulate", "--db", db, "--history-days", "1", "--cps", "2", "--duration", "1"])
        XCTAssertEqual(made.status, 0, made.stderr)

        let exporterPort = try LocalServers.freePort()
        pids.append(try spawn(EndToEnd.binary, ["exporter", "--listen", "127.0.0.1:\(exporterPort)", "--db", db,
                                                 "--max-accounts", "1000"], log: "exporter"))
        let config = directory.appendingPathComponent("prometheus.yml")
        try """
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: termdash
                static_configs:
                  - targets: ["127.0.0.1:\(exporterPort)"]
            """.write(to: config, atomically: true, encoding: .utf8)
        let prometheusPort = try LocalServers.freePort()
        pids.append(try spawn(prometheus, [
            "--config.file=\(config.path)", "--storage.tsdb.path=\(directory.appendingPathComponent("data").path)",
            "--web.listen-address=127.0.0.1:\(prometheusPort)"], log: "prometheus"))

        // ASR per carrier from the counters: all CDRs of the store, the same set the report's period covers.
        let total = "termdash_carrier_answered_total / termdash_carrier_attempts_total"
        let everything = try ratios(total, port: prometheusPort, at: nil)
        try compare(everything, withReportFrom: "2000-01-01", to: "2100-01-01", note: "all CDRs", atLeast: 10)

        // Over a window: the CDRs another run of the simulator writes between two scrapes. Prometheus subtracts
        // the counters' samples `offset` apart; the report counts the same CDRs by their start times, which all
        // fall inside that run (it ends the calls still up when it stops).
        Thread.sleep(forTimeInterval: 2)
        let before = Int64(Date().timeIntervalSince1970)
        Thread.sleep(forTimeInterval: 2)
        let runStart = Int64(Date().timeIntervalSince1970)
        let more = try EndToEnd.termdash(["simulate", "--db", db, "--cps", "50", "--duration", "4"])
        XCTAssertEqual(more.status, 0, more.stderr)
        let runEnd = Int64(Date().timeIntervalSince1970) + 1
        Thread.sleep(forTimeInterval: 4)
        let after = Int64(Date().timeIntervalSince1970)
        let span = after - before
        let window = "(termdash_carrier_answered_total - termdash_carrier_answered_total offset \(span)s)"
            + " / (termdash_carrier_attempts_total - termdash_carrier_attempts_total offset \(span)s)"
        let windowed = try ratios(window, port: prometheusPort, at: after)
        // The simulated rate follows the time of day: a few seconds at night reach only some of the carriers.
        try compare(windowed, withReportFrom: iso(runStart), to: iso(runEnd), note: "the window", atLeast: 3)
    }

    /// Each carrier's value of `query` from Prometheus' HTTP API (at `time`, or now), waiting up to 60 s for one.
    private func ratios(_ query: String, port: Int, at time: Int64?) throws -> [String: Double] {
        var found: [String: Double] = [:]
        let deadline = Date().addingTimeInterval(60)
        while found.isEmpty {
            guard Date() < deadline else {
                XCTFail("Prometheus answered nothing for \(query) within 60 s; logs in \(directory.path)")
                return found
            }
            Thread.sleep(forTimeInterval: 0.5)
            let path = "/api/v1/query?query=" + percentEncoded(query) + (time.map { "&time=\($0)" } ?? "")
            guard let body = try? LoopbackHTTP.get(port: port, path: path),
                  let json = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
                  let data = json["data"] as? [String: Any], let results = data["result"] as? [[String: Any]]
            else { continue }
            for result in results {
                guard let metric = result["metric"] as? [String: String], let carrier = metric["carrier"],
                      let value = result["value"] as? [Any], let text = value.last as? String,
                      let ratio = Double(text) else { continue }
                found[carrier] = ratio
            }
        }
        return found
    }

    /// Every carrier with calls in `termdash report carriers` over [from, to) has Prometheus' ratio as its ASR, and
    /// Prometheus has no other carrier with a ratio.
    private func compare(_ fromPrometheus: [String: Double], withReportFrom from: String, to: String,
                         note: String, atLeast: Int) throws {
        let report = try EndToEnd.termdash(["report", "carriers", "--format", "json", "--from", from, "--to", to,
                                            "--db", db])
        XCTAssertEqual(report.status, 0, report.stderr)
        let rows = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])?["rows"]
                                 as? [[String: Any]])
        var compared = 0
        for row in rows {
            guard let carrier = row["carrier"] as? String, let attempts = row["attempts"] as? Int, attempts > 0,
                  let asr = row["asr_percent"] as? Double else { continue }
            let name = carrier.isEmpty ? "unknown" : carrier
            guard let ratio = fromPrometheus[name] else {
                XCTFail("\(note): Prometheus has no ASR for carrier \(name): \(fromPrometheus.keys.sorted())")
                continue
            }
            // The report prints two decimals; a tie (e.g. 52.625) may round either way.
            XCTAssertEqual(ratio * 100, asr, accuracy: 0.005 + 1e-9, "\(note): ASR of \(name)")
            compared += 1
        }
        XCTAssertGreaterThanOrEqual(compared, atLeast, "\(note): carriers with calls compared")
        XCTAssertEqual(compared, fromPrometheus.filter { !$0.value.isNaN }.count, note)
    }

    private func iso(_ seconds: Int64) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    private func spawn(_ executable: String, _ arguments: [String], log name: String) throws -> pid_t {
        try LocalServers.spawn(executable, arguments, log: directory.appendingPathComponent("\(name).log").path)
    }

    private func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
