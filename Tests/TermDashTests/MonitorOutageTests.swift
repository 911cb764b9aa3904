import Foundation
import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// The monitor loop on a real snapshot feed whose store stops answering and comes back: the last frame stays with
/// "store unreachable since" and the time of the first failed read in the monitor's zone, keys still work, and the
/// first read that succeeds brings fresh figures and takes the message away — no restart.
final class MonitorOutageTests: XCTestCase {
    /// 2026-11-22 15:30:05 UTC: 16:30:05 in Zurich, the monitor's zone here.
    private let failedAt = Date(timeIntervalSince1970: TimeInterval(DashboardFixtures.now))

    private func waitUntil(_ what: String, _ condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(10)
        while !condition(), Date() < deadline { usleep(10_000) }
        XCTAssertTrue(condition(), "timed out waiting for \(what)")
    }

    func testAStoreThatStopsAnsweringKeepsTheLastFrameSaysSinceWhenAndRecoversByItself() throws {
        let directory = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStore(path: directory.appendingPathComponent("store.db").path)
        let customer = try store.addCustomer(.init(accountCode: "C1", name: "Acme", channelsConfigured: 10, rateCardID: nil),
                                             createdAt: 0)
        let now = Int64(Date().timeIntervalSince1970)
        func startCall(_ key: String) throws {
            try store.write { try $0.startCalls([CallInProgress(callKey: key, source: "t", startAt: now - 30, customerID: customer)]) }
        }
        try startCall("a")
        let reader = FlakyReader(store)
        let failedAt = self.failedAt
        let feed = SnapshotFeed(engine: MetricsEngine(store: reader), interval: 0.2, clock: { failedAt })
        let zurich = TimeZone(identifier: "Europe/Zurich")!
        let options = MonitorSession.Options(
            identity: StatusIdentity(version: "0.1.0+abc123", zone: "Europe/Zurich"), zones: [("Europe/Zurich", zurich)],
            theme: .default, graphs: "auto", refreshSeconds: 0.2, tableRows: 5, mouse: false,
            exportDirectory: NSTemporaryDirectory())
        func live() -> Int? { feed.current().frame?.dashboard.counters.liveChannels }
        let terminal = TestBackend(width: 100, height: 24, script: [
            .later { self.waitUntil("the first frame") { live() == 1 }; return [] },
            .later {
                reader.isDown = true
                self.waitUntil("a failed read") { feed.outage() != nil }
                return []
            },
            .event(.key(.character("3"))),
            .event(.key(.character("1"))),
            .later {
                reader.isDown = false
                try? startCall("b")
                self.waitUntil("a read after the outage") { feed.outage() == nil && live() == 2 }
                return []
            },
            .tick,
            .event(.key(.character("q"))),
        ])
        let result = MonitorLoop(options: options, now: { failedAt })
            .run(on: terminal, snapshots: feed, interrupted: { terminal.isExhausted ? SIGTERM : 0 })
        XCTAssertNil(result, "q quits")

        let frames = terminal.frames.map { $0.joined(separator: "\n") }
        let message = "store unreachable since 16:30:05 (clickhouse http://127.0.0.1:9)"
        XCTAssertTrue(frames.contains { $0.contains("Live channels 1") && !$0.contains("unreachable") }, frames.joined(separator: "\n\n"))
        let down = frames.filter { $0.contains(message) }
        XCTAssertTrue(down.contains { $0.contains("Live channels 1") && $0.contains("[1 Overview]") },
                      "the overview keeps its last figures:\n\(down.joined(separator: "\n\n"))")
        XCTAssertTrue(down.contains { $0.contains("[3 History]") }, "keys still work while the store is down")
        let last = terminal.lines.joined(separator: "\n")
        XCTAssertTrue(last.contains("Live channels 2"), "fresh figures once the store answers:\n\(last)")
        XCTAssertFalse(last.contains("unreachable"), last)
        XCTAssertEqual(ClockFormat.timeOfDay(failedAt, in: zurich), "16:30:05")
    }
}
