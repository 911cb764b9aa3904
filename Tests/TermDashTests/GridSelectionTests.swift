@testable import Metrics
import XCTest

@testable import TermDash

/// The grid's cursor, selection and scroll as pure transitions.
final class GridSelectionTests: XCTestCase {
    private func at(_ row: Int, _ column: Int) -> GridPosition { GridPosition(row: row, column: column) }

    func testStartsOnTheNewestBucketOfTheFirstCustomer() {
        let selection = GridSelection(rows: 3, columns: 24)
        XCTAssertEqual(selection.cursor, at(0, 23))
        XCTAssertNil(selection.anchor)
        XCTAssertEqual(selection.range, GridRange(rows: 0...0, columns: 23...23))
        XCTAssertFalse(selection.hasRectangle)
    }

    func testMovesAreClampedToTheGrid() {
        var s = GridSelection(rows: 3, columns: 4, cursor: at(0, 0))
        s.move(.up)
        s.move(.left)
        XCTAssertEqual(s.cursor, at(0, 0))
        for _ in 0..<10 { s.move(.down) }
        for _ in 0..<10 { s.move(.right) }
        XCTAssertEqual(s.cursor, at(2, 3))
        s.move(.to(at(-5, 99)))
        XCTAssertEqual(s.cursor, at(0, 3))
        XCTAssertEqual(GridSelection(rows: 3, columns: 4, cursor: at(9, 9)).cursor, at(2, 3))
    }

    func testHomeEndTopBottom() {
        var s = GridSelection(rows: 5, columns: 6, cursor: at(2, 2))
        s.move(.home)
        XCTAssertEqual(s.cursor, at(2, 0))
        s.move(.end)
        XCTAssertEqual(s.cursor, at(2, 5))
        s.move(.top)
        XCTAssertEqual(s.cursor, at(0, 5))
        s.move(.bottom)
        XCTAssertEqual(s.cursor, at(4, 5))
    }

    func testShiftMovesGrowARectangleThatAPlainMoveDrops() {
        var s = GridSelection(rows: 4, columns: 5, cursor: at(1, 3))
        s.extend(.left)
        s.extend(.left)
        s.extend(.down)
        XCTAssertEqual(s.anchor, at(1, 3))
        XCTAssertEqual(s.cursor, at(2, 1))
        XCTAssertEqual(s.range, GridRange(rows: 1...2, columns: 1...3))
        XCTAssertEqual(s.range?.cellCount, 6)
        XCTAssertTrue(s.hasRectangle)
        s.move(.right)
        XCTAssertNil(s.anchor)
        XCTAssertEqual(s.cursor, at(2, 2))
        XCTAssertEqual(s.range, GridRange(rows: 2...2, columns: 2...2))
    }

    func testShiftSelectionCanShrinkBackToOneCell() {
        var s = GridSelection(rows: 4, columns: 5, cursor: at(1, 1))
        s.extend(.right)
        s.extend(.left)
        XCTAssertEqual(s.range, GridRange(rows: 1...1, columns: 1...1))
        XCTAssertFalse(s.hasRectangle)
    }

    func testVMakesPlainMovesExtendUntilVOrEscape() {
        var s = GridSelection(rows: 4, columns: 5, cursor: at(0, 0))
        s.toggleAnchor()
        XCTAssertEqual(s.anchor, at(0, 0))
        s.move(.down)
        s.move(.right)
        s.move(.right)
        XCTAssertEqual(s.range, GridRange(rows: 0...1, columns: 0...2))
        s.move(.pageDown(rows: 10))
        XCTAssertEqual(s.range, GridRange(rows: 0...3, columns: 0...2))
        s.toggleAnchor()
        XCTAssertNil(s.anchor)
        XCTAssertEqual(s.range, GridRange(rows: 3...3, columns: 2...2))

        s.toggleAnchor()
        s.move(.up)
        s.clearSelection()
        XCTAssertNil(s.anchor)
        s.move(.up)
        XCTAssertFalse(s.hasRectangle)
    }

    func testShiftAfterVKeepsTheStickyAnchor() {
        var s = GridSelection(rows: 4, columns: 5, cursor: at(0, 0))
        s.toggleAnchor()
        s.extend(.down)
        s.move(.right)
        XCTAssertEqual(s.range, GridRange(rows: 0...1, columns: 0...1))
    }

