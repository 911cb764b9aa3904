import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// Each widget drawn into buffers of several sizes, compared with the text a user should see.
final class WidgetSnapshotTests: XCTestCase {
    private let unicode = GlyphSet.unicodeBlock
    private let ascii = GlyphSet.ascii

    private func sp(_ n: Int) -> String { String(repeating: " ", count: n) }

    // MARK: Panel

    func testPanelAtZeroAndOne() {
        let panel = Panel(title: "Live", glyphs: unicode)
        assertScreen(panel.lines(width: 0, height: 0), [])
        XCTAssertEqual(panel.inner(.zero), .zero)
        assertScreen(panel.lines(width: 1, height: 1), [" "])
        XCTAssertEqual(panel.inner(Rect(x: 0, y: 0, width: 1, height: 1)), Rect(x: 0, y: 0, width: 1, height: 1))
        assertScreen(panel.lines(width: 5, height: 1), ["     "])
        XCTAssertEqual(panel.inner(Rect(x: 0, y: 0, width: 5, height: 1)), Rect(x: 0, y: 0, width: 5, height: 1))
    }

    func testPanelAtTwoByTwoIsJustCorners() {
        let panel = Panel(title: "Live", glyphs: unicode)
        assertScreen(panel.lines(width: 2, height: 2), ["┌┐", "└┘"])
        XCTAssertEqual(panel.inner(Rect(x: 0, y: 0, width: 2, height: 2)), Rect(x: 1, y: 1, width: 0, height: 0))
    }

    func testPanelWithTitle() {
        let panel = Panel(title: "Live", glyphs: unicode)
        let result = panel.rendered(width: 8, height: 3)
        assertScreen(result.lines(), [
            "┌ Live ┐",
            "│      │",
            "└──────┘",
        ])
        XCTAssertEqual(panel.inner(result.bounds), Rect(x: 1, y: 1, width: 6, height: 1))
        XCTAssertEqual(result[2, 0].style.role, .title)
        XCTAssertEqual(result[0, 0].style.role, .dim)
    }

    func testPanelCutsALongTitle() {
        assertScreen(Panel(title: "Live channels", glyphs: unicode).lines(width: 8, height: 3), [
            "┌ Liv… ┐",
            "│      │",
            "└──────┘",
        ])
    }

    func testPanelLeavesOutATitleWithNoRoom() {
        assertScreen(Panel(title: "Live", glyphs: unicode).lines(width: 5, height: 3), [
            "┌───┐",
            "│   │",
            "└───┘",
        ])
    }

    func testPanelInAscii() {
        assertScreen(Panel(title: "Top", glyphs: ascii).lines(width: 12, height: 4), [
            "+ Top -----+",
            "|          |",
            "|          |",
            "+----------+",
        ])
    }

    func testPanelTitleIsSanitised() {
        assertScreen(Panel(title: "A\u{1b}[2JB", glyphs: unicode).lines(width: 10, height: 2), [
            "┌ AB ────┐",
            "└────────┘",
        ])
    }

    // MARK: Counters

    private let counters = Counters(liveChannels: 1_234, configuredChannels: 4_000, activeCustomers: 87, carriers: 12, rateCards: 5)

    func testCountersAtZeroAndOne() {
        assertScreen(CountersWidget(counters: counters, glyphs: unicode).lines(width: 0, height: 0), [])
        assertScreen(CountersWidget(counters: counters, glyphs: unicode).lines(width: 1, height: 1), ["L"])
    }

    func testCountersInFourColumns() {
        assertScreen(CountersWidget(counters: counters, glyphs: unicode).lines(width: 80, height: 2), [
            "Live channels       Active customers    Carriers            Rate cards          ",
            "1,234               87                  12                  5                   ",
        ])
    }

    func testCountersInFourColumnsWithBigFigures() {
        let result = CountersWidget(counters: counters, glyphs: unicode).rendered(width: 100, height: 4)
        assertScreen(result.lines(), [
            "Live channels" + sp(12) + "Active customers" + sp(9) + "Carriers" + sp(17) + "Rate cards" + sp(15),
            "▀█  ▀▀█ ▀▀█ █ █" + sp(10) + "█▀█ ▀▀█" + sp(18) + "▀█  ▀▀█" + sp(18) + "█▀▀" + sp(22),
            " █  █▀▀  ▀█ ▀▀█" + sp(10) + "█▀█   █" + sp(18) + " █  █▀▀" + sp(18) + "▀▀█" + sp(22),
            "▀▀▀,▀▀▀ ▀▀▀   ▀" + sp(10) + "▀▀▀   ▀" + sp(18) + "▀▀▀ ▀▀▀" + sp(18) + "▀▀▀" + sp(22),
        ])
        XCTAssertEqual(result[0, 1].style.role, .value)
    }

