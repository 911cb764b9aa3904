import Foundation
import Metrics
import ServerStore
import ServerTestSupport
import XCTest

@testable import TermDash

/// `termdash portal` on the servers store, as a customer's SSH session runs it: their own figures only, and a view
/// whose read is not on the servers yet names the missing read instead of failing.
final class ServerStorePortalEndToEndTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.binary),
                          "build first: \(EndToEnd.binary) is missing")
    }

    func testACustomersPortalShowsTheirOwnFiguresFromTheServers() throws {
        let settings = try TestServers.settings(cluster: false)
        let store = try ServerStore(settings)
        let acme = try store.addCustomer(.init(accountCode: "C1", name: "Acme Voice", channelsConfigured: 10, rateCardID: nil),
                                         createdAt: 0)
        let zeta = try store.addCustomer(.init(accountCode: "C2", name: "Zeta Calls", channelsConfigured: 10, rateCardID: nil),
                                         createdAt: 0)
        let now = Int64(Date().timeIntervalSince1970)
        try store.write { session in
            try session.startCalls([
                CallInProgress(callKey: "a1", source: "t", startAt: now - 40, customerID: acme),
                CallInProgress(callKey: "a2", source: "t", startAt: now - 20, customerID: acme),
                CallInProgress(callKey: "z1", source: "t", startAt: now - 30, customerID: zeta),
            ])
        }
        let directory = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("portal.toml").path
        try """
            [store]
            kind = "servers"
            postgres = "\(settings.postgres)"
            clickhouse = ["\(settings.clickhouse[0])"]

            [portal]
            export_dir = "\(directory.path)"
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let session = try TmuxSession(command: "\(EndToEnd.binary) portal --customer C1 --config \(config)",
                                      width: 120, height: 30)
        let overview = try session.waitForScreen(timeout: 30) { $0.contains("Acme Voice") }
        XCTAssertTrue(overview.contains("Acme Voice"), overview)
        XCTAssertTrue(overview.contains("now 2  max 2"), "their two calls, not the other customer's:\n\(overview)")
        // Their checklist and Account view read their portal user, on PostgreSQL like the rest of the ledger.
        XCTAssertFalse(overview.contains("not yet supported"), overview)
        XCTAssertFalse(overview.contains("Zeta"), overview)
        try session.send("\(MonitorView.account.rawValue)")
        let account = try session.waitForScreen(timeout: 10) { $0.contains("[\(MonitorView.account.rawValue) Account]") }
        XCTAssertTrue(account.contains("[\(MonitorView.account.rawValue) Account]"), account)
        XCTAssertFalse(account.contains("not yet supported"), account)
        XCTAssertFalse(account.contains("Zeta"), account)
        try session.send("q")
        XCTAssertEqual(try session.waitForExit(timeout: 10), 0)
    }
}