    func testPageMovesByTheGivenHeightAndClamps() {
        var s = GridSelection(rows: 23, columns: 3, cursor: at(0, 0))
        s.reveal(visibleRows: 5, visibleColumns: 3)
        s.move(.pageDown(rows: 5))
        s.reveal(visibleRows: 5, visibleColumns: 3)
        XCTAssertEqual(s.cursor, at(5, 0))
        XCTAssertEqual(s.scrollRow, 5, "the page turns with the cursor")
        s.move(.down)
        s.move(.pageDown(rows: 5))
        s.reveal(visibleRows: 5, visibleColumns: 3)
        XCTAssertEqual(s.cursor, at(11, 0))
        XCTAssertEqual(s.scrollRow, 10)
        for _ in 0..<5 { s.move(.pageDown(rows: 5)) }
        s.reveal(visibleRows: 5, visibleColumns: 3)
        XCTAssertEqual(s.cursor, at(22, 0))
        XCTAssertEqual(s.scrollRow, 18, "no empty rows below the last customer")
        s.move(.pageUp(rows: 5))
        s.reveal(visibleRows: 5, visibleColumns: 3)
        XCTAssertEqual(s.cursor, at(17, 0))
        XCTAssertEqual(s.scrollRow, 13)
        for _ in 0..<9 { s.move(.pageUp(rows: 5)) }
        s.reveal(visibleRows: 5, visibleColumns: 3)
        XCTAssertEqual(s.cursor, at(0, 0))
        XCTAssertEqual(s.scrollRow, 0)
        // A page of 0 rows (a pane with no room) still moves one.
        s.move(.pageDown(rows: 0))
        XCTAssertEqual(s.cursor, at(1, 0))
    }

    func testRevealScrollsAsLittleAsPossible() {
        var s = GridSelection(rows: 20, columns: 31, cursor: at(0, 30))
        s.reveal(visibleRows: 5, visibleColumns: 7)
        XCTAssertEqual(s.scrollRow, 0)
        XCTAssertEqual(s.scrollColumn, 24, "the newest bucket shows at the right edge")
        for _ in 0..<6 { s.move(.down) }
        s.reveal(visibleRows: 5, visibleColumns: 7)
        XCTAssertEqual(s.scrollRow, 2)
        s.move(.up)
        s.reveal(visibleRows: 5, visibleColumns: 7)
        XCTAssertEqual(s.scrollRow, 2, "inside the view: no scroll")
        s.move(.up)
        s.move(.up)
        s.move(.up)
        s.reveal(visibleRows: 5, visibleColumns: 7)
        XCTAssertEqual(s.scrollRow, 2)
        s.move(.up)
        s.reveal(visibleRows: 5, visibleColumns: 7)
        XCTAssertEqual(s.cursor.row, 1)
        XCTAssertEqual(s.scrollRow, 1)
        for _ in 0..<8 { s.move(.left) }
        s.reveal(visibleRows: 5, visibleColumns: 7)
        XCTAssertEqual(s.cursor.column, 22)
        XCTAssertEqual(s.scrollColumn, 22)
        s.move(.home)
        s.reveal(visibleRows: 5, visibleColumns: 7)
        XCTAssertEqual(s.scrollColumn, 0)
        // A taller viewport leaves no blank rows below the grid.
        s.move(.bottom)
        s.reveal(visibleRows: 5, visibleColumns: 7)
        XCTAssertEqual(s.scrollRow, 15)
        s.reveal(visibleRows: 50, visibleColumns: 70)
        XCTAssertEqual(s.scrollRow, 0)
        XCTAssertEqual(s.scrollColumn, 0)
        // No viewport at all: nothing to keep in view, nothing breaks.
        s.reveal(visibleRows: 0, visibleColumns: 0)
        XCTAssertEqual(s.scrollRow, 0)
    }

    func testResizeKeepsEverythingInside() {
        var s = GridSelection(rows: 10, columns: 10, cursor: at(9, 9))
        s.extend(.up)
        s.reveal(visibleRows: 3, visibleColumns: 3)
        s.resize(rows: 4, columns: 2)
        XCTAssertEqual(s.cursor, at(3, 1))
        XCTAssertEqual(s.anchor, at(3, 1))
        XCTAssertLessThanOrEqual(s.scrollRow, 3)
        s.resize(rows: 0, columns: 0)
        XCTAssertTrue(s.isEmpty)
        XCTAssertNil(s.range)
        XCTAssertNil(s.anchor)
    }

