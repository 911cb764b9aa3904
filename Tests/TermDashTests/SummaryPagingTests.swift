import Foundation
@testable import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// The summary grid's time axis paged back and forward, the Weekly period, and customers ticked for invoicing:
/// the keys' effects on the state, what the feed is asked for, and what the pane draws.
final class SummaryPagingTests: XCTestCase {
    private func press(_ key: Key, _ state: inout SummaryGridViewState) -> GridEffect? {
        guard let command = GridKeyBinding.command(for: key) else { return nil }
        return state.apply(command, pageRows: 10)
    }

    func testBracketsPageTheAxisBackAndForwardButNotPastNow() {
        let grid = SummaryGridFixtures.large(rows: 3, columns: 31)
        var state = SummaryGridFixtures.state(for: grid)
        XCTAssertEqual(state.page, 0)
        XCTAssertEqual(press(.character("]"), &state), .redraw, "the newest page has nothing newer")
        XCTAssertEqual(state.page, 0)
        XCTAssertEqual(press(.character("["), &state), .reloadGrid)
        XCTAssertEqual(press(.character("["), &state), .reloadGrid)
        XCTAssertEqual(state.page, 2)
        XCTAssertEqual(press(.character("]"), &state), .reloadGrid)
        XCTAssertEqual(state.page, 1)
        // Another period starts on its newest page: a page of months is not a page of days.
        XCTAssertEqual(press(.character("p"), &state), .reloadGrid)
        XCTAssertEqual(state.period, .weekly, "Weekly comes between Daily and Monthly")
        XCTAssertEqual(state.page, 0)
        XCTAssertEqual(press(.character("p"), &state), .reloadGrid)
        XCTAssertEqual(state.period, .monthly)
    }

    func testAnotherPageKeepsTheCursorsCustomerAndColumnAndDropsTheSelection() {
        let now = SummaryGridFixtures.large(rows: 4, columns: 31)
        var state = SummaryGridFixtures.state(for: now)
        _ = press(.character("j"), &state)
        _ = press(.character("h"), &state)
        _ = press(.character("v"), &state)
        _ = press(.character("h"), &state)
        XCTAssertTrue(state.selection.hasRectangle)
        _ = press(.character("["), &state)
        var older = now
        older.buckets = now.buckets.map { $0 - 31 * 86_400 }
        older.pagesBack = 1
        state.update(to: older)
        XCTAssertEqual(state.selection.cursor, GridPosition(row: 1, column: 28))
        XCTAssertFalse(state.selection.hasRectangle)
        XCTAssertNil(state.clipboardText(now, headers: false), "a grid of another page is never copied")
        XCTAssertNotNil(state.clipboardText(older, headers: false))
    }

    func testSpaceTicksTheCursorsCustomerAndTheNameShowsIt() {
        let grid = SummaryGridFixtures.small
        var state = SummaryGridFixtures.state(for: grid)
        XCTAssertEqual(press(.character(" "), &state), .redraw)
        _ = press(.character("j"), &state)
        _ = press(.character("j"), &state)
        _ = press(.character(" "), &state)
        XCTAssertEqual(state.ticked, [1, 3])
        _ = press(.character("k"), &state)
        _ = press(.character(" "), &state)
        _ = press(.character(" "), &state)
        XCTAssertEqual(state.ticked, [1, 3], "a second Space unticks")
        XCTAssertEqual(press(.character("i"), &state), .generateInvoices)

        var buffer = CellBuffer(width: 40, height: 7)
        SummaryGridWidget(grid: grid, state: state, glyphs: .unicodeBlock).render(buffer.bounds, into: &buffer)
        assertScreen(buffer.lines(), [
            "Attempts     10:00 11:00 12:00 13:00    ",
            "✓ Acme Tele…   120   130     0     7    ",
            "  Globex         7     9    12    14    ",
            "✓ Initech L… 1,000     1     2     3    ",
            "Total        1,127   140    14    24    ",
            "                                        ",
            "n 1 · Σ 14 · avg 14.00 · weighted N/A   ",
        ])
        var ascii = CellBuffer(width: 40, height: 7)
        SummaryGridWidget(grid: grid, state: state, glyphs: .ascii).render(ascii.bounds, into: &ascii)
        XCTAssertTrue(ascii.lines()[1].hasPrefix("x Acme Te...   120"), ascii.lines()[1])
    }

