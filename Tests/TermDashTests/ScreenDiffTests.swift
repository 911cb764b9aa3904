import TermDashTestSupport
import XCTest

/// The failure message of `assertScreen`: which lines differ, both texts with their trailing spaces visible, where
/// they part, and the actual screen ready to paste.
final class ScreenDiffTests: XCTestCase {
    func testEqualScreensHaveNoDiff() {
        XCTAssertNil(ScreenDiff.describe(actual: ["ab ", "cd"], expected: ["ab ", "cd"]))
        XCTAssertNil(ScreenDiff.describe(actual: [], expected: []))
    }

    func testALineThatDiffersIsNumberedAndMarkedWhereItParts() {
        let diff = ScreenDiff.describe(actual: ["Total  12", "q quit "], expected: ["Total  12", "q quit"])
        XCTAssertEqual(diff, """
            screens differ
            line 2:
              expected: |q quit|
              actual:   |q quit |
                               ^ character 7
            actual screen:
            [
                "Total  12",
                "q quit ",
            ]
            """)
    }

    func testMissingAndExtraLinesAreSaid() {
        let diff = ScreenDiff.describe(actual: ["a", "b\"\u{1B}"], expected: ["a"])
        XCTAssertEqual(diff, """
            screens differ (expected 1 lines, got 2)
            line 2:
              expected: (no line)
              actual:   |b"\u{1B}|
            actual screen:
            [
                "a",
                "b\\"\\u{1b}",
            ]
            """)
        XCTAssertEqual(ScreenDiff.describe(actual: [], expected: ["x"]), """
            screens differ (expected 1 lines, got 0)
            line 1:
              expected: |x|
              actual:   (no line)
            actual screen:
            []
            """)
    }
}
