import Metrics
import TermDashTestSupport
import XCTest
@testable import TermDash

/// Custom panes as literal lines: each kind, an error, loading, escape sequences from the store, 0×0 and 1×1.
final class CustomPaneWidgetTests: XCTestCase {
    private let result = CustomQueryResult(
        columns: ["carrier", "calls"],
        rows: [[.text("Telia"), .integer(40)], [.text("Orange\u{1B}[2J"), .integer(10)], [.text("BT"), .integer(20)]],
        truncated: false)

    private func widget(_ kind: CustomPaneKind, _ outcome: Result<CustomQueryResult, CustomQueryError>?) -> CustomPaneWidget {
        CustomPaneWidget(outcome: outcome, kind: kind, glyphs: .ascii)
    }

    func testATableHasAHeaderAndNumbersAlignedRight() {
        assertScreen(widget(.table, .success(result)).lines(width: 20, height: 5), [
            "carrier  calls      ",
            "Telia       40      ",
            "Orange      10      ",
            "BT          20      ",
            "                    ",
        ])
    }

    func testBarsAreScaledToTheLargestValue() {
        assertScreen(widget(.bar, .success(result)).lines(width: 20, height: 3), [
            "Telia  ########## 40",
            "Orange ###        10",
            "BT     #####      20",
        ])
    }

    func testACounterShowsTheFirstValueAndItsColumn() {
        assertScreen(widget(.counter, .success(result)).lines(width: 8, height: 2), ["Telia   ", "carrier "])
    }

    func testAFailedQueryShowsItsErrorAfterAMark() {
        assertScreen(widget(.table, .failure(.timedOut(1))).lines(width: 40, height: 2), [
            "! interrupted after 1.0 s (the time limit)",
            "                                        ",
        ].map { String($0.prefix(40)) })
        assertScreen(widget(.bar, nil).lines(width: 10, height: 1), ["loading…  "])
    }

    func testTinyAreasShowWhatFits() {
        for kind in CustomPaneKind.allCases {
            assertScreen(widget(kind, .success(result)).lines(width: 0, height: 0), [])
            XCTAssertEqual(widget(kind, .success(result)).lines(width: 1, height: 1).count, 1)
        }
        assertScreen(widget(.table, .success(result)).lines(width: 1, height: 1), ["c"])
    }
}