    func testCountersBigFiguresInAscii() {
        assertScreen(CountersWidget(counters: counters, glyphs: ascii).lines(width: 100, height: 4), [
            "Live channels" + sp(12) + "Active customers" + sp(9) + "Carriers" + sp(17) + "Rate cards" + sp(15),
            "     _   _     " + sp(10) + " _   _ " + sp(18) + "     _ " + sp(18) + " _ " + sp(22),
            "  |  _|  _| |_|" + sp(10) + "|_|   |" + sp(18) + "  |  _|" + sp(18) + "|_ " + sp(22),
            "  |,|_   _|   |" + sp(10) + "|_|   |" + sp(18) + "  | |_ " + sp(18) + " _|" + sp(22),
        ])
    }

    func testCountersInAGrid() {
        assertScreen(CountersWidget(counters: counters, glyphs: unicode).lines(width: 60, height: 2), [
            "Live channels           1,234 │ Active customers          87",
            "Carriers                   12 │ Rate cards                 5",
        ])
    }

    func testCountersOnePerRowWhenNarrowAndTall() {
        assertScreen(CountersWidget(counters: counters, glyphs: unicode).lines(width: 24, height: 4), [
            "Live channels      1,234",
            "Active customers      87",
            "Carriers              12",
            "Rate cards             5",
        ])
    }

    func testCountersInAGridWithShortLabels() {
        assertScreen(CountersWidget(counters: counters, glyphs: ascii).lines(width: 40, height: 2), [
            "Live          1,234 | Customers       87",
            "Carriers         12 | Cards            5",
        ])
    }

    func testCountersOnOneLine() {
        assertScreen(CountersWidget(counters: counters, glyphs: unicode).lines(width: 70, height: 1), [
            "Live channels 1,234  Active customers 87  Carriers 12  Rate cards 5   ",
        ])
        assertScreen(CountersWidget(counters: counters, glyphs: unicode).lines(width: 30, height: 1), [
            "Live 1,234  Customers 87      ",
        ])
        assertScreen(CountersWidget(counters: counters, glyphs: unicode).lines(width: 8, height: 1), [
            "Live 1,2",
        ])
    }

    func testCountersWhileLoading() {
        assertScreen(CountersWidget(counters: nil, glyphs: unicode).lines(width: 12, height: 2), [
            "loading…    ",
            "            ",
        ])
    }

    // MARK: Sparkline

    func testSparklineAtZeroAndOne() {
        assertScreen(SparklineWidget([1, 2, 3], glyphs: unicode).lines(width: 0, height: 0), [])
        assertScreen(SparklineWidget([1, 2, 3], glyphs: unicode).lines(width: 1, height: 1), ["█"])
        assertScreen(SparklineWidget([], glyphs: unicode).lines(width: 1, height: 1), ["n"])
    }

    func testSparklineEightLevels() {
        let series = Array(0...8)
        assertScreen(SparklineWidget(series, glyphs: unicode).lines(width: 9, height: 1), [" ▁▂▃▄▅▆▇█"])
    }

    func testSparklineCaptionKeepsOnlyWholeSegments() {
        assertScreen(SparklineWidget(Array(0...8), glyphs: unicode).lines(width: 9, height: 2), [
            " ▁▂▃▄▅▆▇█",
            "now 8    ",
        ])
        assertScreen(SparklineWidget([80, 150, 123], glyphs: unicode).lines(width: 24, height: 2), [
            "                     ▄█▇",
            "now 123  max 150  min 80",
        ])
    }

    func testSparklineRightAlignsTheNewestSamples() {
        assertScreen(SparklineWidget([8, 8], glyphs: unicode).lines(width: 5, height: 1), ["   ██"])
        // Only the two newest fit; they are scaled to their own maximum, not to the hidden 80.
        assertScreen(SparklineWidget([80, 0, 4, 8], glyphs: unicode).lines(width: 2, height: 1), ["▄█"])
    }

    func testSparklineOverSeveralRows() {
        assertScreen(SparklineWidget([16, 8, 4, 1], glyphs: unicode).lines(width: 12, height: 3), [
            "        █   ",
            "        ██▄▁",
            "now 1       ",
        ])
    }

