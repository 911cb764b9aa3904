import Foundation
import XCTest

/// `termdash page push / list / remove` on a store, and a bad page refused with its file, line and reason.
final class PageCommandEndToEndTests: StoreEndToEndTestCase {
    func testAPageIsPushedListedReplacedAndRemoved() throws {
        XCTAssertEqual(try EndToEnd.termdash(["simulate", "--db", db, "--history-days", "0", "--duration", "0"]).status, 0)
        let file = directory.appendingPathComponent("page.toml")
        try """
            [[pages]]
            title = "Carriers"
            key = "C"
            [[pages.panes]]
            kind = "bar"
            sql = "SELECT name, channels_configured FROM carriers"
            """.write(to: file, atomically: true, encoding: .utf8)
        let pushed = try EndToEnd.termdash(["page", "push", file.path, "--db", db])
        XCTAssertEqual(pushed.status, 0, pushed.stderr)
        XCTAssertEqual(pushed.stdout, "Stored page \"Carriers\" (key C, 1 panes)\n")
        XCTAssertEqual(try EndToEnd.termdash(["page", "push", file.path, "--db", db]).status, 0, "a push replaces")
        let listed = try EndToEnd.termdash(["page", "list", "--format", "json", "--db", db])
        let rows = (try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])?["rows"] as? [[String: Any]]
        XCTAssertEqual(rows?.count, 1, listed.stdout)
        XCTAssertEqual(rows?.first?["title"] as? String, "Carriers")
        XCTAssertEqual(rows?.first?["key"] as? String, "C")

        XCTAssertEqual(try EndToEnd.termdash(["page", "remove", "Carriers", "--db", db]).stdout, "Removed page \"Carriers\"\n")
        let again = try EndToEnd.termdash(["page", "remove", "Carriers", "--db", db])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("no page is titled \"Carriers\""), again.stderr)
    }

    func testABadPageIsRefusedWithItsLine() throws {
        let file = directory.appendingPathComponent("bad.toml")
        try "# a page\n[[pages]]\ntitle = \"X\"\nkey = \"X\"\n[[pages.panes]]\nkind = \"pie\"\nsql = \"SELECT 1\"\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let refused = try EndToEnd.termdash(["page", "push", file.path, "--db", db])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("\(file.path):2: [[pages]] #1: pane #1: kind must be table, bar, sparkline or counter"),
                      refused.stderr)
    }
}
