import XCTest

@testable import TermDash

final class TextAndLayoutTests: XCTestCase {
    func testRectNeverHasNegativeSize() {
        let r = Rect(x: 2, y: 3, width: -4, height: -1)
        XCTAssertEqual(r.width, 0)
        XCTAssertEqual(r.height, 0)
        XCTAssertTrue(r.isEmpty)
        var s = Rect(x: 0, y: 0, width: 3, height: 3)
        s.width -= 10
        XCTAssertEqual(s.width, 0)
    }

    func testInset() {
        let r = Rect(x: 0, y: 0, width: 10, height: 4)
        XCTAssertEqual(r.inset(by: 1), Rect(x: 1, y: 1, width: 8, height: 2))
        XCTAssertEqual(r.inset(horizontal: 2), Rect(x: 2, y: 0, width: 6, height: 4))
        XCTAssertEqual(r.inset(by: 9), Rect(x: 5, y: 2, width: 0, height: 0))
        XCTAssertEqual(Rect(x: 0, y: 0, width: 1, height: 1).inset(by: 1), Rect(x: 0, y: 0, width: 1, height: 1))
    }

    func testTakeEdges() {
        let r = Rect(x: 1, y: 1, width: 10, height: 5)
        XCTAssertEqual(r.takeTop(2).taken, Rect(x: 1, y: 1, width: 10, height: 2))
        XCTAssertEqual(r.takeTop(2).rest, Rect(x: 1, y: 3, width: 10, height: 3))
        XCTAssertEqual(r.takeBottom(9).taken, r)
        XCTAssertEqual(r.takeBottom(9).rest.height, 0)
        XCTAssertEqual(r.takeLeft(3).rest, Rect(x: 4, y: 1, width: 7, height: 5))
        XCTAssertEqual(r.takeRight(3).taken, Rect(x: 8, y: 1, width: 3, height: 5))
    }

    func testSplitRowsAndColumns() {
        let r = Rect(x: 0, y: 0, width: 10, height: 10)
        XCTAssertEqual(r.rows([.fixed(2), .fill, .fraction(0.3)]).map(\.height), [2, 5, 3])
        XCTAssertEqual(r.rows([.fixed(2), .fill, .fraction(0.3)]).map(\.y), [0, 2, 7])
        XCTAssertEqual(r.columns([.fill, .fill, .fill]).map(\.width), [4, 3, 3])
        XCTAssertEqual(r.columns([.fixed(8), .fixed(8)]).map(\.width), [8, 2])
        XCTAssertEqual(r.columns([.fixed(8), .fixed(8), .fill]).map(\.width), [8, 2, 0])
        XCTAssertEqual(r.equalColumns(2, gap: 3).map(\.x), [0, 7])
        XCTAssertEqual(r.equalColumns(2, gap: 3).map(\.width), [4, 3])
        XCTAssertEqual(Rect.zero.equalColumns(3, gap: 1).map(\.width), [0, 0, 0])
    }

    func testDisplayWidth() {
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of("中文"), 4)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.of("🙂"), 2)
        XCTAssertEqual(DisplayWidth.of("🇨🇭"), 2)
        XCTAssertEqual(DisplayWidth.of("❤️"), 2)  // text-default heart with the emoji selector
        XCTAssertEqual(DisplayWidth.of("한국"), 4)
        XCTAssertEqual(DisplayWidth.of("ＡＢ"), 4)  // fullwidth forms
        XCTAssertEqual(DisplayWidth.of("─│█▲●…"), 6)
        XCTAssertEqual(DisplayWidth.of(""), 0)
    }

    func testTruncate() {
        XCTAssertEqual(TextFit.truncate("Acme Telecom", toWidth: 12, ellipsis: "…"), "Acme Telecom")
        XCTAssertEqual(TextFit.truncate("Acme Telecom", toWidth: 8, ellipsis: "…"), "Acme Te…")
        XCTAssertEqual(TextFit.truncate("Acme Telecom", toWidth: 8, ellipsis: "..."), "Acme ...")
        XCTAssertEqual(TextFit.truncate("Acme Telecom", toWidth: 1, ellipsis: "…"), "A")
        XCTAssertEqual(TextFit.truncate("Acme Telecom", toWidth: 0, ellipsis: "…"), "")
        XCTAssertEqual(TextFit.truncate("中文客户", toWidth: 6, ellipsis: "…"), "中文…")
        XCTAssertEqual(TextFit.truncate("中文客户", toWidth: 4, ellipsis: "…"), "中…")
    }

    func testWrap() {
        XCTAssertEqual(TextFit.wrap("TermDash needs 40×10 (now 20×5)", width: 20), ["TermDash needs 40×10", "(now 20×5)"])
        XCTAssertEqual(TextFit.wrap("abcdef gh", width: 4), ["abcd", "ef", "gh"])
        XCTAssertEqual(TextFit.wrap("a b", width: 0), [])
        XCTAssertEqual(TextFit.wrap("中文", width: 1), [])  // nothing fits in one column
    }

    func testGroupedNumbers() {
        XCTAssertEqual(NumberText.grouped(0), "0")
        XCTAssertEqual(NumberText.grouped(999), "999")
        XCTAssertEqual(NumberText.grouped(1_000), "1,000")
        XCTAssertEqual(NumberText.grouped(1_234_567), "1,234,567")
        XCTAssertEqual(NumberText.grouped(-1_234), "-1,234")
        XCTAssertEqual(NumberText.grouped(Int.min), "-9,223,372,036,854,775,808")
    }

    func testBigNumber() {
        XCTAssertEqual(BigNumber.width(of: "1,234"), 15)
        XCTAssertEqual(BigNumber.width(of: "7"), 3)
        XCTAssertTrue(BigNumber.canRender("1,234"))
        XCTAssertFalse(BigNumber.canRender("-5"))
        XCTAssertFalse(BigNumber.canRender(""))
        XCTAssertEqual(BigNumber.rows("10", unicode: true), ["▀█  █▀█", " █  █ █", "▀▀▀ ▀▀▀"])
        XCTAssertEqual(BigNumber.rows("10", unicode: false), ["     _ ", "  | | |", "  | |_|"])
    }

    func testPathsGiveUpTheirDirectoriesBeforeTheirNames() {
        let text = "Copied to /srv/a/b/clip.txt and ~/x/y/z.csv (not docs/readme.md)"
        XCTAssertEqual(TextFit.shortenPaths(text, toWidth: 200, ellipsis: "…"), text)
        XCTAssertEqual(TextFit.shortenPaths(text, toWidth: 60, ellipsis: "…"), "Copied to …/b/clip.txt and ~/x/y/z.csv (not docs/readme.md)")
        XCTAssertEqual(TextFit.shortenPaths(text, toWidth: 10, ellipsis: "..."), "Copied to .../clip.txt and .../z.csv (not docs/readme.md)",
                       "only names are left; a relative path is not touched")
        XCTAssertTrue(TextFit.containsPath("to ~/x.csv"))
        XCTAssertFalse(TextFit.containsPath("Zone Europe/Zurich for the clock"))
    }
}