    func testAnEmptyGridIgnoresEverything() {
        var s = GridSelection(rows: 0, columns: 24)
        s.move(.down)
        s.extend(.right)
        s.toggleAnchor()
        s.selectAll()
        s.selectRow(3)
        s.selectColumn(3)
        s.mouse(.press, at: at(1, 1))
        s.move(.pageDown(rows: 5))
        s.reveal(visibleRows: 5, visibleColumns: 5)
        XCTAssertNil(s.range)
        XCTAssertNil(s.anchor)
        XCTAssertEqual(s.cursor, at(0, 23))
    }

    func testMousePressDragRelease() {
        var s = GridSelection(rows: 5, columns: 6, cursor: at(0, 5))
        s.mouse(.press, at: at(1, 1))
        XCTAssertTrue(s.isDragging)
        XCTAssertEqual(s.cursor, at(1, 1))
        s.mouse(.drag, at: at(2, 3))
        s.mouse(.drag, at: at(3, 4))
        s.mouse(.release, at: at(3, 4))
        XCTAssertFalse(s.isDragging)
        XCTAssertEqual(s.range, GridRange(rows: 1...3, columns: 1...4))
        // A plain key move afterwards drops the mouse selection, as after Shift.
        s.move(.left)
        XCTAssertNil(s.anchor)
        XCTAssertEqual(s.cursor, at(3, 3))
    }

    func testMouseClickOnlyMovesTheCursor() {
        var s = GridSelection(rows: 5, columns: 6, cursor: at(0, 5))
        s.mouse(.press, at: at(2, 2))
        s.mouse(.release, at: at(2, 2))
        XCTAssertNil(s.anchor)
        XCTAssertEqual(s.cursor, at(2, 2))
        s.mouse(.click, at: at(4, 0))
        XCTAssertEqual(s.cursor, at(4, 0))
        XCTAssertNil(s.anchor)
        // A drag or release without a press is ignored.
        s.mouse(.drag, at: at(0, 0))
        s.mouse(.release, at: at(0, 0))
        XCTAssertEqual(s.cursor, at(4, 0))
    }

    func testSelectRowColumnAll() {
        var s = GridSelection(rows: 3, columns: 4)
        s.selectRow(1)
        XCTAssertEqual(s.range, GridRange(rows: 1...1, columns: 0...3))
        s.selectColumn(2)
        XCTAssertEqual(s.range, GridRange(rows: 0...2, columns: 2...2))
        s.selectAll()
        XCTAssertEqual(s.range, GridRange(rows: 0...2, columns: 0...3))
        s.move(.up)  // the selection was made sticky: moves extend it
        XCTAssertEqual(s.range, GridRange(rows: 0...1, columns: 0...3))
    }

    // MARK: View state

    func testKeyTableDrivesTheState() {
        var state = SummaryGridFixtures.state(for: SummaryGridFixtures.small)
        func press(_ key: Key) -> GridEffect? {
            GridKeyBinding.command(for: key).map { state.apply($0, pageRows: 2) }
        }
        XCTAssertEqual(state.selection.cursor, at(0, 3))
        XCTAssertEqual(press(.character("j")), .redraw)
        XCTAssertEqual(press(.character("h")), .redraw)
        XCTAssertEqual(state.selection.cursor, at(1, 2))
        _ = press(.shiftLeft)
        _ = press(.character("K"))
        XCTAssertEqual(state.selection.range, GridRange(rows: 0...1, columns: 1...2))
        _ = press(.escape)
        XCTAssertFalse(state.selection.hasRectangle)
        _ = press(.character("v"))
        _ = press(.end)
        _ = press(.character("G"))
        XCTAssertEqual(state.selection.range, GridRange(rows: 0...2, columns: 1...3))
        _ = press(.character("v"))
        _ = press(.home)
        _ = press(.character("g"))
        XCTAssertEqual(state.selection.cursor, at(0, 0))
        _ = press(.pageDown)
        XCTAssertEqual(state.selection.cursor, at(2, 0))
        XCTAssertEqual(press(.character("y")), .copy(headers: false))
        XCTAssertEqual(press(.character("Y")), .copy(headers: true))
        XCTAssertEqual(press(.character("e")), .export)
        XCTAssertEqual(press(.character("m")), .redraw)
        XCTAssertEqual(state.metric, .answered)
        XCTAssertEqual(press(.character("M")), .redraw)
        XCTAssertEqual(press(.character("M")), .redraw)
        XCTAssertEqual(state.metric, .profit)
        XCTAssertEqual(press(.character("p")), .reloadGrid)
        XCTAssertEqual(state.period, .daily)
        XCTAssertEqual(press(.character("P")), .reloadGrid)
        XCTAssertEqual(press(.character("P")), .reloadGrid)
        XCTAssertEqual(state.period, .monthly)
        XCTAssertNil(press(.character("q")), "the monitor's own keys stay the monitor's")
        XCTAssertNil(press(.character("?")))
        XCTAssertNil(press(.character("r")))
    }

