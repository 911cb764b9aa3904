@testable import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// The summary grid pane as literal lines, with the cursor and selection checked cell by cell.
final class SummaryGridWidgetTests: XCTestCase {
    private let grid = SummaryGridFixtures.small

    private func render(
        _ grid: SummaryGrid?, _ state: SummaryGridViewState, _ width: Int, _ height: Int,
        glyphs: GlyphSet = .unicodeBlock, options: SummaryGridWidget.Options = .init()
    ) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        SummaryGridWidget(grid: grid, state: state, glyphs: glyphs, options: options).render(buffer.bounds, into: &buffer)
        return buffer
    }

    /// One character per cell for how it is marked: S cursor alone (selection role, bold), s selected,
    /// C cursor inside a rectangle (bold, not reversed), a cursor row/column heading, d dimmed, ! alarm,
    /// t title, l label, v value, . plain.
    private func marks(_ buffer: CellBuffer, _ y: Int) -> String {
        (0..<buffer.width).map { x -> String in
            let style = buffer[x, y].style
            switch (style.role, style.bold) {
            case (.selection, false): return "s"
            case (.selection, true): return "S"
            case (.normal, true): return "C"
            case (.accent, true): return "a"
            case (.dim, _): return "d"
            case (.alarm, _): return "!"
            case (.title, _): return "t"
            case (.label, _): return "l"
            case (.value, _): return "v"
            default: return "."
            }
        }.joined()
    }

    /// The small grid with a 2×2 rectangle: cursor on Globex 12:00, anchor on Acme 13:00.
    private func rectangleState(_ metric: CellMetric = .attempts) -> SummaryGridViewState {
        var state = SummaryGridFixtures.state(for: grid, metric: metric)
        state.selection.extend(.left)
        state.selection.extend(.down)
        return state
    }

    func testZeroAndOne() {
        let state = rectangleState()
        assertScreen(render(grid, state, 0, 0).lines(), [])
        assertScreen(render(grid, state, 1, 1).lines(), ["A"])
        assertScreen(render(grid, state, 1, 4).lines(), ["A", "A", "G", "n"])
        assertScreen(render(grid, state, 6, 1).lines(), ["Attem…"])
        assertScreen(render(nil, state, 1, 1).lines(), ["l"])
    }

    func testTwentyByFive() {
        let buffer = render(grid, rectangleState(), 20, 5)
        assertScreen(buffer.lines(), [
            "Attempts     12:00  ",
            "Acme Telecom     0  ",
            "Globex          12  ",
            "Total           14  ",
            "n 4 · Σ 33 · avg 8.…",
        ])
        XCTAssertEqual((0..<5).map { marks(buffer, $0) }, [
            "tttttttt.....aaaaa..",
            ".............sssss..",
            "aaaaaa.......CCCCC..",
            "lllll........vvvvv..",
            "llllllllllllllllllll",
        ])
    }

    func testFortyBySevenWithARectangle() {
        let buffer = render(grid, rectangleState(), 40, 7)
        assertScreen(buffer.lines(), [
            "Attempts     10:00 11:00 12:00 13:00    ",
            "Acme Telecom   120   130     0     7    ",
            "Globex           7     9    12    14    ",
            "Initech Ltd  1,000     1     2     3    ",
            "Total        1,127   140    14    24    ",
            "                                        ",
            "n 4 · Σ 33 · avg 8.25 · weighted N/A    ",
        ])
        XCTAssertEqual((0..<5).map { marks(buffer, $0) }, [
            "tttttttt.....lllll.lllll.aaaaa.lllll....",
            ".........................sssssssssss....",
            "aaaaaa...................CCCCCssssss....",
            "........................................",
            "lllll........vvvvv.vvvvv.vvvvv.vvvvv....",
        ])
        // The block reads as one: the gap between its columns is reversed too, the gap before it is not.
        XCTAssertEqual(buffer[30, 1].style, Style(.selection))
        XCTAssertEqual(buffer[24, 1].style, Style(.normal))
        XCTAssertEqual(buffer[29, 2].style, Style(.normal, bold: true))
    }

    func testACursorAloneIsReversedAndBold() {
        let state = SummaryGridFixtures.state(for: grid)
        let buffer = render(grid, state, 40, 7)
        XCTAssertEqual(marks(buffer, 1), "aaaaaaaaaaaa.............ddddd.SSSSS....")
        XCTAssertEqual(marks(buffer, 0), "tttttttt.....lllll.lllll.lllll.aaaaa....")
        XCTAssertEqual(marks(buffer, 2), "........................................", "only the cursor's row is marked")
        XCTAssertEqual(buffer.lines()[6], "n 1 · Σ 7 · avg 7.00 · weighted N/A     ")
    }

    func testSelectionNeedsNoColour() {
        // Without colour every theme falls back to the monochrome attributes: the selection is reverse video,
        // and the cursor inside a block is bold without reverse, so the three states differ without colour.
        for theme in Theme.all {
            let looks = theme.resolved(for: .none, colorCount: 0)
            XCTAssertEqual(looks[.selection]?.reverse, true, theme.name)
            XCTAssertEqual(looks[.normal]?.reverse, false, theme.name)
            XCTAssertEqual(looks[.accent]?.reverse, false, theme.name)
        }
        XCTAssertEqual(Theme.monochrome.entry(for: .selection).reverse, true)
    }

    func testRatiosMoneyAndNA() {
        let asr = render(grid, rectangleState(.asr), 40, 7)
        assertScreen(asr.lines(), [
            "ASR %         10:00  11:00  12:00  13:00",
            "Acme Telecom  50.0%  40.0%    N/A 100.0%",
            "Globex         0.0%  33.3%  50.0% 100.0%",
            "Initech Ltd   99.9% 100.0%  50.0%  33.3%",
            "Total         94.0%  40.0%  50.0%  91.7%",
            "                                        ",
            "n 4 (1 N/A) · Σ N/A · avg 83.33% · weig…",
        ])
        let profit = render(grid, rectangleState(.profit), 44, 7)
        assertScreen(profit.lines(), [
            "Profit       10:00 11:00 12:00 13:00        ",
            "Acme Telecom  2.35 -0.50  0.00  0.50        ",
            "Globex        0.00  0.05  0.20  0.40        ",
            "Initech Ltd  49.90  0.00  0.00  0.00        ",
            "Total        52.25 -0.45  0.20  0.90        ",
            "                                            ",
            "n 4 · Σ 1.10 · avg 0.28 · weighted N/A      ",
        ])
        XCTAssertEqual(marks(profit, 1), "...................!!!!!.sssssssssss........", "a loss in the alarm role")
        XCTAssertEqual(marks(profit, 4), "lllll........vvvvv.!!!!!.vvvvv.vvvvv........")
        let acd = render(grid, rectangleState(.acd), 40, 5, glyphs: .ascii, options: .init(showsSelectionLine: false))
        assertScreen(acd.lines(), [
            "ACD s        10:00 11:00 12:00 13:00    ",
            "Acme Telecom  90.0  80.0   N/A 100.0    ",
            "Globex         N/A  33.3 100.0 100.0    ",
            "Initech Ltd  100.0  30.0  30.0  30.0    ",
            "Total         99.4  76.6  90.0  96.8    ",
        ])
        XCTAssertEqual(marks(acd, 2), "aaaaaa.......ddddd.......CCCCCssssss....")
    }

    func testEightyByTwentyFour() {
        let buffer = render(grid, rectangleState(.spend), 80, 24)
        let blank = String(repeating: " ", count: 80)
        func pad(_ s: String) -> String { s + String(repeating: " ", count: 80 - s.count) }
        assertScreen(buffer.lines(), [
            pad("Spend         10:00  11:00  12:00  13:00"),
            pad("Acme Telecom  12.35   8.50   0.00   1.00"),
            pad("Globex         0.00   0.25   0.60   1.40"),
            pad("Initech Ltd   99.90   0.01   0.01   0.01"),
            pad("Total        112.25   8.76   0.61   2.41"),
        ] + Array(repeating: blank, count: 18) + [pad("n 4 · Σ 3.00 · avg 0.75 · weighted N/A")])
    }

    func testTwoHundredByFiftyScrollsToTheCursor() {
        let big = SummaryGridFixtures.large(rows: 60, columns: 31)
        var state = SummaryGridFixtures.state(for: big, metric: .spend)
        state.selection.move(.to(GridPosition(row: 50, column: 20)))
        state.selection.extend(.right)
        let rect = Rect(x: 0, y: 0, width: 200, height: 50)
        SummaryGridWidget.reveal(&state, grid: big, in: rect)
        let buffer = render(big, state, 200, 50, glyphs: .ascii)
        let lines = buffer.lines()
        XCTAssertEqual(lines.count, 50)
        XCTAssertTrue(lines[0].hasPrefix("Spend       10-22 10-23 10-24"), lines[0])
        XCTAssertTrue(lines[0].hasSuffix("11-20 11-21   "), "all 31 days fit at 200 columns")
        XCTAssertTrue(lines[1].hasPrefix("Customer 4 "), "scrolled just enough to show customer 50")
        XCTAssertTrue(lines[47].hasPrefix("Customer 50 "))
        XCTAssertTrue(lines[48].hasPrefix("Total       64.69 62.96"))
        XCTAssertEqual(lines[49].trimmingCharacters(in: .whitespaces), "n 2 | sum 2.72 | avg 1.36 | weighted N/A")
        XCTAssertEqual(String(marks(buffer, 47).prefix(11)), "aaaaaaaaaaa")
        let layout = SummaryGridWidget.layout(big, metric: .spend, in: rect)
        XCTAssertEqual(String(Array(marks(buffer, 47))[layout.columnX(20)..<layout.columnX(22)]), "ssssssCCCCC.")
    }

    func testTheCursorIsAlwaysDrawnWhereverItGoes() {
        let big = SummaryGridFixtures.large(rows: 60, columns: 31)
        var state = SummaryGridFixtures.state(for: big)
        let rect = Rect(x: 0, y: 0, width: 41, height: 10)
        let moves: [GridMove] = [.pageDown(rows: 6), .left, .left, .home, .down, .pageDown(rows: 6), .bottom, .right,
                                 .end, .up, .pageUp(rows: 6), .top, .left, .to(GridPosition(row: 33, column: 7))]
        for move in moves + moves.reversed() {
            state.selection.move(move)
            if move == .left { state.selection.extend(.up) }
            SummaryGridWidget.reveal(&state, grid: big, in: rect)
            let buffer = render(big, state, rect.width, rect.height)
            let cursor = state.selection.cursor
            let marked = (0..<rect.height).flatMap { y in (0..<rect.width).compactMap { x -> (Int, Int)? in
                let style = buffer[x, y].style
                return style.bold && (style.role == .selection || style.role == .normal) ? (x, y) : nil
            } }
            XCTAssertEqual(marked.count, SummaryGridWidget.layout(big, metric: .attempts, in: rect).cellWidth, "\(move)")
            guard let (x, y) = marked.first else { continue }
            XCTAssertTrue(buffer.lines()[y].hasPrefix("Customer \(cursor.row) "), "\(move): \(buffer.lines()[y])")
            let heading = buffer.lines()[0].dropFirst(x).prefix(5)
            XCTAssertEqual(String(heading), BucketLabel.compact(big.buckets[cursor.column], period: .daily), "\(move)")
        }
    }

    func testEverySizeRendersCleanText() {
        var state = rectangleState()
        state.selection.selectAll()
        for glyphs in [GlyphSet.unicodeBlock, .ascii] {
            for width in 0...46 {
                for height in 0...9 {
                    let buffer = render(grid, state, width, height, glyphs: glyphs)
                    XCTAssertEqual(buffer.lines().count, height)
                    for y in 0..<height {
                        for x in 0..<width {
                            for scalar in buffer[x, y].text.unicodeScalars {
                                XCTAssertFalse(SanitizerTests.isForbidden(scalar), "\(width)×\(height) at \(x),\(y)")
                            }
                        }
                    }
                }
            }
        }
    }

    func testLoadingAndNoCustomers() {
        let state = SummaryGridViewState()
        assertScreen(render(nil, state, 12, 2).lines(), ["loading…    ", "            "])
        let empty = SummaryGrid(period: .daily, buckets: [SummaryGridFixtures.day], rows: [])
        var emptyState = SummaryGridViewState(period: .daily)
        emptyState.update(to: empty)
        assertScreen(render(empty, emptyState, 30, 4).lines(), [
            "Attempts 11-21                ",
            "no customers in this period   ",
            "                              ",
            "                              ",
        ])
    }

    func testANarrowPaneShowsOneBucketBesideACutName() {
        let buffer = render(grid, SummaryGridFixtures.state(for: grid), 14, 5)
        let layout = SummaryGridWidget.layout(grid, metric: .attempts, in: buffer.bounds)
        XCTAssertEqual(layout.visibleColumns, 1)
        XCTAssertEqual(layout.nameWidth, 8)
        assertScreen(buffer.lines(), [
            "Attempts 13:00",
            "Acme Te…     7",
            "Globex      14",
            "Total       24",
            "n 1 · Σ 7 · a…",
        ])
    }

    func testWideNamesAreCutOnCharacterBoundaries() {
        var wide = grid
        wide.rows[0].name = "中文客户有限公司国际电信"  // 24 columns
        wide.rows[1].name = "Zürich\u{202E}Telecom"
        let buffer = render(wide, SummaryGridFixtures.state(for: wide), 21, 5)
        // The name column gets what one bucket leaves (15); the cut keeps whole wide characters; the bidi
        // override is gone.
        assertScreen(buffer.lines(), [
            "Attempts        13:00",
            "中文客户有限公…     7",
            "ZürichTelecom      14",
            "Total              24",
            "n 1 · Σ 7 · avg 7.00…",
        ])
        XCTAssertEqual(buffer[16, 1].style, Style(.selection, bold: true))
    }

    func testTitle() {
        var state = SummaryGridViewState(period: .daily, metric: .asr)
        XCTAssertEqual(SummaryGridWidget.title(state, glyphs: .unicodeBlock), "Summary · Daily · ASR % (UTC)")
        state.cyclePeriod()
        XCTAssertEqual(SummaryGridWidget.title(state, glyphs: .ascii), "Summary - Weekly - ASR % (UTC)")
        // Once a grid is read, its period and the span it covers: weeks from the first Monday to the last Sunday.
        let monday: Int64 = 1_764_547_200  // 2025-12-01
        let weeks = SummaryGrid(period: .weekly, buckets: [monday, monday + 7 * 86_400], rows: [], pagesBack: 3)
        XCTAssertEqual(SummaryGridWidget.title(state, grid: weeks, glyphs: .unicodeBlock),
                       "Summary · Weekly · ASR % (UTC) · 2025-12-01 to 2025-12-14")
        let months = SummaryGrid(period: .monthly, buckets: [1_735_689_600, 1_738_368_000], rows: [])
        XCTAssertEqual(SummaryGridWidget.title(state, grid: months, glyphs: .ascii),
                       "Summary - Monthly - ASR % (UTC) - 2025-01 to 2025-02")
    }

    // MARK: Mouse

    func testHitTesting() {
        let state = SummaryGridFixtures.state(for: grid)
        let rect = Rect(x: 0, y: 0, width: 40, height: 7)
        func hit(_ x: Int, _ y: Int) -> GridHit? {
            SummaryGridWidget.hitTest(x: x, y: y, grid: grid, state: state, in: rect)
        }
        XCTAssertEqual(hit(14, 1), .cell(GridPosition(row: 0, column: 0)))
        XCTAssertEqual(hit(12, 1), .cell(GridPosition(row: 0, column: 0)), "the gap belongs to the column after it")
        XCTAssertEqual(hit(35, 3), .cell(GridPosition(row: 2, column: 3)))
        XCTAssertNil(hit(37, 3), "right of the last column")
        XCTAssertEqual(hit(3, 2), .rowName(1))
        XCTAssertEqual(hit(20, 0), .columnHeader(1))
        XCTAssertEqual(hit(2, 0), .corner)
        XCTAssertNil(hit(20, 4), "the total row is not selectable")
        XCTAssertNil(hit(20, 6), "nor the selection line")
        XCTAssertNil(hit(50, 1))
        XCTAssertEqual(SummaryGridWidget.hitTest(x: 90, y: 90, grid: grid, state: state, in: rect, clamped: true),
                       .cell(GridPosition(row: 2, column: 3)))
    }

    func testMouseDragSelectsARectangle() {
        var state = SummaryGridFixtures.state(for: grid)
        let rect = Rect(x: 0, y: 0, width: 40, height: 7)
        func mouse(_ x: Int, _ y: Int, _ kind: MouseKind) -> Bool {
            SummaryGridWidget.handleMouse(x: x, y: y, kind: kind, grid: grid, state: &state, in: rect)
        }
        XCTAssertTrue(mouse(14, 1, .press))
        XCTAssertTrue(mouse(22, 2, .drag))
        XCTAssertTrue(mouse(28, 2, .release))
        XCTAssertEqual(state.selection.range, GridRange(rows: 0...1, columns: 0...2))
        XCTAssertFalse(mouse(28, 2, .drag), "no button held")
        XCTAssertTrue(mouse(3, 3, .press))
        XCTAssertEqual(state.selection.range, GridRange(rows: 2...2, columns: 0...3))
        XCTAssertTrue(mouse(20, 0, .press))
        XCTAssertEqual(state.selection.range, GridRange(rows: 0...2, columns: 1...1))
        XCTAssertTrue(mouse(1, 0, .press))
        XCTAssertEqual(state.selection.range, GridRange(rows: 0...2, columns: 0...3))
        XCTAssertFalse(mouse(20, 6, .press))
        XCTAssertFalse(mouse(60, 1, .press))
        // A drag past the bottom edge keeps going to the last customer.
        XCTAssertTrue(mouse(33, 1, .press))
        XCTAssertTrue(mouse(33, 30, .drag))
        XCTAssertTrue(mouse(33, 30, .release))
        XCTAssertEqual(state.selection.range, GridRange(rows: 0...2, columns: 3...3))
        XCTAssertTrue(mouse(20, 2, .scrollUp))
        XCTAssertEqual(state.selection.cursor.row, 0)
    }

    func testDragPastTheEdgeScrollsAStep() {
        let big = SummaryGridFixtures.large(rows: 30, columns: 31)
        var state = SummaryGridFixtures.state(for: big)
        let rect = Rect(x: 0, y: 0, width: 40, height: 8)  // 5 customer rows, 4 buckets
        state.selection.move(.top)
        SummaryGridWidget.reveal(&state, grid: big, in: rect)
        let layout = SummaryGridWidget.layout(big, metric: .attempts, in: rect)
        XCTAssertEqual(layout.visibleRows, 5)
        SummaryGridWidget.handleMouse(x: layout.columnX(1), y: layout.bodyY, kind: .press, grid: big, state: &state, in: rect)
        for _ in 0..<3 {
            SummaryGridWidget.handleMouse(x: layout.columnX(1), y: 7, kind: .drag, grid: big, state: &state, in: rect)
        }
        XCTAssertEqual(state.selection.cursor.row, 7, "three steps past the last visible row (4)")
        XCTAssertEqual(state.selection.scrollRow, 3)
        XCTAssertEqual(state.selection.anchor, GridPosition(row: 0, column: 28))
    }
}
