import Metrics
import XCTest

@testable import TermDash

/// Every key's effect on the monitor's state, without a terminal: what a key press changes and what it asks the
/// session to do, and which keys reach which actions in each view.
final class MonitorStateTests: XCTestCase {
    private let lists = MonitorState.Lists(carriers: [11, 22, 33, 44, 55], checklistItems: 30, pageRows: 10)

    private func state(_ view: MonitorView) -> MonitorState {
        var state = MonitorState()
        state.view = view
        return state
    }

    /// Presses `key` in `state` through the default key table, as the session does.
    @discardableResult
    private func press(_ key: Key, _ state: inout MonitorState, zones: Int = 3, lists: MonitorState.Lists? = nil,
                       file: StaticString = #filePath, line: UInt = #line) -> MonitorState.Effect? {
        guard let action = KeyBinding.action(for: key, in: state.view, table: KeyBinding.defaults) else { return nil }
        return state.apply(action, zoneCount: zones, lists: lists ?? self.lists)
    }

    // MARK: Views

    func testStartsOnTheOverviewOverOneHour() {
        let state = MonitorState()
        XCTAssertEqual(state.view, .overview)
        XCTAssertEqual(state.range, .oneHour)
        XCTAssertFalse(state.showHelp)
        XCTAssertEqual(state.zoneIndex, 0)
        XCTAssertTrue(state.excludedCarriers.isEmpty)
    }

    func testTabGoesThroughEveryViewAndWrapsToTheFirst() {
        var state = MonitorState()
        var seen: [MonitorView] = []
        for _ in MonitorView.operatorViews {
            XCTAssertEqual(press(.tab, &state), MonitorState.Effect.none)
            seen.append(state.view)
        }
        XCTAssertEqual(seen, [.channels, .history, .quality, .summary, .checklist, .billing, .overview])
    }

    func testBackTabGoesBackAndWrapsFromTheFirstToTheLast() {
        var state = MonitorState()
        var seen: [MonitorView] = []
        for _ in MonitorView.operatorViews {
            XCTAssertEqual(press(.backTab, &state), MonitorState.Effect.none)
            seen.append(state.view)
        }
        XCTAssertEqual(seen, [.billing, .checklist, .summary, .quality, .history, .channels, .overview])
    }

    func testNumberKeysPickTheirViewFromAnyView() {
        for from in MonitorView.operatorViews {
            for to in MonitorView.operatorViews {
                var state = state(from)
                XCTAssertEqual(press(.character(Character("\(to.rawValue)")), &state), MonitorState.Effect.none)
                XCTAssertEqual(state.view, to, "\(to.rawValue) in \(from)")
            }
        }
        var state = MonitorState()
        XCTAssertNil(press(.character("8"), &state), "no eighth view (the invoices are in the portal only)")
        XCTAssertEqual(state.view, .overview)
    }

    func testSwitchingViewsKeepsTheOtherChoices() {
        var state = state(.quality)
        press(.character("t"), &state)
        press(.down, &state)
        press(.character(" "), &state)
        press(.character("2"), &state)
        press(.character("4"), &state)
        XCTAssertEqual(state.range, .oneDay)
        XCTAssertEqual(state.quality.row, 1)
        XCTAssertEqual(state.excludedCarriers, [22])
    }

    // MARK: Global keys

    func testQuitEverywhere() {
        for view in MonitorView.allCases {
            var one = state(view)
            XCTAssertEqual(press(.character("q"), &one), .quit, "\(view)")
            XCTAssertEqual(press(.character("Q"), &one), .quit, "\(view)")
            XCTAssertEqual(one, state(view), "quitting changes nothing")
        }
    }

    func testHelpTogglesAndRefreshAsksForARead() {
        var state = state(.history)
        XCTAssertEqual(press(.character("?"), &state), MonitorState.Effect.none)
        XCTAssertTrue(state.showHelp)
        XCTAssertEqual(press(.character("?"), &state), MonitorState.Effect.none)
        XCTAssertFalse(state.showHelp)
        let before = state
        XCTAssertEqual(press(.character("r"), &state), .refresh)
        XCTAssertEqual(state, before)
    }

    func testRangeCyclesAndAsksForARefresh() {
        var state = state(.history)
        var seen: [HistoryRange] = []
        for _ in 0..<4 {
            XCTAssertEqual(press(.character("t"), &state), .refresh, "a new range needs a new read")
            seen.append(state.range)
        }
        XCTAssertEqual(seen, [.oneDay, .sevenDays, .oneHour, .oneDay])
    }

