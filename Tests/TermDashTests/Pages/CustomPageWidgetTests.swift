import Metrics
import TermDashTestSupport
import XCTest
@testable import TermDash

/// A page's panes laid out: stacked below 120 columns, two by two from 120 (the last of an odd count across the
/// whole width), a pane's error in its box, and a note when panes do not fit.
final class CustomPageWidgetTests: XCTestCase {
    private let page = CustomPage(title: "Ops", key: "O", customers: false, panes: [
        CustomPane(title: "Busiest", sql: "q1", kind: .bar, refreshSeconds: 5),
        CustomPane(title: "Calls", sql: "q2", kind: .counter, refreshSeconds: 1),
        CustomPane(title: "Broken", sql: "q3", kind: .table, refreshSeconds: 5),
    ])
    private let results = PageResults(title: "Ops", outcomes: [
        .success(CustomQueryResult(columns: ["carrier", "calls"], rows: [[.text("Telia"), .integer(40)],
                                                                         [.text("BT"), .integer(20)]], truncated: true)),
        .success(CustomQueryResult(columns: ["calls"], rows: [[.integer(1_234)]], truncated: false)),
        .failure(.failed("no such table: nowhere\u{1B}[2J")),
    ])

    private func widget(_ results: PageResults?) -> CustomPageWidget {
        CustomPageWidget(page: page, results: results, glyphs: .ascii)
    }

    func testTwoByTwoAt200By50() {
        let lines = widget(results).lines(width: 200, height: 48)
        func row(_ left: String, _ right: String) -> String {
            left + String(repeating: " ", count: 100 - left.count - 1) + "|" + right
                + String(repeating: " ", count: 100 - right.count - 1) + "|"
        }
        func border(_ title: String, width: Int) -> String {
            "+ \(title) " + String(repeating: "-", count: width - title.count - 4) + "+"
        }
        XCTAssertEqual(lines[0], border("Busiest (first 2 rows)", width: 100) + border("Calls", width: 100))
        // Bars scaled to the largest over the room left by the label and the value.
        XCTAssertEqual(lines[1], row("| Telia " + String(repeating: "#", count: 87) + " 40 ", "| 1234"))
        XCTAssertEqual(lines[2], row("| BT    " + String(repeating: "#", count: 44) + String(repeating: " ", count: 44) + "20 ",
                                     "| calls"))
        XCTAssertEqual(lines[23], "+" + String(repeating: "-", count: 98) + "++" + String(repeating: "-", count: 98) + "+")
        XCTAssertEqual(lines[24], border("Broken", width: 200))
        // The escape sequence from the store is taken out.
        XCTAssertEqual(lines[25], "| ! no such table: nowhere" + String(repeating: " ", count: 173) + "|")
        XCTAssertEqual(lines[47], "+" + String(repeating: "-", count: 198) + "+")
    }

    func testStackedAt80By22AndLoadingBeforeTheFirstRun() {
        assertScreen(widget(nil).lines(width: 40, height: 9), [
            "+ Busiest -----------------------------+",
            "| loading…                             |",
            "+--------------------------------------+",
            "+ Calls -------------------------------+",
            "| loading…                             |",
            "+--------------------------------------+",
            "+ Broken ------------------------------+",
            "| loading…                             |",
            "+--------------------------------------+",
        ])
        let lines = widget(results).lines(width: 80, height: 22)
        XCTAssertEqual(lines.filter { $0.hasPrefix("+ ") }.map { $0.split(separator: " ")[1] }, ["Busiest", "Calls", "Broken"])
        XCTAssertEqual(lines.count, 22)
    }

    func testPanesThatDoNotFitAreCounted() {
        assertScreen(widget(results).lines(width: 30, height: 7), [
            "+ Busiest (first 2 rows) ----+",
            "| Telia ################# 40 |",
            "+----------------------------+",
            "+ Calls ---------------------+",
            "| 1234                       |",
            "+----------------------------+",
            "... 1 more                    ",
        ])
        assertScreen(widget(results).lines(width: 12, height: 2), ["            ", "3 panes: too"])
    }
}