    func testSparklineShowsATrickleAsAtLeastOneStep() {
        assertScreen(SparklineWidget([1, 1_000, 0], glyphs: unicode).lines(width: 3, height: 1), ["▁█ "])
    }

    func testSparklineAllZero() {
        assertScreen(SparklineWidget([0, 0, 0], glyphs: unicode).lines(width: 5, height: 2), [
            "     ",
            "now 0",
        ])
    }

    func testSparklineNegativeSamplesAreZero() {
        assertScreen(SparklineWidget([-5, 8, -1], glyphs: unicode).lines(width: 3, height: 1), [" █ "])
    }

    func testSparklineEmptyAndLoading() {
        assertScreen(SparklineWidget([], glyphs: unicode).lines(width: 9, height: 2), [
            "no data  ",
            "         ",
        ])
        assertScreen(SparklineWidget(nil, glyphs: unicode).lines(width: 9, height: 1), ["loading… "])
        assertScreen(SparklineWidget(nil, glyphs: ascii).lines(width: 11, height: 1), ["loading... "])
    }

    func testSparklineInAscii() {
        assertScreen(SparklineWidget(Array(0...7), glyphs: ascii).lines(width: 8, height: 1), [" .:-=+*#"])
    }

    func testSparklineInBraille() {
        let braille = GlyphSet.unicodeBraille
        // Two samples a cell: [4, 4] fills the first cell, [2, 0] is a half-height left column.
        assertScreen(SparklineWidget([4, 4, 2, 0], glyphs: braille).lines(width: 2, height: 1), ["⣿⡄"])
        // One sample goes in the right half of the last cell.
        assertScreen(SparklineWidget([4], glyphs: braille).lines(width: 2, height: 1), [" ⢸"])
        // Width 1 holds the two newest samples.
        // Width 1 holds the two newest samples: 1 of 4 (one dot, left) and 4 of 4 (full right column).
        assertScreen(SparklineWidget([9, 1, 4], glyphs: braille).lines(width: 1, height: 1), ["⣸"])
    }

    // MARK: Live graph

    func testLiveGraphColumnPeriodReachesFifteenMinutes() {
        XCTAssertEqual(SparklineWidget.secondsPerColumn(samples: 900), 1)
        XCTAssertEqual(SparklineWidget.secondsPerColumn(samples: 450), 2)
        XCTAssertEqual(SparklineWidget.secondsPerColumn(samples: 196), 5)
        XCTAssertEqual(SparklineWidget.secondsPerColumn(samples: 392), 5)
        XCTAssertEqual(SparklineWidget.secondsPerColumn(samples: 76), 15)
        XCTAssertEqual(SparklineWidget.secondsPerColumn(samples: 34), 30)
        XCTAssertEqual(SparklineWidget.secondsPerColumn(samples: 3), 60)
        XCTAssertEqual(SparklineWidget.liveWindow(width: 196, glyphs: unicode), 197 * 5)
        XCTAssertEqual(SparklineWidget.liveWindow(width: 196, glyphs: .unicodeBraille), 393 * 5)
    }

    func testLiveGraphColumnsAreWallClockPeriodsAtTheirPeak() {
        // Seconds 92...103; periods of 5 s start at 90, 95, 100.
        let series = Array(1...12)
        let all = SparklineWidget.columns(series, endingAt: 103, secondsPerColumn: 5, count: 10)
        XCTAssertEqual(all.peaks, [3, 8, 12])  // 92-94 (the series starts there), 95-99, 100-103 (running)
        XCTAssertEqual(all.samples, series)
        let two = SparklineWidget.columns(series, endingAt: 103, secondsPerColumn: 5, count: 2)
        XCTAssertEqual(two.peaks, [8, 12])
        XCTAssertEqual(two.samples, Array(4...12))
        XCTAssertEqual(SparklineWidget.columns([-3, 2], endingAt: 10, secondsPerColumn: 5, count: 5).peaks, [0, 2])
        XCTAssertEqual(SparklineWidget.columns([4, 6], endingAt: -5, secondsPerColumn: 5, count: 5).peaks, [4, 6])
        XCTAssertEqual(SparklineWidget.columns([], endingAt: 9, secondsPerColumn: 5, count: 5).peaks, [])
    }

