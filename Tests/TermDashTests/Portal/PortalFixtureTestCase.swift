import Foundation
import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// A test on the portal's store: a seeded `PortalFixture` made anew for each test, and a temporary folder of the
/// test's own for what its sessions write (exports, copies), removed after it.
class PortalFixtureTestCase: XCTestCase {
    var fixture: PortalFixture!
    var folder: URL!

    override func setUpWithError() throws {
        var random = seededRandom()
        fixture = try PortalFixture(using: &random)
        folder = try EndToEnd.temporaryDirectory()
    }

    override func tearDown() {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// The monitor loop with `options` on `terminal` until its script is played, every frame drawn by `engine` with
    /// the clock standing at `now`.
    func run(_ terminal: TestBackend, options: MonitorSession.Options, engine: MetricsEngine, at now: Int64) {
        let source = FixedSnapshots { request in
            MonitorFrame(
                dashboard: try! engine.dashboard(at: now, request: request.snapshot),
                summary: request.summary.map { try! engine.summary($0, pagesBack: request.summaryPage, at: now) },
                request: request)
        }
        _ = MonitorLoop(options: options, now: { Date(timeIntervalSince1970: TimeInterval(now)) })
            .run(on: terminal, snapshots: source, interrupted: { terminal.isExhausted ? SIGTERM : 0 })
    }
}