    /// i invoices the cursor's bucket, or the columns of the selected rectangle, never a grid of another page.
    func testTheInvoicedTimeFrameIsTheCursorsBucketOrTheSelectedColumns() {
        let grid = SummaryGridFixtures.small  // Live, 10:00 to 14:00
        let hour: Int64 = 3_600, ten = SummaryGridFixtures.day + 10 * 3_600
        var state = SummaryGridFixtures.state(for: grid)
        XCTAssertEqual(state.invoiceInterval(in: grid), (ten + 3 * hour)..<(ten + 4 * hour), "the newest hour")
        _ = press(.character("v"), &state)
        _ = press(.character("h"), &state)
        _ = press(.character("h"), &state)
        XCTAssertEqual(state.invoiceInterval(in: grid), (ten + hour)..<(ten + 4 * hour))
        _ = press(.character("a"), &state)
        XCTAssertEqual(state.invoiceInterval(in: grid), ten..<(ten + 4 * hour), "a: the whole page")
        var days = SummaryGridFixtures.large(rows: 2, columns: 31)
        state = SummaryGridFixtures.state(for: days)
        XCTAssertEqual(state.invoiceInterval(in: days), SummaryGridFixtures.day..<(SummaryGridFixtures.day + 86_400))
        days.pagesBack = 1
        XCTAssertNil(state.invoiceInterval(in: days), "a grid of another page than the state's")
    }

    /// A customer billed in Europe/Warsaw gets November from local midnight to local midnight; UTC customers and
    /// Live hours get the grid's instants.
    func testTheInvoicePeriodFollowsTheCustomersBillingZone() throws {
        let november: Range<Int64> = 1_761_955_200..<1_764_547_200  // 2025-11-01 to 2025-12-01 UTC
        let warsaw = try XCTUnwrap(TimeZone(identifier: "Europe/Warsaw"))
        XCTAssertEqual(GridInvoicePeriod.resolve(november, period: .monthly, zone: warsaw),
                       Period(from: november.lowerBound - 3_600, to: november.upperBound - 3_600), "CET is UTC+1 in November")
        XCTAssertEqual(GridInvoicePeriod.resolve(november, period: .monthly, zone: nil),
                       Period(from: november.lowerBound, to: november.upperBound))
        XCTAssertEqual(GridInvoicePeriod.resolve(november, period: .daily, zone: TimeZone(identifier: "UTC")),
                       Period(from: november.lowerBound, to: november.upperBound))
        let hour = (november.lowerBound + 7_200)..<(november.lowerBound + 10_800)
        XCTAssertEqual(GridInvoicePeriod.resolve(hour, period: .live, zone: warsaw), Period(from: hour.lowerBound, to: hour.upperBound))
        // A summer week in Warsaw (UTC+2): Monday 2025-06-02 to Sunday 2025-06-08, local.
        let week: Range<Int64> = 1_748_822_400..<(1_748_822_400 + 7 * 86_400)
        XCTAssertEqual(GridInvoicePeriod.resolve(week, period: .weekly, zone: warsaw),
                       Period(from: week.lowerBound - 7_200, to: week.upperBound - 7_200))
    }

    func testTheFooterNamesThePageTickAndInvoiceKeysInTheSummaryOnly() {
        let keys = KeyBinding.defaults
        let summary = keys.filter { $0.footer && $0.view == .summary }.map(\.name)
        XCTAssertEqual(summary, ["older", "newer", "tick", "invoice"])
        XCTAssertTrue(keys.filter { $0.footer }.allSatisfy { $0.view == .summary })
        let ids = keys.map(\.id)
        for id in ["summary.older", "summary.newer", "summary.tick", "summary.invoice", "ticket", "view_7"] {
            XCTAssertTrue(ids.contains(id), id)
        }
    }

