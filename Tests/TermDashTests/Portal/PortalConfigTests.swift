import Foundation
import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// What `portal` reads: only `--config`, never the config or store the environment would point other commands at.
final class PortalConfigTests: XCTestCase {
    func testPortalIgnoresTheEnvironmentsConfigAndReadsItsOwn() throws {
        var random = seededRandom()
        let fixture = try PortalFixture(using: &random)
        let home = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let data = home.appendingPathComponent("data/termdash")
        let config = home.appendingPathComponent("config/termdash")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        // The store with its write-ahead log, as a writer left it.
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: fixture.path + suffix) {
            try FileManager.default.copyItem(atPath: fixture.path + suffix,
                                             toPath: data.appendingPathComponent("termdash.db" + suffix).path)
        }
        // A config a client could point XDG_CONFIG_HOME at: another store, [keys] and [copy] a portal must not take.
        try "[store]\npath = \"/nonexistent/other.db\"\n[copy]\ncommand = \"sh -c id\"\n"
            .write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        environment["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
        let portal = try EndToEnd.termdash(["portal", "--customer", PortalFixture.target.code], environment: environment)
        XCTAssertEqual(portal.status, 1)
        XCTAssertTrue(portal.stderr.contains("the portal needs a terminal"), "the default store was opened: \(portal.stderr)")
        // The same config named by --config is read: its store is the one opened.
        let named = try EndToEnd.termdash(["portal", "--customer", PortalFixture.target.code, "--config",
                                           config.appendingPathComponent("config.toml").path], environment: environment)
        XCTAssertTrue(named.stderr.contains("/nonexistent/other.db"), named.stderr)
        // [portal] show_carrier_names is a setting of its own.
        let parsed = try Config.parse("[portal]\nshow_carrier_names = true\n", path: "c.toml")
        XCTAssertTrue(parsed.portalShowsCarrierNames)
        XCTAssertThrowsError(try Config.parse("[portal]\nshow_carrier_name = true\n", path: "c.toml"))
    }

    /// `[portal] customer_drafts` and `export_dir`, `[invoices] numbering`, `[company]` contact and PayPal; a bad
    /// numbering named with its line.
    func testThePortalsOwnSettingsAndInvoiceNumbering() throws {
        let defaults = try Config.parse("", path: "c.toml")
        XCTAssertTrue(defaults.portalCustomerDrafts)
        XCTAssertNil(defaults.portalExportDirectory)
        XCTAssertEqual(defaults.invoiceNumbering, .global)
        let parsed = try Config.parse("""
            [company]
            email = "billing@telco.example"
            phone = "+41445550000"
            paypal = "pay@telco.example"
            [invoices]
            numbering = "per-customer"
            [portal]
            customer_drafts = false
            export_dir = "/srv/portal-exports"
            """, path: "c.toml")
        XCTAssertEqual(parsed.company.email, "billing@telco.example")
        XCTAssertEqual(parsed.company.phone, "+41445550000")
        XCTAssertEqual(parsed.company.paypal, "pay@telco.example")
        XCTAssertEqual(parsed.invoiceNumbering, .perCustomer)
        XCTAssertFalse(parsed.portalCustomerDrafts)
        XCTAssertEqual(parsed.portalExportDirectory, "/srv/portal-exports")
        XCTAssertEqual(PortalExports.customerDirectory(base: "/srv/portal-exports", customerID: 7), "/srv/portal-exports/7")
        XCTAssertEqual(PortalExports.baseDirectory(configured: nil, storePath: "/var/lib/termdash/t.db"),
                       "/var/lib/termdash/portal-exports")
        XCTAssertThrowsError(try Config.parse("[company]\nname = \"x\"\n[invoices]\nnumbering = \"yearly\"\n", path: "c.toml")) {
            XCTAssertEqual("\($0)", "c.toml:4: invoices.numbering: must be \"global\" or \"per-customer\"")
        }
    }
}
