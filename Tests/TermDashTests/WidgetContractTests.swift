import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// The contract every pane keeps (`Widget`): in a 0×0 or 1×1 area it does not trap and shows what fits, and at any
/// size it writes nothing outside its area. Areas are checked on a screen of `#` around them, as literal lines.
final class WidgetContractTests: XCTestCase {
    /// Every widget under UI/Widgets, with data and without (loading, empty), and what a 1×1 area shows of it.
    private var widgets: [(name: String, widget: any Widget, oneByOne: String)] {
        let glyphs = GlyphSet.unicodeBlock
        let counters = Counters(liveChannels: 1_234, configuredChannels: 4_000, activeCustomers: 87, carriers: 12,
                                rateCards: 5)
        let rows = [ChannelUsage(name: "Acme Telecom", inUse: 120, configured: 150),
                    ChannelUsage(name: "Initech", inUse: 40, configured: nil)]
        let items = [ChecklistItem(kind: .cdrFileError, severity: .alert, title: "CDR file in error",
                                   reason: "Master.csv: line 3: broken quote", subjectID: 1),
                     ChecklistItem(kind: .profileNotVerified, severity: .warning, title: "Profile not verified",
                                   reason: "New Co (X9)", subjectID: 3)]
        let graph = HistoryGraphModel(
            start: 1_795_183_200, step: 60, primary: GraphSeries(label: "cps", values: [0, 1, 2, 3, nil, 5, 6, 8]),
            secondary: GraphSeries(label: "peak", values: [2, 3, 4, 6, nil, 8, 8, 12]), format: .decimal, zone: .utc,
            caption: ["now 8.0/s"])
        let quality = QualityTableModel(
            quality: QualitySnapshot(range: .oneHour, from: 0, to: 3_600, carriers: [
                CarrierQuality(id: 1, name: "Alpha Telecom", active: true, counts: Figures.quality(1_234, 558, billsec: 84_258)),
                CarrierQuality(id: 2, name: "Beta", active: true, counts: Figures.quality(80, 10, billsec: 650)),
            ]),
            excluded: [2], cursor: 1, lowASR: 20, minimumAttempts: 10)
        let noCursor = QualityTableModel(quality: quality.quality)
        let status = StatusBarModel(version: "0.1.0+abc123", zone: "UTC", clock: "2026-11-21 15:30:05 UTC",
                                    channels: (1_234, 4_000), message: "Copied")
        let grid = SummaryGridFixtures.small
        return [
            ("panel", Panel(title: "Live", glyphs: glyphs), "#"),
            ("counters", CountersWidget(counters: counters, glyphs: glyphs), "L"),
            ("counters loading", CountersWidget(counters: nil, glyphs: glyphs), "l"),
            ("channel table", ChannelTableWidget(rows: rows, glyphs: glyphs), "A"),
            ("channel table of DIDs", ChannelTableWidget(rows: rows, nameHeader: "DID", glyphs: glyphs), "A"),
            ("channel table empty", ChannelTableWidget(rows: [], glyphs: glyphs), "n"),
            ("channel table loading", ChannelTableWidget(rows: nil, glyphs: glyphs), "l"),
            ("checklist", ChecklistWidget(items: items, glyphs: glyphs), "▲"),
            ("checklist scrolled", ChecklistWidget(items: items, offset: 1, glyphs: glyphs), "◆"),
            ("checklist empty", ChecklistWidget(items: [], glyphs: glyphs), "●"),
            ("checklist loading", ChecklistWidget(items: nil, glyphs: glyphs), "l"),
            ("history graph", HistoryGraphWidget(model: graph, glyphs: glyphs), "▅"),
            ("history graph loading", HistoryGraphWidget(model: nil, glyphs: glyphs), "l"),
            ("quality table", QualityTableWidget(model: quality, glyphs: glyphs), "›"),
            ("quality table without cursor", QualityTableWidget(model: noCursor, glyphs: glyphs), " "),
            ("quality table loading", QualityTableWidget(model: nil, glyphs: glyphs), "l"),
            ("sparkline", SparklineWidget([1, 2, 3], glyphs: glyphs), "█"),
            ("live sparkline", SparklineWidget(live: [5, 0, 9], endingAt: 59, glyphs: glyphs), "█"),
            ("sparkline loading", SparklineWidget(nil, glyphs: glyphs), "l"),
            ("status bar", StatusBarWidget(model: status, glyphs: glyphs), " "),
            ("summary grid", SummaryGridWidget(grid: grid, state: SummaryGridFixtures.state(for: grid), glyphs: glyphs), "A"),
            ("summary grid loading",
             SummaryGridWidget(grid: nil, state: SummaryGridFixtures.state(for: grid), glyphs: glyphs), "l"),
            ("view tabs", ViewTabs(current: .overview, keys: KeyBinding.defaults, glyphs: glyphs), " "),
            ("custom page", CustomPageWidget(page: CustomPage(title: "P", key: "P", customers: false, panes: [
                CustomPane(title: "A", sql: "SELECT 1", kind: .counter, refreshSeconds: 1),
                CustomPane(title: "B", sql: "SELECT 2", kind: .table, refreshSeconds: 1),
            ]), results: PageResults(title: "P", outcomes: [
                .success(CustomQueryResult(columns: ["n"], rows: [[.integer(7)]], truncated: false)),
                .failure(.failed("no such table: x")),
            ]), glyphs: glyphs), "2"),
            ("custom page missing", CustomPageWidget(page: nil, results: nil, glyphs: glyphs), "N"),
        ]
    }

