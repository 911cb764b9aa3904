import XCTest
@testable import TermDash

/// `[[pages]]` as written in the config or pushed: what is read, and mistakes named with file, line and reason.
final class CustomPageParserTests: XCTestCase {
    func testPagesAndTheirPanesAreRead() throws {
        let pages = try CustomPageParser.parse("""
            [[pages]]
            title = "Carriers"
            key = "C"
            [[pages.panes]]
            title = "Busiest"
            kind = "bar"
            sql = "SELECT name, channels_configured FROM carriers"
            refresh_seconds = 2
            [[pages.panes]]
            sql = "SELECT count(*) FROM carriers"
            kind = "counter"
            [[pages.panes]]
            sql = "SELECT count() FROM cdrs"
            store = "cdrs"

            [[pages]]
            title = "Mine"
            key = "M"
            customers = true
            [[pages.panes]]
            sql = "SELECT count(*) FROM cdrs WHERE customer_id = :customer"
            """, path: "p.toml")
        XCTAssertEqual(pages, [
            CustomPage(title: "Carriers", key: "C", customers: false, panes: [
                CustomPane(title: "Busiest", sql: "SELECT name, channels_configured FROM carriers", kind: .bar, refreshSeconds: 2),
                CustomPane(title: "", sql: "SELECT count(*) FROM carriers", kind: .counter, refreshSeconds: 5),
                CustomPane(title: "", sql: "SELECT count() FROM cdrs", kind: .table, refreshSeconds: 5, store: .cdrs),
            ]),
            CustomPage(title: "Mine", key: "M", customers: true, panes: [
                CustomPane(title: "", sql: "SELECT count(*) FROM cdrs WHERE customer_id = :customer", kind: .table,
                           refreshSeconds: 5),
            ]),
        ])
    }

    func testMistakesNameTheFileThePageAndTheReason() {
        let cases: [(String, String)] = [
            ("[[pages]]\ntitle = \"A\"\nkey = \"AB\"\n[[pages.panes]]\nsql = \"SELECT 1\"\n",
             "p.toml:1: [[pages]] #1: key must be one character"),
            ("\n[[pages]]\ntitle = \"A\"\nkey = \"A\"\n[[pages.panes]]\nsql = \"SELECT 1\"\nkind = \"pie\"\n",
             "p.toml:2: [[pages]] #1: pane #1: kind must be table, bar, sparkline or counter"),
            ("[[pages]]\ntitle = \"A\"\nkey = \"A\"\ncustomers = true\n[[pages.panes]]\nsql = \"SELECT 1\"\n",
             "p.toml:1: [[pages]] #1: pane #1: a page for customers must filter by :customer"),
            ("[[pages]]\ntitle = \"A\"\nkey = \"A\"\n", "p.toml:1: [[pages]] #1: needs at least one [[pages.panes]]"),
            ("[[pages]]\ntitle = \"A\"\nkey = \"A\"\n[[pages.panes]]\nsql = \"SELECT 1\"\nstore = \"clickhouse\"\n",
             "p.toml:1: [[pages]] #1: pane #1: store must be ledger or cdrs"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try CustomPageParser.parse(text, path: "p.toml"), expected) { error in
                XCTAssertEqual("\(error)", expected)
            }
        }
    }
}