    func testLiveGraphShiftsOnlyWhenAPeriodCompletes() {
        // Three columns of 60 s (the shortest period that spans 15 minutes), a window one period longer.
        func frame(endingAt last: Int64, _ value: (Int64) -> Int) -> [String] {
            let seconds = (last - 239)...last
            return SparklineWidget(live: seconds.map(value), endingAt: last, glyphs: unicode).lines(width: 3, height: 1)
        }
        let steps: (Int64) -> Int = { second in [9, 2, 4, 8, 1][Int(second / 60)] }
        XCTAssertEqual(frame(endingAt: 238, steps), ["▂▄█"])  // 120-179, 180-239 whole; 60-119 running
        XCTAssertEqual(frame(endingAt: 239, steps), ["▂▄█"])  // the oldest period (9) is never shown
        XCTAssertEqual(frame(endingAt: 240, steps), ["▄█▁"])  // 240 starts a period: one column left
        // Within a period the newest column is redrawn in place: nothing moves.
        XCTAssertEqual(frame(endingAt: 181, steps), ["▂▄█"])
        let rising: (Int64) -> Int = { second in second < 180 ? steps(second) : second == 200 ? 3 : 1 }
        XCTAssertEqual(frame(endingAt: 199, rising), ["▄█▂"])
        XCTAssertEqual(frame(endingAt: 200, rising), ["▄█▆"])
    }

    func testLiveGraphCaptionTellsTheSpan() {
        // 40 columns of 30 s: 20 minutes. Seconds 0-89 hold 5, then 7 in the last second.
        let series = Array(repeating: 5, count: 89) + [7]
        assertScreen(SparklineWidget(live: series, endingAt: 89, glyphs: unicode).lines(width: 40, height: 2), [
            sp(37) + "▆▆█",
            "now 7  max 7  min 5  last 20 min" + sp(8),
        ])
        // Without room for it the span is left out, whole.
        XCTAssertEqual(SparklineWidget(live: series, endingAt: 89, glyphs: unicode).lines(width: 24, height: 2)[1], "now 7  max 7  min 5" + sp(5))
        assertScreen(SparklineWidget(live: nil, endingAt: 0, glyphs: unicode).lines(width: 9, height: 1),
                       ["loading… "])
        XCTAssertEqual(SparklineWidget.duration(45), "45 s")
        XCTAssertEqual(SparklineWidget.duration(980), "16 min")
        XCTAssertEqual(SparklineWidget.duration(3 * 3_600), "3 h")
    }

    func testLiveGraphInBraille() {
        // One cell holds two columns, here of 60 s: seconds 0-59 at 4 on the left, 60-119 at 2 on the right.
        let series = Array(repeating: 4, count: 60) + Array(repeating: 2, count: 60)
        assertScreen(SparklineWidget(live: series, endingAt: 119, glyphs: .unicodeBraille).lines(width: 1, height: 1), ["⣧"])
        XCTAssertEqual(GlyphSet.braille(left: 4, right: 2), "⣧")
    }

    // MARK: Channel table

    private let rows = [
        ChannelUsage(name: "Acme Telecom", inUse: 120, configured: 150),
        ChannelUsage(name: "Globex", inUse: 98, configured: 100),
        ChannelUsage(name: "Initech", inUse: 40, configured: nil),
    ]

    func testTableAtZeroAndOne() {
        assertScreen(ChannelTableWidget(rows: rows, glyphs: unicode).lines(width: 0, height: 0), [])
        // One cell: the first letter of the top row, no header.
        assertScreen(ChannelTableWidget(rows: rows, glyphs: unicode).lines(width: 1, height: 1), ["A"])
    }

    func testTableWithoutBar() {
        assertScreen(ChannelTableWidget(rows: rows, glyphs: unicode).lines(width: 40, height: 4), [
            "#  Customer" + sp(16) + "In use  Limit",
            "1  Acme Telecom" + sp(15) + "120" + sp(4) + "150",
            "2  Globex" + sp(22) + "98" + sp(4) + "100",
            "3  Initech" + sp(21) + "40" + sp(6) + "∞",
        ])
    }

    func testTableWithUtilisationBar() {
        let result = ChannelTableWidget(rows: rows, glyphs: unicode).rendered(width: 64, height: 4)
        assertScreen(result.lines(), [
            "#  Customer" + sp(21) + "In use  Limit  Use" + sp(14),
            "1  Acme Telecom" + sp(20) + "120" + sp(4) + "150  ████████░░  80% ◆",
            "2  Globex" + sp(27) + "98" + sp(4) + "100  ██████████  98% ▲",
            "3  Initech" + sp(26) + "40" + sp(6) + "∞" + sp(19),
        ])
        // The warning and the alarm are also coloured, never only coloured.
        XCTAssertEqual(result[47, 1].style.role, .warning)
        XCTAssertEqual(result[63, 1].style.role, .warning)
        XCTAssertEqual(result[47, 2].style.role, .alarm)
        XCTAssertEqual(result[55, 1].style.role, .dim)  // the empty part of the bar
    }