    /// `widget` drawn into `area` of a screen of `#`.
    private func framed(_ widget: any Widget, area: Rect, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        buffer.fill(buffer.bounds, with: "#")
        widget.render(area, into: &buffer)
        return buffer
    }

    func testEveryWidgetDrawsNothingIntoAZeroByZeroArea() {
        for (name, widget, _) in widgets {
            assertScreen(widget.lines(width: 0, height: 0), [], name)
            let around = framed(widget, area: Rect(x: 1, y: 1, width: 0, height: 0), width: 3, height: 3)
            assertScreen(around.lines(), ["###", "###", "###"], name)
        }
    }

    func testEveryWidgetShowsWhatFitsInOneCell() {
        for (name, widget, one) in widgets {
            // A blank buffer shows a cell the widget leaves alone as blank; the framed one as the `#` it had.
            assertScreen(widget.lines(width: 1, height: 1), [one == "#" ? " " : one], name)
            let around = framed(widget, area: Rect(x: 1, y: 1, width: 1, height: 1), width: 3, height: 3)
            assertScreen(around.lines(), ["###", "#\(one)#", "###"], name)
        }
    }

    /// Every size up to 14×7, placed off the origin: each cell outside the area is still `#`. The area's own cells
    /// show as `.` in both screens, so a diff points at the cells written outside it.
    func testNoWidgetWritesOutsideItsAreaAtAnySize() {
        for (name, widget, _) in widgets {
            for width in 0...14 {
                for height in 0...7 {
                    let area = Rect(x: 2, y: 1, width: width, height: height)
                    let buffer = framed(widget, area: area, width: width + 4, height: height + 2)
                    func masked(_ cell: (Int, Int) -> String) -> [String] {
                        (0..<buffer.height).map { y in
                            (0..<buffer.width).map { x in area.contains(x: x, y: y) ? "." : cell(x, y) }.joined()
                        }
                    }
                    // A wide character's right half reads as "" and would shorten the line: show it as "+".
                    let actual = masked { x, y in buffer[x, y].isContinuation ? "+" : buffer[x, y].text }
                    assertScreen(actual, masked { _, _ in "#" }, "\(name) at \(width)x\(height)")
                }
            }
        }
    }

    /// Rendering is pure: the same widget and area give the same cells every time.
    func testRenderingTwiceGivesTheSameFrame() {
        for (name, widget, _) in widgets {
            XCTAssertEqual(widget.rendered(width: 40, height: 6), widget.rendered(width: 40, height: 6), name)
        }
    }
}