    func testNoKeyIsBoundTwice() {
        var seen: Set<Key> = []
        for binding in GridKeyBinding.defaults {
            for key in binding.keys { XCTAssertTrue(seen.insert(key).inserted, "\(key) bound twice") }
        }
        for binding in KeyBinding.defaults where binding.view == nil {
            for key in binding.keys { XCTAssertFalse(seen.contains(key), "\(key) is the monitor's") }
        }
    }

    func testCustomerScopeNeverCyclesToCarrierFigures() {
        var state = SummaryGridViewState(metric: .profit, metrics: SummaryGridViewState.customerMetrics)
        XCTAssertEqual(state.metric, .attempts, "a figure outside the list is refused")
        var shown: Set<CellMetric> = []
        for _ in 0..<20 {
            state.cycleMetric()
            shown.insert(state.metric)
        }
        XCTAssertEqual(shown, Set(SummaryGridViewState.customerMetrics))
        state.show(.providerCost)
        XCTAssertNotEqual(state.metric, .providerCost)
    }

    func testRefreshKeepsTheSelectionOnTheSameCustomersAndBuckets() {
        let grid = SummaryGridFixtures.large(rows: 5, columns: 24, period: .live)
        var state = SummaryGridFixtures.state(for: grid)
        state.selection.move(.to(at(1, 20)))
        state.selection.extend(.down)
        state.selection.extend(.left)
        XCTAssertEqual(state.selection.range, GridRange(rows: 1...2, columns: 19...20))

        // An hour later: every bucket moved one to the left, and customer 101 is now listed last.
        var later = grid
        later.buckets = grid.buckets.dropFirst() + [grid.buckets.last! + 3_600]
        later.rows = [grid.rows[0], grid.rows[2], grid.rows[3], grid.rows[4], grid.rows[1]]
        for index in later.rows.indices { later.rows[index].cells = Array(later.rows[index].cells.dropFirst()) + [TrafficFigures()] }
        state.update(to: later)
        XCTAssertEqual(state.selection.cursor, at(1, 18), "customer 102 (now row 1), the same hour")
        XCTAssertEqual(state.selection.anchor, at(4, 19), "customer 101 (now row 4), the same hour")

        // A cursor on the newest bucket follows the newest bucket.
        state.selection.move(.end)
        var evenLater = later
        evenLater.buckets = later.buckets.dropFirst() + [later.buckets.last! + 3_600]
        state.update(to: evenLater)
        XCTAssertEqual(state.selection.cursor, at(1, 23))

        // The same grid again changes nothing.
        let before = state
        state.update(to: evenLater)
        XCTAssertEqual(state, before)
    }

    func testAnotherPeriodStartsOnItsNewestBucket() {
        var state = SummaryGridFixtures.state(for: SummaryGridFixtures.large(rows: 4, columns: 24, period: .live))
        state.selection.move(.to(at(2, 3)))
        state.selection.extend(.down)
        state.cyclePeriod()
        state.update(to: SummaryGridFixtures.large(rows: 4, columns: 31, period: .daily))
        XCTAssertEqual(state.selection.cursor, at(3, 30))
        XCTAssertNil(state.selection.anchor)
    }

    func testExportRangeIsTheSelectionOrTheWholeGrid() {
        var state = SummaryGridFixtures.state(for: SummaryGridFixtures.small)
        XCTAssertEqual(state.exportRange, GridRange(rows: 0...2, columns: 0...3))
        state.selection.extend(.down)
        XCTAssertEqual(state.exportRange, GridRange(rows: 0...1, columns: 3...3))
        XCTAssertNil(SummaryGridViewState().exportRange)
    }
}