    func testTableBarInAscii() {
        assertScreen(ChannelTableWidget(rows: rows, glyphs: ascii).lines(width: 64, height: 3), [
            "#  Customer" + sp(21) + "In use  Limit  Use" + sp(14),
            "1  Acme Telecom" + sp(20) + "120" + sp(4) + "150  ########..  80% *",
            "2  Globex" + sp(27) + "98" + sp(4) + "100  ##########  98% !",
        ])
    }

    func testNarrowTableDropsLimitThenRank() {
        assertScreen(ChannelTableWidget(rows: rows, glyphs: unicode).lines(width: 20, height: 3), [
            "#  Customer   In use",
            "1  Acme Tel…     120",
            "2  Globex         98",
        ])
        // 12 columns: "In use" (6) and a gap leave 4 for names.
        assertScreen(ChannelTableWidget(rows: rows, glyphs: unicode).lines(width: 12, height: 2), [
            "Cus…  In use",
            "Acm…     120",
        ])
    }

    func testTableNamesAreSanitisedAndCut() {
        let evil = [ChannelUsage(name: "Globex \u{1b}[31mEVIL\u{07} Corporation International", inUse: 7, configured: 10)]
        assertScreen(ChannelTableWidget(rows: evil, glyphs: unicode).lines(width: 40, height: 2), [
            "#  Customer" + sp(16) + "In use  Limit",
            "1  Globex EVIL Corporati…" + sp(7) + "7" + sp(5) + "10",
        ])
    }

    func testTableAlignsWideNames() {
        let wide = [ChannelUsage(name: "中文客户", inUse: 12, configured: 30)]
        assertScreen(ChannelTableWidget(rows: wide, glyphs: unicode).lines(width: 40, height: 2), [
            "#  Customer" + sp(16) + "In use  Limit",
            "1  中文客户" + sp(20) + "12" + sp(5) + "30",  // the name takes 8 of its 22 columns
        ])
    }

    func testTableShowsAsManyRowsAsFit() {
        let many = (1...10).map { ChannelUsage(name: "C\($0)", inUse: 100 - $0, configured: 100) }
        let result = ChannelTableWidget(rows: many, glyphs: unicode).lines(width: 30, height: 4)
        XCTAssertEqual(result, [
            " #  Customer     In use  Limit",
            " 1  C1               99    100",
            " 2  C2               98    100",
            " 3  C3               97    100",
        ])
    }

    func testTableEmptyAndLoading() {
        assertScreen(ChannelTableWidget(rows: [], glyphs: unicode).lines(width: 10, height: 2), [
            "no data   ",
            "          ",
        ])
        assertScreen(ChannelTableWidget(rows: nil, glyphs: unicode).lines(width: 10, height: 1), ["loading…  "])
    }

    // MARK: Status bar

    private let status = StatusBarModel(
        version: "0.1.0+abc123", zone: "Europe/Zurich", clock: "2026-11-21 17:30:05 CET", channels: (123, 4_000), message: nil)
    private let everything = " Version 0.1.0+abc123 │ Zone Europe/Zurich │ 2026-11-21 17:30:05 CET │ Ch 123/4,000"

    func testStatusBarAtZeroAndOne() {
        assertScreen(StatusBarWidget(model: status, glyphs: unicode).lines(width: 0, height: 0), [])
        let one = StatusBarWidget(model: status, glyphs: unicode).rendered(width: 1, height: 1)
        assertScreen(one.lines(), [" "])
        XCTAssertEqual(one[0, 0].style.role, .statusBar)
    }

    func testStatusBarWithRoomForEverything() {
        let result = StatusBarWidget(model: status, glyphs: unicode).rendered(width: 120, height: 1)
        assertScreen(result.lines(), [everything + sp(22) + "? help  q quit "])
        XCTAssertEqual(result[105, 0].style.role, .statusKey)  // "?"
        XCTAssertEqual(result[106, 0].style.role, .statusBar)
        XCTAssertEqual(result[113, 0].style.role, .statusKey)  // "q"
        XCTAssertTrue((0..<120).allSatisfy { [.statusBar, .statusKey].contains(result[$0, 0].style.role) })
    }