    func testZoneCyclesModuloTheCount() {
        var state = MonitorState()
        var seen: [Int] = []
        for _ in 0..<4 {
            XCTAssertEqual(press(.character("z"), &state, zones: 3), .zoneChanged)
            seen.append(state.zoneIndex)
        }
        XCTAssertEqual(seen, [1, 2, 0, 1])
        var single = MonitorState()
        XCTAssertEqual(press(.character("z"), &single, zones: 1), .zoneChanged)
        XCTAssertEqual(single.zoneIndex, 0, "one zone: stays")
        XCTAssertEqual(press(.character("z"), &single, zones: 0), .zoneChanged)
        XCTAssertEqual(single.zoneIndex, 0, "no zones given: no crash, stays")
    }

    func testSupportCopyEverywhere() {
        for view in MonitorView.allCases {
            var one = state(view)
            XCTAssertEqual(press(.character("c"), &one), .copySupport, "\(view)")
        }
    }

    // MARK: Quality list

    func testQualityCursorMovesAndClampsAtBothEnds() {
        var state = state(.quality)
        press(.up, &state)
        XCTAssertEqual(state.quality.row, 0, "clamped at the top")
        press(.down, &state)
        press(.character("j"), &state)
        XCTAssertEqual(state.quality.row, 2)
        press(.character("k"), &state)
        XCTAssertEqual(state.quality.row, 1)
        for _ in 0..<10 { press(.down, &state) }
        XCTAssertEqual(state.quality.row, 4, "clamped at the last carrier")
        press(.character("g"), &state)
        XCTAssertEqual(state.quality.row, 0)
        press(.character("G"), &state)
        XCTAssertEqual(state.quality.row, 4)
        press(.home, &state)
        XCTAssertEqual(state.quality.row, 0)
        press(.end, &state)
        XCTAssertEqual(state.quality.row, 4)
        XCTAssertEqual(state.checklist, ListCursor(), "the checklist's cursor is not the quality table's")
    }

    func testQualityPagesByPageRows() {
        let many = MonitorState.Lists(carriers: (1...25).map(Int64.init), checklistItems: 0, pageRows: 7)
        var state = state(.quality)
        press(.pageDown, &state, lists: many)
        XCTAssertEqual(state.quality.row, 7)
        press(.pageDown, &state, lists: many)
        XCTAssertEqual(state.quality.row, 14)
        XCTAssertEqual(state.quality.offset, 8, "the cursor's row is the last one shown")
        press(.pageDown, &state, lists: many)
        press(.pageDown, &state, lists: many)
        XCTAssertEqual(state.quality.row, 24, "clamped at the last carrier")
        XCTAssertEqual(state.quality.offset, 18)
        press(.pageUp, &state, lists: many)
        XCTAssertEqual(state.quality.row, 17)
        XCTAssertEqual(state.quality.offset, 17, "scrolled up to keep the cursor in view")
        for _ in 0..<5 { press(.pageUp, &state, lists: many) }
        XCTAssertEqual(state.quality.row, 0)
        XCTAssertEqual(state.quality.offset, 0)
    }

    func testQualitySpaceTogglesTheCarrierUnderTheCursorAndABringsAllBack() {
        var state = state(.quality)
        XCTAssertEqual(press(.character(" "), &state), .refresh, "the total is read again")
        XCTAssertEqual(state.excludedCarriers, [11])
        press(.down, &state)
        press(.down, &state)
        XCTAssertEqual(press(.enter, &state), .refresh, "Enter toggles too")
        XCTAssertEqual(state.excludedCarriers, [11, 33])
        XCTAssertEqual(press(.character(" "), &state), .refresh)
        XCTAssertEqual(state.excludedCarriers, [11], "toggled back in")
        press(.end, &state)
        press(.character(" "), &state)
        XCTAssertEqual(state.excludedCarriers, [11, 55])
        XCTAssertEqual(press(.character("a"), &state), .refresh)
        XCTAssertTrue(state.excludedCarriers.isEmpty, "every carrier back in")
    }

    func testQualityToggleWithNoCarriersDoesNothing() {
        var state = state(.quality)
        let empty = MonitorState.Lists(carriers: [], checklistItems: 0, pageRows: 10)
        XCTAssertEqual(press(.character(" "), &state, lists: empty), MonitorState.Effect.none)
        XCTAssertTrue(state.excludedCarriers.isEmpty)
        press(.down, &state, lists: empty)
        XCTAssertEqual(state.quality, ListCursor(), "no rows: the cursor stays at 0")
    }

