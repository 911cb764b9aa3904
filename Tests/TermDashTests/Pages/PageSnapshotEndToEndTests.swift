import Foundation
import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// `termdash snapshot --page`: a page drawn headless by title or key; a customer's snapshot reaches only pages
/// marked for customers, and their query counts that customer's rows only (checked against the raw rows).
final class PageSnapshotEndToEndTests: XCTestCase {
    func testPagesHeadlessAndACustomerReachesOnlyMarkedOnes() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.binary), "build first")
        var random = RandomSource(seed: 3)
        let fixture = try PortalFixture(using: &random)
        let config = fixture.temporary.directory.appendingPathComponent("config.toml")
        try """
            [[pages]]
            title = "Secret"
            key = "S"
            [[pages.panes]]
            title = "All calls"
            kind = "counter"
            sql = "SELECT count(*) AS calls FROM cdrs"

            [[pages]]
            title = "Mine"
            key = "X"
            customers = true
            [[pages.panes]]
            title = "My calls"
            kind = "counter"
            sql = "SELECT count(*) AS calls FROM cdrs WHERE customer_id = :customer"

            """.write(to: config, atomically: true, encoding: .utf8)
        let raw = try SQLiteCustomQueries(path: fixture.path)
            .run("SELECT customer_id FROM cdrs", customer: nil, limits: CustomQueryLimits(rows: 100_000)).get()
        let mine = raw.rows.filter { $0.first == .integer(fixture.targetID) }.count
        let base = ["snapshot", "--db", fixture.path, "--config", config.path, "--width", "80", "--height", "24", "--ascii"]

        let operator_ = try EndToEnd.termdash(base + ["--page", "Secret"])
        XCTAssertEqual(operator_.status, 0, operator_.stderr)
        let lines = operator_.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines[0], "  1   2   3   4   5   6   7  [S Secret]  X")
        XCTAssertEqual(lines[1], "+ All calls -------------------------------------------------------------------+")
        XCTAssertEqual(lines[2], "| \(raw.rows.count)" + String(repeating: " ", count: 77 - "\(raw.rows.count)".count) + "|")

        let customer = base + ["--customer", PortalFixture.target.code]
        for hidden in ["Secret", "S"] {
            let refused = try EndToEnd.termdash(customer + ["--page", hidden])
            XCTAssertEqual(refused.status, 1, refused.stdout)
            XCTAssertEqual(refused.stderr, "Error: no page \"\(hidden)\" (title or key); there are: X \"Mine\"\n")
        }
        let shown = try EndToEnd.termdash(customer + ["--page", "X"])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertFalse(shown.stdout.contains("Secret"), shown.stdout)
        let own = shown.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(own[0].hasSuffix("[X Mine]"), own[0])
        XCTAssertEqual(own[2], "| \(mine)" + String(repeating: " ", count: 77 - "\(mine)".count) + "|")
        XCTAssertLessThan(mine, raw.rows.count)
    }
}
