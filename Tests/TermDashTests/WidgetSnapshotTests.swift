import Metrics
import XCTest

@testable import TermDash

/// Each widget drawn into buffers of several sizes, compared with the text a user should see.
final class WidgetSnapshotTests: XCTestCase {
    private let unicode = GlyphSet.unicodeBlock
    private let ascii = GlyphSet.ascii

    /// Draws into a fresh buffer of the given size, the widget given the whole buffer.
    private func draw(_ width: Int, _ height: Int, _ body: (inout CellBuffer, Rect) -> Void) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        body(&buffer, buffer.bounds)
        return buffer
    }

    private func lines(_ width: Int, _ height: Int, _ body: (inout CellBuffer, Rect) -> Void) -> [String] {
        draw(width, height, body).lines()
    }

    private func sp(_ n: Int) -> String { String(repeating: " ", count: n) }

    // MARK: Panel

    func testPanelAtZeroAndOne() {
        var inner = Rect(x: 9, y: 9, width: 9, height: 9)
        XCTAssertEqual(lines(0, 0) { b, r in inner = Panel.render(title: "Live", in: r, glyphs: unicode, into: &b) }, [])
        XCTAssertEqual(inner, .zero)
        XCTAssertEqual(lines(1, 1) { b, r in inner = Panel.render(title: "Live", in: r, glyphs: unicode, into: &b) }, [" "])
        XCTAssertEqual(inner, Rect(x: 0, y: 0, width: 1, height: 1))
        XCTAssertEqual(lines(5, 1) { b, r in inner = Panel.render(title: "Live", in: r, glyphs: unicode, into: &b) }, ["     "])
        XCTAssertEqual(inner, Rect(x: 0, y: 0, width: 5, height: 1))
    }

    func testPanelAtTwoByTwoIsJustCorners() {
        var inner = Rect.zero
        XCTAssertEqual(lines(2, 2) { b, r in inner = Panel.render(title: "Live", in: r, glyphs: unicode, into: &b) },
                       ["┌┐", "└┘"])
        XCTAssertEqual(inner, Rect(x: 1, y: 1, width: 0, height: 0))
    }

    func testPanelWithTitle() {
        var inner = Rect.zero
        let result = draw(8, 3) { b, r in inner = Panel.render(title: "Live", in: r, glyphs: unicode, into: &b) }
        XCTAssertEqual(result.lines(), [
            "┌ Live ┐",
            "│      │",
            "└──────┘",
        ])
        XCTAssertEqual(inner, Rect(x: 1, y: 1, width: 6, height: 1))
        XCTAssertEqual(result[2, 0].style.role, .title)
        XCTAssertEqual(result[0, 0].style.role, .dim)
    }

    func testPanelCutsALongTitle() {
        XCTAssertEqual(lines(8, 3) { b, r in _ = Panel.render(title: "Live channels", in: r, glyphs: unicode, into: &b) }, [
            "┌ Liv… ┐",
            "│      │",
            "└──────┘",
        ])
    }

    func testPanelLeavesOutATitleWithNoRoom() {
        XCTAssertEqual(lines(5, 3) { b, r in _ = Panel.render(title: "Live", in: r, glyphs: unicode, into: &b) }, [
            "┌───┐",
            "│   │",
            "└───┘",
        ])
    }

    func testPanelInAscii() {
        XCTAssertEqual(lines(12, 4) { b, r in _ = Panel.render(title: "Top", in: r, glyphs: ascii, into: &b) }, [
            "+ Top -----+",
            "|          |",
            "|          |",
            "+----------+",
        ])
    }

    func testPanelTitleIsSanitised() {
        XCTAssertEqual(lines(10, 2) { b, r in _ = Panel.render(title: "A\u{1b}[2JB", in: r, glyphs: unicode, into: &b) }, [
            "┌ AB ────┐",
            "└────────┘",
        ])
    }

    // MARK: Counters

    private let counters = Counters(liveChannels: 1_234, configuredChannels: 4_000, activeCustomers: 87, carriers: 12, rateCards: 5)

    func testCountersAtZeroAndOne() {
        XCTAssertEqual(lines(0, 0) { b, r in CountersWidget.render(counters, in: r, glyphs: unicode, into: &b) }, [])
        XCTAssertEqual(lines(1, 1) { b, r in CountersWidget.render(counters, in: r, glyphs: unicode, into: &b) }, ["L"])
    }

    func testCountersInFourColumns() {
        XCTAssertEqual(lines(80, 2) { b, r in CountersWidget.render(counters, in: r, glyphs: unicode, into: &b) }, [
            "Live channels       Active customers    Carriers            Rate cards          ",
            "1,234               87                  12                  5                   ",
        ])
    }

    func testCountersInFourColumnsWithBigFigures() {
        let result = draw(100, 4) { b, r in CountersWidget.render(counters, in: r, glyphs: unicode, into: &b) }
        XCTAssertEqual(result.lines(), [
            "Live channels" + sp(12) + "Active customers" + sp(9) + "Carriers" + sp(17) + "Rate cards" + sp(15),
            "▀█  ▀▀█ ▀▀█ █ █" + sp(10) + "█▀█ ▀▀█" + sp(18) + "▀█  ▀▀█" + sp(18) + "█▀▀" + sp(22),
            " █  █▀▀  ▀█ ▀▀█" + sp(10) + "█▀█   █" + sp(18) + " █  █▀▀" + sp(18) + "▀▀█" + sp(22),
            "▀▀▀,▀▀▀ ▀▀▀   ▀" + sp(10) + "▀▀▀   ▀" + sp(18) + "▀▀▀ ▀▀▀" + sp(18) + "▀▀▀" + sp(22),
        ])
        XCTAssertEqual(result[0, 1].style.role, .value)
    }

    func testCountersBigFiguresInAscii() {
        XCTAssertEqual(lines(100, 4) { b, r in CountersWidget.render(counters, in: r, glyphs: ascii, into: &b) }, [
            "Live channels" + sp(12) + "Active customers" + sp(9) + "Carriers" + sp(17) + "Rate cards" + sp(15),
            "     _   _     " + sp(10) + " _   _ " + sp(18) + "     _ " + sp(18) + " _ " + sp(22),
            "  |  _|  _| |_|" + sp(10) + "|_|   |" + sp(18) + "  |  _|" + sp(18) + "|_ " + sp(22),
            "  |,|_   _|   |" + sp(10) + "|_|   |" + sp(18) + "  | |_ " + sp(18) + " _|" + sp(22),
        ])
    }

    func testCountersInAGrid() {
        XCTAssertEqual(lines(60, 2) { b, r in CountersWidget.render(counters, in: r, glyphs: unicode, into: &b) }, [
            "Live channels           1,234 │ Active customers          87",
            "Carriers                   12 │ Rate cards                 5",
        ])
    }

    func testCountersOnePerRowWhenNarrowAndTall() {
        XCTAssertEqual(lines(24, 4) { b, r in CountersWidget.render(counters, in: r, glyphs: unicode, into: &b) }, [
            "Live channels      1,234",
            "Active customers      87",
            "Carriers              12",
            "Rate cards             5",
        ])
    }

    func testCountersInAGridWithShortLabels() {
        XCTAssertEqual(lines(40, 2) { b, r in CountersWidget.render(counters, in: r, glyphs: ascii, into: &b) }, [
            "Live          1,234 | Customers       87",
            "Carriers         12 | Cards            5",
        ])
    }

    func testCountersOnOneLine() {
        XCTAssertEqual(lines(70, 1) { b, r in CountersWidget.render(counters, in: r, glyphs: unicode, into: &b) }, [
            "Live channels 1,234  Active customers 87  Carriers 12  Rate cards 5   ",
        ])
        XCTAssertEqual(lines(30, 1) { b, r in CountersWidget.render(counters, in: r, glyphs: unicode, into: &b) }, [
            "Live 1,234  Customers 87      ",
        ])
        XCTAssertEqual(lines(8, 1) { b, r in CountersWidget.render(counters, in: r, glyphs: unicode, into: &b) }, [
            "Live 1,2",
        ])
    }

    func testCountersWhileLoading() {
        XCTAssertEqual(lines(12, 2) { b, r in CountersWidget.render(nil, in: r, glyphs: unicode, into: &b) }, [
            "loading…    ",
            "            ",
        ])
    }

    // MARK: Sparkline

    func testSparklineAtZeroAndOne() {
        XCTAssertEqual(lines(0, 0) { b, r in SparklineWidget.render([1, 2, 3], in: r, glyphs: unicode, into: &b) }, [])
        XCTAssertEqual(lines(1, 1) { b, r in SparklineWidget.render([1, 2, 3], in: r, glyphs: unicode, into: &b) }, ["█"])
        XCTAssertEqual(lines(1, 1) { b, r in SparklineWidget.render([], in: r, glyphs: unicode, into: &b) }, ["n"])
    }

    func testSparklineEightLevels() {
        let series = Array(0...8)
        XCTAssertEqual(lines(9, 1) { b, r in SparklineWidget.render(series, in: r, glyphs: unicode, into: &b) }, [" ▁▂▃▄▅▆▇█"])
    }

    func testSparklineCaptionKeepsOnlyWholeSegments() {
        XCTAssertEqual(lines(9, 2) { b, r in SparklineWidget.render(Array(0...8), in: r, glyphs: unicode, into: &b) }, [
            " ▁▂▃▄▅▆▇█",
            "now 8    ",
        ])
        XCTAssertEqual(lines(24, 2) { b, r in SparklineWidget.render([80, 150, 123], in: r, glyphs: unicode, into: &b) }, [
            "                     ▄█▇",
            "now 123  max 150  min 80",
        ])
    }

    func testSparklineRightAlignsTheNewestSamples() {
        XCTAssertEqual(lines(5, 1) { b, r in SparklineWidget.render([8, 8], in: r, glyphs: unicode, into: &b) }, ["   ██"])
        // Only the two newest fit; they are scaled to their own maximum, not to the hidden 80.
        XCTAssertEqual(lines(2, 1) { b, r in SparklineWidget.render([80, 0, 4, 8], in: r, glyphs: unicode, into: &b) }, ["▄█"])
    }

    func testSparklineOverSeveralRows() {
        XCTAssertEqual(lines(12, 3) { b, r in SparklineWidget.render([16, 8, 4, 1], in: r, glyphs: unicode, into: &b) }, [
            "        █   ",
            "        ██▄▁",
            "now 1       ",
        ])
    }

    func testSparklineShowsATrickleAsAtLeastOneStep() {
        XCTAssertEqual(lines(3, 1) { b, r in SparklineWidget.render([1, 1_000, 0], in: r, glyphs: unicode, into: &b) }, ["▁█ "])
    }

    func testSparklineAllZero() {
        XCTAssertEqual(lines(5, 2) { b, r in SparklineWidget.render([0, 0, 0], in: r, glyphs: unicode, into: &b) }, [
            "     ",
            "now 0",
        ])
    }

    func testSparklineNegativeSamplesAreZero() {
        XCTAssertEqual(lines(3, 1) { b, r in SparklineWidget.render([-5, 8, -1], in: r, glyphs: unicode, into: &b) }, [" █ "])
    }

    func testSparklineEmptyAndLoading() {
        XCTAssertEqual(lines(9, 2) { b, r in SparklineWidget.render([], in: r, glyphs: unicode, into: &b) }, [
            "no data  ",
            "         ",
        ])
        XCTAssertEqual(lines(9, 1) { b, r in SparklineWidget.render(nil, in: r, glyphs: unicode, into: &b) }, ["loading… "])
        XCTAssertEqual(lines(11, 1) { b, r in SparklineWidget.render(nil, in: r, glyphs: ascii, into: &b) }, ["loading... "])
    }

    func testSparklineInAscii() {
        XCTAssertEqual(lines(8, 1) { b, r in SparklineWidget.render(Array(0...7), in: r, glyphs: ascii, into: &b) }, [" .:-=+*#"])
    }

    func testSparklineInBraille() {
        let braille = GlyphSet.unicodeBraille
        // Two samples a cell: [4, 4] fills the first cell, [2, 0] is a half-height left column.
        XCTAssertEqual(lines(2, 1) { b, r in SparklineWidget.render([4, 4, 2, 0], in: r, glyphs: braille, into: &b) }, ["⣿⡄"])
        // One sample goes in the right half of the last cell.
        XCTAssertEqual(lines(2, 1) { b, r in SparklineWidget.render([4], in: r, glyphs: braille, into: &b) }, [" ⢸"])
        // Width 1 holds the two newest samples.
        // Width 1 holds the two newest samples: 1 of 4 (one dot, left) and 4 of 4 (full right column).
        XCTAssertEqual(lines(1, 1) { b, r in SparklineWidget.render([9, 1, 4], in: r, glyphs: braille, into: &b) }, ["⣸"])
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
            return lines(3, 1) { b, r in
                SparklineWidget.render(live: seconds.map(value), endingAt: last, in: r, glyphs: unicode, into: &b)
            }
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
        XCTAssertEqual(lines(40, 2) { b, r in
            SparklineWidget.render(live: series, endingAt: 89, in: r, glyphs: unicode, into: &b)
        }, [
            sp(37) + "▆▆█",
            "now 7  max 7  min 5  last 20 min" + sp(8),
        ])
        // Without room for it the span is left out, whole.
        XCTAssertEqual(lines(24, 2) { b, r in
            SparklineWidget.render(live: series, endingAt: 89, in: r, glyphs: unicode, into: &b)
        }[1], "now 7  max 7  min 5" + sp(5))
        XCTAssertEqual(lines(9, 1) { b, r in SparklineWidget.render(live: nil, endingAt: 0, in: r, glyphs: unicode, into: &b) },
                       ["loading… "])
        XCTAssertEqual(SparklineWidget.duration(45), "45 s")
        XCTAssertEqual(SparklineWidget.duration(980), "16 min")
        XCTAssertEqual(SparklineWidget.duration(3 * 3_600), "3 h")
    }

    func testLiveGraphInBraille() {
        // One cell holds two columns, here of 60 s: seconds 0-59 at 4 on the left, 60-119 at 2 on the right.
        let series = Array(repeating: 4, count: 60) + Array(repeating: 2, count: 60)
        XCTAssertEqual(lines(1, 1) { b, r in
            SparklineWidget.render(live: series, endingAt: 119, in: r, glyphs: .unicodeBraille, into: &b)
        }, ["⣧"])
        XCTAssertEqual(GlyphSet.braille(left: 4, right: 2), "⣧")
    }

    // MARK: Channel table

    private let rows = [
        ChannelUsage(name: "Acme Telecom", inUse: 120, configured: 150),
        ChannelUsage(name: "Globex", inUse: 98, configured: 100),
        ChannelUsage(name: "Initech", inUse: 40, configured: nil),
    ]

    func testTableAtZeroAndOne() {
        XCTAssertEqual(lines(0, 0) { b, r in ChannelTableWidget.render(rows, in: r, glyphs: unicode, into: &b) }, [])
        // One cell: the first letter of the top row, no header.
        XCTAssertEqual(lines(1, 1) { b, r in ChannelTableWidget.render(rows, in: r, glyphs: unicode, into: &b) }, ["A"])
    }

    func testTableWithoutBar() {
        XCTAssertEqual(lines(40, 4) { b, r in ChannelTableWidget.render(rows, in: r, glyphs: unicode, into: &b) }, [
            "#  Customer" + sp(16) + "In use  Limit",
            "1  Acme Telecom" + sp(15) + "120" + sp(4) + "150",
            "2  Globex" + sp(22) + "98" + sp(4) + "100",
            "3  Initech" + sp(21) + "40" + sp(6) + "∞",
        ])
    }

    func testTableWithUtilisationBar() {
        let result = draw(64, 4) { b, r in ChannelTableWidget.render(rows, in: r, glyphs: unicode, into: &b) }
        XCTAssertEqual(result.lines(), [
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
        XCTAssertEqual(lines(64, 3) { b, r in ChannelTableWidget.render(rows, in: r, glyphs: ascii, into: &b) }, [
            "#  Customer" + sp(21) + "In use  Limit  Use" + sp(14),
            "1  Acme Telecom" + sp(20) + "120" + sp(4) + "150  ########..  80% *",
            "2  Globex" + sp(27) + "98" + sp(4) + "100  ##########  98% !",
        ])
    }

    func testNarrowTableDropsLimitThenRank() {
        XCTAssertEqual(lines(20, 3) { b, r in ChannelTableWidget.render(rows, in: r, glyphs: unicode, into: &b) }, [
            "#  Customer   In use",
            "1  Acme Tel…     120",
            "2  Globex         98",
        ])
        // 12 columns: "In use" (6) and a gap leave 4 for names.
        XCTAssertEqual(lines(12, 2) { b, r in ChannelTableWidget.render(rows, in: r, glyphs: unicode, into: &b) }, [
            "Cus…  In use",
            "Acm…     120",
        ])
    }

    func testTableNamesAreSanitisedAndCut() {
        let evil = [ChannelUsage(name: "Globex \u{1b}[31mEVIL\u{07} Corporation International", inUse: 7, configured: 10)]
        XCTAssertEqual(lines(40, 2) { b, r in ChannelTableWidget.render(evil, in: r, glyphs: unicode, into: &b) }, [
            "#  Customer" + sp(16) + "In use  Limit",
            "1  Globex EVIL Corporati…" + sp(7) + "7" + sp(5) + "10",
        ])
    }

    func testTableAlignsWideNames() {
        let wide = [ChannelUsage(name: "中文客户", inUse: 12, configured: 30)]
        XCTAssertEqual(lines(40, 2) { b, r in ChannelTableWidget.render(wide, in: r, glyphs: unicode, into: &b) }, [
            "#  Customer" + sp(16) + "In use  Limit",
            "1  中文客户" + sp(20) + "12" + sp(5) + "30",  // the name takes 8 of its 22 columns
        ])
    }

    func testTableShowsAsManyRowsAsFit() {
        let many = (1...10).map { ChannelUsage(name: "C\($0)", inUse: 100 - $0, configured: 100) }
        let result = lines(30, 4) { b, r in ChannelTableWidget.render(many, in: r, glyphs: unicode, into: &b) }
        XCTAssertEqual(result, [
            " #  Customer     In use  Limit",
            " 1  C1               99    100",
            " 2  C2               98    100",
            " 3  C3               97    100",
        ])
    }

    func testTableEmptyAndLoading() {
        XCTAssertEqual(lines(10, 2) { b, r in ChannelTableWidget.render([], in: r, glyphs: unicode, into: &b) }, [
            "no data   ",
            "          ",
        ])
        XCTAssertEqual(lines(10, 1) { b, r in ChannelTableWidget.render(nil, in: r, glyphs: unicode, into: &b) }, ["loading…  "])
    }

    // MARK: Status bar

    private let status = StatusBarModel(
        version: "0.1.0+abc123", zone: "Europe/Zurich", clock: "2026-11-21 17:30:05 CET", channels: (123, 4_000), message: nil)
    private let everything = " Version 0.1.0+abc123 │ Zone Europe/Zurich │ 2026-11-21 17:30:05 CET │ Ch 123/4,000"

    func testStatusBarAtZeroAndOne() {
        XCTAssertEqual(lines(0, 0) { b, r in StatusBarWidget.render(status, in: r, glyphs: unicode, into: &b) }, [])
        let one = draw(1, 1) { b, r in StatusBarWidget.render(status, in: r, glyphs: unicode, into: &b) }
        XCTAssertEqual(one.lines(), [" "])
        XCTAssertEqual(one[0, 0].style.role, .statusBar)
    }

    func testStatusBarWithRoomForEverything() {
        let result = draw(120, 1) { b, r in StatusBarWidget.render(status, in: r, glyphs: unicode, into: &b) }
        XCTAssertEqual(result.lines(), [everything + sp(22) + "? help  q quit "])
        XCTAssertEqual(result[105, 0].style.role, .statusKey)  // "?"
        XCTAssertEqual(result[106, 0].style.role, .statusBar)
        XCTAssertEqual(result[113, 0].style.role, .statusKey)  // "q"
        XCTAssertTrue((0..<120).allSatisfy { [.statusBar, .statusKey].contains(result[$0, 0].style.role) })
    }

    func testStatusBarExactFit() {
        XCTAssertEqual(lines(100, 1) { b, r in StatusBarWidget.render(status, in: r, glyphs: unicode, into: &b) }, [
            everything + "  ? help  q quit ",
        ])
    }

    func testStatusBarDropsSegmentsByPriority() {
        let versionZoneClock = " Version 0.1.0+abc123 │ Zone Europe/Zurich │ 2026-11-21 17:30:05 CET"
        XCTAssertEqual(lines(80, 1) { b, r in StatusBarWidget.render(status, in: r, glyphs: unicode, into: &b) }, [
            versionZoneClock + sp(5) + "? help ",
        ])
        XCTAssertEqual(lines(60, 1) { b, r in StatusBarWidget.render(status, in: r, glyphs: unicode, into: &b) }, [
            " Version 0.1.0+abc123 │ 2026-11-21 17:30:05 CET" + sp(6) + "? help ",
        ])
        XCTAssertEqual(lines(30, 1) { b, r in StatusBarWidget.render(status, in: r, glyphs: unicode, into: &b) }, [
            " 2026-11-21 17:30:05 CET" + sp(6),
        ])
        XCTAssertEqual(lines(12, 1) { b, r in StatusBarWidget.render(status, in: r, glyphs: unicode, into: &b) }, [
            " 2026-11-21…",
        ])
    }

    func testStatusBarMessage() {
        var model = status
        model.message = "Copied Version and Zone"
        XCTAssertEqual(lines(120, 1) { b, r in StatusBarWidget.render(model, in: r, glyphs: unicode, into: &b) }, [
            everything + " │ Copied Version and Zone" + sp(4) + "? help ",
        ])
        // At 80 columns the channel count and the help give way; the message is cut rather than lost.
        XCTAssertEqual(lines(80, 1) { b, r in StatusBarWidget.render(model, in: r, glyphs: unicode, into: &b) }, [
            " Version 0.1.0+abc123 │ Zone Europe/Zurich │ 2026-11-21 17:30:05 CET │ Copied … ",
        ])
    }

    func testStatusBarInAsciiAndSanitised() {
        var model = status
        model.zone = "Europe/\u{1b}[2JZurich"
        model.channels = nil
        XCTAssertEqual(lines(90, 1) { b, r in StatusBarWidget.render(model, in: r, glyphs: ascii, into: &b) }, [
            " Version 0.1.0+abc123 | Zone Europe/Zurich | 2026-11-21 17:30:05 CET" + sp(7) + "? help  q quit ",
        ])
    }
}