    func testStatusBarExactFit() {
        assertScreen(StatusBarWidget(model: status, glyphs: unicode).lines(width: 100, height: 1), [
            everything + "  ? help  q quit ",
        ])
    }

    func testStatusBarDropsSegmentsByPriority() {
        let versionZoneClock = " Version 0.1.0+abc123 │ Zone Europe/Zurich │ 2026-11-21 17:30:05 CET"
        assertScreen(StatusBarWidget(model: status, glyphs: unicode).lines(width: 80, height: 1), [
            versionZoneClock + sp(5) + "? help ",
        ])
        assertScreen(StatusBarWidget(model: status, glyphs: unicode).lines(width: 60, height: 1), [
            " Version 0.1.0+abc123 │ 2026-11-21 17:30:05 CET" + sp(6) + "? help ",
        ])
        assertScreen(StatusBarWidget(model: status, glyphs: unicode).lines(width: 30, height: 1), [
            " 2026-11-21 17:30:05 CET" + sp(6),
        ])
        assertScreen(StatusBarWidget(model: status, glyphs: unicode).lines(width: 12, height: 1), [
            " 2026-11-21…",
        ])
    }

    func testStatusBarMessage() {
        var model = status
        model.message = "Copied Version and Zone"
        assertScreen(StatusBarWidget(model: model, glyphs: unicode).lines(width: 120, height: 1), [
            everything + " │ Copied Version and Zone" + sp(4) + "? help ",
        ])
        // At 80 columns the channel count and the help give way; the message is cut rather than lost.
        assertScreen(StatusBarWidget(model: model, glyphs: unicode).lines(width: 80, height: 1), [
            " Version 0.1.0+abc123 │ Zone Europe/Zurich │ 2026-11-21 17:30:05 CET │ Copied … ",
        ])
    }

    /// At 120 columns an export's message keeps the file's name: the path's directories go first, then Zone and
    /// Version while the message shows.
    func testStatusBarMessageKeepsTheFileName() {
        var model = status
        model.version = "0.1.0+15eb03166f85"
        model.clock = "2026-11-21 17:30:05 +01:00"
        model.message = "Exported 6 cells to ~/.local/state/termdash/exports/summary-live-attempts-20261121T133005Z.csv"
        assertScreen(StatusBarWidget(model: model, glyphs: unicode).lines(width: 120, height: 1), [
            " 2026-11-21 17:30:05 +01:00 │ Exported 6 cells to …/state/termdash/exports/summary-live-attempts-20261121T133005Z.csv   ",
        ])
        assertScreen(StatusBarWidget(model: model, glyphs: unicode).lines(width: 100, height: 1), [
            " 2026-11-21 17:30:05 +01:00 │ Exported 6 cells to …/summary-live-attempts-20261121T133005Z.csv      ",
        ])
        model.message = "Copied the support block to ~/.local/state/termdash/clipboard.txt"
        assertScreen(StatusBarWidget(model: model, glyphs: unicode).lines(width: 120, height: 1), [
            " Version 0.1.0+15eb03166f85 │ 2026-11-21 17:30:05 +01:00 │ Copied the support block to …/state/termdash/clipboard.txt   ",
        ])
        assertScreen(StatusBarWidget(model: model, glyphs: ascii).lines(width: 100, height: 1), [
            " 2026-11-21 17:30:05 +01:00 | Copied the support block to ~/.local/state/termdash/clipboard.txt     ",
        ])
        model.message = "Zone America/Argentina/Buenos_Aires for the clock and graphs (summaries stay in UTC)"
        assertScreen(StatusBarWidget(model: model, glyphs: unicode).lines(width: 120, height: 1), [
            " Version 0.1.0+15eb03166f85 │ Zone Europe/Zurich │ 2026-11-21 17:30:05 +01:00 │ Zone America/Argentina/Buenos_Aires fo… ",
        ], "a zone is not a path: the message is cut at its end as before")
    }

    func testStatusBarInAsciiAndSanitised() {
        var model = status
        model.zone = "Europe/\u{1b}[2JZurich"
        model.channels = nil
        assertScreen(StatusBarWidget(model: model, glyphs: ascii).lines(width: 90, height: 1), [
            " Version 0.1.0+abc123 | Zone Europe/Zurich | 2026-11-21 17:30:05 CET" + sp(7) + "? help  q quit ",
        ])
    }
}