    func testQualityToggleFollowsTheCarrierIDNotTheRow() {
        // The carriers are re-sorted by a new read: the one toggled out stays out wherever it now is.
        var state = state(.quality)
        press(.down, &state)
        press(.character(" "), &state)
        XCTAssertEqual(state.excludedCarriers, [22])
        let resorted = MonitorState.Lists(carriers: [22, 11, 33, 44, 55], checklistItems: 0, pageRows: 10)
        press(.up, &state, lists: resorted)
        press(.character(" "), &state, lists: resorted)
        XCTAssertTrue(state.excludedCarriers.isEmpty, "22 is now first; toggling it brings it back")
    }

    // MARK: Checklist list

    /// The checklist has no cursor to show, so its keys scroll: each press moves what is on screen. `pageRows` is
    /// the rows the list has; with 30 items in 10 rows, 9 items show and the last row counts the rest.
    func testChecklistKeysScrollByARowAndAScreenAndReachTheLastItem() {
        var state = state(.checklist)
        press(.up, &state)
        XCTAssertEqual(state.checklist.offset, 0, "clamped at the top")
        press(.down, &state)
        XCTAssertEqual(state.checklist.offset, 1, "one press, one row scrolled")
        press(.character("j"), &state)
        XCTAssertEqual(state.checklist.offset, 2)
        press(.character("k"), &state)
        XCTAssertEqual(state.checklist.offset, 1)
        press(.pageDown, &state)
        XCTAssertEqual(state.checklist.offset, 10, "a screen is the 9 items shown")
        press(.end, &state)
        XCTAssertEqual(state.checklist.offset, 21, "items 22 to 30 above the last row: the last item is in view")
        XCTAssertEqual(state.checklist.offset, ChecklistWidget.maximumOffset(count: 30, height: 10))
        press(.down, &state)
        XCTAssertEqual(state.checklist.offset, 21, "clamped at the bottom")
        press(.pageUp, &state)
        XCTAssertEqual(state.checklist.offset, 12)
        press(.character("g"), &state)
        XCTAssertEqual(state.checklist.offset, 0)
        press(.character("G"), &state)
        XCTAssertEqual(state.checklist.offset, 21)
        // Fewer items than rows: nothing to scroll.
        let few = MonitorState.Lists(carriers: [], checklistItems: 4, pageRows: 10)
        press(.down, &state, lists: few)
        XCTAssertEqual(state.checklist.offset, 0)
    }

    func testChecklistScrollIsClampedWhenTheListShrinks() {
        var cursor = ListCursor()
        cursor.scroll(.bottom, count: 30, pageRows: 10)
        XCTAssertEqual(cursor.offset, 21)
        cursor.clampScroll(count: 12, pageRows: 10)
        XCTAssertEqual(cursor.offset, 3, "12 items in 10 rows: 9 shown, the last of them the 12th")
        cursor.clampScroll(count: 12, pageRows: 20)
        XCTAssertEqual(cursor.offset, 0, "the pane grew: everything fits")
        cursor.scroll(.down, count: 0, pageRows: 0)
        XCTAssertEqual(cursor.offset, 0)
    }

    func testChecklistKeysScrollTheChecklistNotTheQualityTable() {
        var state = state(.checklist)
        press(.down, &state)
        press(.character("j"), &state)
        XCTAssertEqual(state.quality, ListCursor())
        XCTAssertNotEqual(state.checklist, ListCursor())
        XCTAssertNil(press(.character(" "), &state), "Space is the quality table's toggle only")
        XCTAssertNil(press(.character("a"), &state))
        XCTAssertTrue(state.excludedCarriers.isEmpty)
    }

    // MARK: Summary grid

    func testGridCommandsReturnTheirEffects() {
        var state = state(.summary)
        state.grid = SummaryGridFixtures.state(for: SummaryGridFixtures.small)
        XCTAssertEqual(press(.character("y"), &state), .copySelection(headers: false))
        XCTAssertEqual(press(.character("Y"), &state), .copySelection(headers: true))
        XCTAssertEqual(press(.character("e"), &state), .exportSelection)
        XCTAssertEqual(state.grid.period, .live)
        XCTAssertEqual(press(.character("p"), &state), .reloadGrid, "another period is another read")
        XCTAssertEqual(state.grid.period, .daily)
        XCTAssertEqual(press(.character("P"), &state), .reloadGrid)
        XCTAssertEqual(state.grid.period, .live)
        XCTAssertEqual(press(.character("m"), &state), MonitorState.Effect.none, "a new figure is drawn from the grid held")
        XCTAssertEqual(state.grid.metric, .answered)
    }