    /// The loop asks the feed for the page the keys chose, shows only a grid of that page, and its title says which.
    func testTheLoopReadsThePageTheKeysChoseAndTheTitleNamesIt() {
        let terminal = TestBackend(width: 100, height: 12, script: ["5", "[", "[", "]"].map { .event(.key(.character($0))) })
        let source = FixedSnapshots { request in
            var grid = SummaryGridFixtures.small
            grid.buckets = grid.buckets.map { $0 - Int64(request.summaryPage) * 4 * 3_600 }
            grid.pagesBack = request.summaryPage
            return MonitorFrame(dashboard: DashboardFixtures.snapshot,
                                summary: request.summary.map { _ in grid }, request: request)
        }
        let start = Date(timeIntervalSince1970: TimeInterval(DashboardFixtures.now))
        var options = MonitorSession.Options(
            identity: StatusIdentity(version: "0.1.0+abc123", zone: "UTC"), zones: [("UTC", TimeZone(identifier: "UTC")!)],
            theme: .default, graphs: "auto", refreshSeconds: 1, tableRows: 10, mouse: false,
            exportDirectory: NSTemporaryDirectory())
        options.copy = CopySettings(osc52: .on)
        _ = MonitorLoop(options: options, now: { start })
            .run(on: terminal, snapshots: source, interrupted: { terminal.isExhausted ? SIGTERM : 0 })
        XCTAssertEqual(source.requests.map(\.summaryPage), [0, 0, 1, 2, 1])
        XCTAssertEqual(terminal.frames.map { $0[1].contains("2026-11-21 06:00 to 2026-11-21 10:00") }.last, true,
                       "one page back from the fixture's 10:00-14:00: \(terminal.lines[1])")
    }

    /// The view's hints take the channel count's place before they give way themselves.
    func testTheHintsDisplaceTheChannelCountFirst() {
        let model = StatusBarModel(version: "0.1.0+abc123", zone: "UTC", clock: "2026-11-21 15:30:05 UTC",
                                   channels: (1_234, 4_000), message: nil,
                                   hints: [.init(key: "[", action: "older"), .init(key: "]", action: "newer")])
        func bar(_ width: Int) -> String {
            var buffer = CellBuffer(width: width, height: 1)
            StatusBarWidget(model: model, glyphs: .ascii).render(buffer.bounds, into: &buffer)
            return buffer.lines()[0]
        }
        XCTAssertEqual(bar(120), " Version 0.1.0+abc123 | Zone UTC | 2026-11-21 15:30:05 UTC | Ch 1,234/4,000"
                       + String(repeating: " ", count: 12) + "[ older  ] newer  ? help  q quit ")
        XCTAssertEqual(bar(95), " Version 0.1.0+abc123 | Zone UTC | 2026-11-21 15:30:05 UTC"
                       + String(repeating: " ", count: 4) + "[ older  ] newer  ? help  q quit ")
        XCTAssertEqual(bar(80), " Version 0.1.0+abc123 | Zone UTC | 2026-11-21 15:30:05 UTC       ? help  q quit ")
    }

    func testWeeklyLabelsAreTheMondayTheWeekStarts() {
        let monday: Int64 = 1_764_547_200  // 2025-12-01, a Monday
        XCTAssertEqual(BucketLabel.compact(monday, period: .weekly), "12-01")
        XCTAssertEqual(BucketLabel.full(monday, period: .weekly), "2025-12-01")
        XCTAssertEqual(BucketLabel.span(monday..<(monday + 86_400), period: .daily), "2025-12-01 to 2025-12-01")
        XCTAssertEqual(BucketLabel.span((monday + 3_600)..<(monday + 25 * 3_600), period: .live),
                       "2025-12-01 01:00 to 2025-12-02 01:00")
    }
}