    func testGridMovesChangeTheSelectionOnly() {
        var state = state(.summary)
        state.grid = SummaryGridFixtures.state(for: SummaryGridFixtures.small)
        XCTAssertEqual(state.grid.selection.cursor, GridPosition(row: 0, column: 3), "newest bucket, first customer")
        XCTAssertEqual(press(.character("h"), &state), MonitorState.Effect.none)
        XCTAssertEqual(press(.character("J"), &state), MonitorState.Effect.none)
        XCTAssertEqual(state.grid.selection.range, GridRange(rows: 0...1, columns: 2...2))
        XCTAssertEqual(press(.escape, &state), MonitorState.Effect.none)
        XCTAssertEqual(state.grid.selection.range, GridRange(rows: 1...1, columns: 2...2))
        XCTAssertEqual(press(.character("a"), &state), MonitorState.Effect.none, "a selects every cell in the grid")
        XCTAssertEqual(state.grid.selection.range, GridRange(rows: 0...2, columns: 0...3))
        XCTAssertTrue(state.excludedCarriers.isEmpty, "and takes no carrier in or out")
        XCTAssertEqual(state.view, .summary)
    }

    // MARK: Dispatch

    func testAGridKeyDoesNothingOutsideTheSummary() {
        for view in MonitorView.allCases where view != .summary {
            for key: Key in [.character("y"), .character("Y"), .character("e"), .character("m"), .character("p"),
                             .character("v"), .character("h"), .character("l"), .escape] {
                XCTAssertNil(KeyBinding.action(for: key, in: view, table: KeyBinding.defaults),
                             "\(KeyBinding.label(key)) in \(view)")
            }
        }
        XCTAssertEqual(KeyBinding.action(for: .character("y"), in: .summary, table: KeyBinding.defaults), .grid(.copy))
    }

    func testTheViewsBindingsComeBeforeTheGlobalOnes() {
        let defaults = KeyBinding.defaults
        // g and G are the grid's first and last customer, and the lists' first and last row.
        XCTAssertEqual(KeyBinding.action(for: .character("g"), in: .summary, table: defaults), .grid(.move(.top)))
        XCTAssertEqual(KeyBinding.action(for: .character("g"), in: .quality, table: defaults), .list(.top))
        XCTAssertEqual(KeyBinding.action(for: .character("g"), in: .checklist, table: defaults), .list(.top))
        XCTAssertNil(KeyBinding.action(for: .character("g"), in: .overview, table: defaults))
        // a: every cell in the grid, every carrier back in the quality table.
        XCTAssertEqual(KeyBinding.action(for: .character("a"), in: .summary, table: defaults), .grid(.selectAll))
        XCTAssertEqual(KeyBinding.action(for: .character("a"), in: .quality, table: defaults), .list(.all))
        // A view binding wins over a global one with the same key, when a table has one.
        var table = defaults
        table.append(KeyBinding(id: "test.local_r", action: .cycleZone, keys: [.character("r")], view: .history,
                                name: "zone", help: "zone"))
        XCTAssertEqual(KeyBinding.action(for: .character("r"), in: .history, table: table), .cycleZone)
        XCTAssertEqual(KeyBinding.action(for: .character("r"), in: .overview, table: table), .refresh)
    }

    func testGlobalKeysWorkInEveryView() {
        let globals: [(Key, MonitorAction)] = [
            (.character("q"), .quit), (.character("?"), .help), (.character("r"), .refresh), (.tab, .nextView),
            (.backTab, .previousView), (.character("t"), .cycleRange), (.character("z"), .cycleZone),
            (.character("c"), .copySupport), (.character("3"), .show(.history)),
        ]
        for view in MonitorView.allCases {
            for (key, action) in globals {
                XCTAssertEqual(KeyBinding.action(for: key, in: view, table: KeyBinding.defaults), action,
                               "\(KeyBinding.label(key)) in \(view)")
            }
        }
        XCTAssertNil(KeyBinding.action(for: .character("x"), in: .overview, table: KeyBinding.defaults))
        XCTAssertNil(KeyBinding.action(for: .function(1), in: .overview, table: KeyBinding.defaults))
    }

    // MARK: ListCursor

    func testListCursorClampsAfterTheListShrinks() {
        var cursor = ListCursor(row: 20, offset: 15)
        cursor.clamp(count: 8, pageRows: 5)
        XCTAssertEqual(cursor, ListCursor(row: 7, offset: 3))
        cursor.clamp(count: 0, pageRows: 5)
        XCTAssertEqual(cursor, ListCursor(row: 0, offset: 0))
        var grown = ListCursor(row: 3, offset: 0)
        grown.clamp(count: 30, pageRows: 2)
        XCTAssertEqual(grown, ListCursor(row: 3, offset: 2), "the pane shrank: scrolled to keep the row in view")
        var zero = ListCursor(row: 3, offset: 1)
        zero.clamp(count: 10, pageRows: 0)
        XCTAssertEqual(zero, ListCursor(row: 3, offset: 3), "no rows on screen counts as one")
    }
}
