import Foundation
@testable import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// The monitor's frame drawn from a hand-built snapshot: the tab line, each of the views (the Billing view has BillingViewTests), the status bar and the
/// help overlay, at the sizes people use, in ASCII so the text is stable.
final class MonitorScreenTests: XCTestCase {
    private let context = ViewContext(version: "0.1.0+abc123", zone: "UTC", clock: "2026-11-21 15:30:05 UTC", glyphs: .ascii)

    private func model(_ view: MonitorView, keys: [KeyBinding] = KeyBinding.defaults) -> ScreenModel {
        var state = MonitorState()
        state.view = view
        if view == .summary { state.grid = SummaryGridFixtures.state(for: SummaryGridFixtures.small) }
        return ScreenModel(snapshot: DashboardFixtures.snapshot, summary: view == .summary ? SummaryGridFixtures.small : nil,
                           state: state, context: context, lowASR: 20, minimumAttempts: 10, keys: keys)
    }

    private func render(_ model: ScreenModel, _ width: Int, _ height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        MonitorScreen.render(model, into: &buffer)
        return buffer
    }

    private func sp(_ n: Int) -> String { String(repeating: " ", count: n) }

    /// A line of `width` columns: `left`, spaces, then `right` at the end.
    private func row(_ left: String, _ right: String = "", width: Int) -> String {
        left + sp(width - left.count - right.count) + right
    }

    private func dashes(_ n: Int) -> String { String(repeating: "-", count: n) }

    /// Every line is exactly as wide as the screen, plain ASCII (the glyph set is ASCII and so is the data), and
    /// free of the escape sequences and control characters the hostile names carry.
    private func assertClean(_ buffer: CellBuffer, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let lines = buffer.lines()
        XCTAssertEqual(lines.count, buffer.height, what, file: file, line: line)
        for (index, text) in lines.enumerated() {
            XCTAssertEqual(DisplayWidth.of(text), buffer.width, "\(what) row \(index): \(text)", file: file, line: line)
            XCTAssertTrue(text.unicodeScalars.allSatisfy(\.isASCII), "\(what) row \(index): \(text)", file: file, line: line)
            XCTAssertFalse(text.contains("[31m"), "\(what) row \(index): \(text)", file: file, line: line)
        }
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                for scalar in buffer[x, y].text.unicodeScalars {
                    XCTAssertFalse(SanitizerTests.isForbidden(scalar), "\(what): U+\(String(scalar.value, radix: 16)) at \(x),\(y)",
                                   file: file, line: line)
                }
            }
        }
    }

    private let status80 = " Version 0.1.0+abc123 | Zone UTC | 2026-11-21 15:30:05 UTC | ! Check 3   ? help "
    private let status200 = " Version 0.1.0+abc123 | Zone UTC | 2026-11-21 15:30:05 UTC | Ch 1,234/4,000"
        + " | Bal -612.00 USD limit -500.00 OVER | ! Check 3" + String(repeating: " ", count: 61) + "? help  q quit "

    // MARK: Tab line

    func testTabLineNamesEveryViewAndBracketsTheCurrentOne() {
        let tabs: [MonitorView: String] = [
            .overview: " [1 Overview]  2 Channels   3 History   4 Quality   5 Summary   6 Checklist   7 Billing ",
            .channels: "  1 Overview  [2 Channels]  3 History   4 Quality   5 Summary   6 Checklist   7 Billing ",
            .history: "  1 Overview   2 Channels  [3 History]  4 Quality   5 Summary   6 Checklist   7 Billing ",
            .quality: "  1 Overview   2 Channels   3 History  [4 Quality]  5 Summary   6 Checklist   7 Billing ",
            .summary: "  1 Overview   2 Channels   3 History   4 Quality  [5 Summary]  6 Checklist   7 Billing ",
            .checklist: "  1 Overview   2 Channels   3 History   4 Quality   5 Summary  [6 Checklist]  7 Billing ",
            .billing: "  1 Overview   2 Channels   3 History   4 Quality   5 Summary   6 Checklist  [7 Billing]",
        ]
        for (view, tab) in tabs {
            XCTAssertEqual(render(model(view), 100, 30).lines()[0], row(tab, width: 100), "\(view)")
            XCTAssertEqual(render(model(view), 200, 50).lines()[0], row(tab, width: 200), "\(view)")
        }
        // Seven names need 89 columns; at 80 the current view's name and the others' numbers.
        XCTAssertEqual(render(model(.billing), 80, 24).lines()[0], row("  1   2   3   4   5   6  [7 Billing]", width: 80))
        // Too narrow for every name: the current view's name and the others' keys.
        XCTAssertEqual(render(model(.overview), 40, 10).lines()[0], " [1 Overview]  2   3   4   5   6   7    ")
        XCTAssertEqual(render(model(.quality), 40, 10).lines()[0], "  1   2   3  [4 Quality]  5   6   7     ")
        let buffer = render(model(.history), 100, 30)
        XCTAssertEqual(buffer[27, 0].style.role, .selection, "the current view in reverse video")
        XCTAssertEqual(buffer[15, 0].style.role, .label)
    }

    func testAClickOnALabelPicksItsViewAndBetweenLabelsNothing() {
        let keys = KeyBinding.defaults
        // " [1 Overview]  2 Channels   3 History   4 Quality   5 Summary   6 Checklist   7 Billing "
        let spans: [(MonitorView, ClosedRange<Int>)] = [
            (.overview, 1...12), (.channels, 14...25), (.history, 27...37), (.quality, 39...49), (.summary, 51...61),
            (.checklist, 63...75), (.billing, 77...87),
        ]
        for (view, span) in spans {
            for x in span {
                XCTAssertEqual(ViewTabs.view(at: x, current: .overview, keys: keys, width: 100), view, "x \(x)")
            }
        }
        for x in [-1, 0, 13, 26, 38, 50, 62, 76, 88, 99, 200] {
            XCTAssertNil(ViewTabs.view(at: x, current: .overview, keys: keys, width: 100), "x \(x)")
        }
        // Narrow: the keys alone are labels too. "  1   2   3  [4 Quality]  5   6 "
        let narrow: [(MonitorView, ClosedRange<Int>)] = [
            (.overview, 1...3), (.channels, 5...7), (.history, 9...11), (.quality, 13...23), (.summary, 25...27),
            (.checklist, 29...31), (.billing, 33...35),
        ]
        for (view, span) in narrow {
            for x in span {
                XCTAssertEqual(ViewTabs.view(at: x, current: .quality, keys: keys, width: 40), view, "x \(x)")
            }
        }
        for x in [0, 4, 8, 12, 24, 28, 32, 36, 39] {
            XCTAssertNil(ViewTabs.view(at: x, current: .quality, keys: keys, width: 40), "x \(x)")
        }
        // Each span is where the tab line draws that label.
        let line = Array(render(model(.overview), 100, 30).lines()[0])
        for (view, span) in spans {
            XCTAssertEqual(String(line[span]).trimmingCharacters(in: CharacterSet(charactersIn: " []")),
                           "\(view.rawValue) \(view.title)")
        }
    }

    // MARK: The views

    func testOverviewAtEightyByTwentyFour() {
        let buffer = render(model(.overview), 80, 24)
        assertScreen(buffer.lines(), [
            " [1 Overview]  2   3   4   5   6   7                                            ",
            " Live channels 1,234  Active customers 87  Carriers 12  Rate cards 5            ",
            "+ Live channels ---------------------------------------------------------------+",
            "|                                                                            # |",
            "|                                                                            # |",
            "|                                                                           +# |",
            "| now 24  max 24  min 0  last 19 min                                           |",
            "+------------------------------------------------------------------------------+",
            "+ Top customers ---------------------------------------------------------------+",
            "| #  Customer                                 In use  Limit  Use               |",
            "| 1  Acme Telecom                                120    150  ########..  80% * |",
            "| 2  Evil                                         98    100  ##########  98% ! |",
            "| 3  Initech                                      40      -                    |",
            "+------------------------------------------------------------------------------+",
            "+ ASR - ACD - DTMF by carrier - 1h --------------------------------------------+",
            "|    Carrier                           Calls     ASR       ACD    DTMF  Digits |",
            "|  x Alpha Telecom                     1,234   45.2%      2:31     N/A     N/A |",
            "|  x Evil                                 80   12.5% LOW  1:05     N/A     N/A |",
            "|    Total                             1,314   43.2%      2:29     N/A     N/A |",
            "+------------------------------------------------------------------------------+",
            "+ Checklist (3) ---------------------------------------------------------------+",
            "| ! ALERT  CDR file in error  Master.csv: line 3: broken quote                 |",
            "+------------------------------------------------------------------------------+",
            " Version 0.1.0+abc123 | Zone UTC | 2026-11-21 15:30:05 UTC | ! Check 3   ? help ",
        ])
        assertClean(buffer, "overview 80x24")
    }

    func testOverviewAtTwoHundredByFifty() {
        let buffer = render(model(.overview), 200, 50)
        let lines = buffer.lines()
        XCTAssertEqual(lines[0], row(" [1 Overview]  2 Channels   3 History   4 Quality   5 Summary   6 Checklist   7 Billing", width: 200))
        XCTAssertEqual(lines[1], "+ Overview " + dashes(188) + "+")
        XCTAssertEqual(lines[2], "| Live channels" + sp(36) + "Active customers" + sp(33) + "Carriers" + sp(41) + "Rate cards"
                       + sp(40) + "|")
        // Graphs on the left, tables on the right.
        XCTAssertEqual(lines[7], "+ Live channels " + dashes(83) + "++ Top customers " + dashes(83) + "+")
        XCTAssertEqual(lines[8], row("|", "# |", width: 100) + row("| #  Customer", "In use  Limit  Use               |", width: 100))
        XCTAssertEqual(lines[9], row("|", "# |", width: 100)
                       + row("| 1  Acme Telecom", "120    150  ########..  80% * |", width: 100))
        XCTAssertEqual(lines[10], row("|", "# |", width: 100)
                       + row("| 2  Evil", "98    100  ##########  98% ! |", width: 100), "the hostile name, clean")
        XCTAssertEqual(lines[11], row("|", "# |", width: 100) + row("| 3  Initech", "40      -                    |", width: 100))
        XCTAssertEqual(lines[49], status200)
        let text = lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("| 1  +41220000002"), "the top DID")
        XCTAssertTrue(text.contains("|  x Evil "), "the hostile carrier in the quality table")
        XCTAssertTrue(text.contains("| ! ALERT  Balance past debit limit  Evil: balance -600.00 USD, limit -500.00 USD "))
        assertClean(buffer, "overview 200x50")
    }

    /// The panes' titles from the top, left to right: "+ Title ---" at the left edge or beside another box.
    private func panes(_ view: MonitorView, _ width: Int, _ height: Int) -> [String] {
        let title = try! NSRegularExpression(pattern: #"(?:^|[|+])\+ ([A-Z][^+|]*?) -{2,}"#)
        return render(model(view), width, height).lines().flatMap { line in
            title.matches(in: line, range: NSRange(line.startIndex..., in: line)).map {
                String(line[Range($0.range(at: 1), in: line)!])
            }
        }
    }

    func testOverviewPanesGoByPriorityAsTheScreenShrinks() {
        XCTAssertEqual(panes(.overview, 80, 24), ["Live channels", "Top customers", "ASR - ACD - DTMF by carrier - 1h",
                                                  "Checklist (3)"], "each table gets rows enough to read")
        XCTAssertEqual(panes(.overview, 200, 50), [
            "Overview", "Live channels", "Top customers", "Channels - 1h", "ASR - ACD - DTMF by carrier - 1h", "CPS - 1h",
            "Checklist (3)", "Top carriers", "Spend vs provider cost - 1h", "Top DIDs", "Registrations - 1h",
        ])
        XCTAssertEqual(panes(.overview, 80, 40).suffix(2), ["Top carriers", "Channels - 1h"], "taller: a graph joins below")
        XCTAssertEqual(panes(.overview, 40, 10), ["Live channels"], "the smallest frame keeps the most important pane")
    }

    func testChannelsView() {
        let small = render(model(.channels), 80, 24)
        let lines = small.lines()
        XCTAssertEqual(Array(lines[1...5]), [
            "+ Top customers " + dashes(63) + "+",
            row("| #  Customer", "In use  Limit  Use               |", width: 80),
            row("| 1  Acme Telecom", "120    150  ########..  80% * |", width: 80),
            row("| 2  Evil", "98    100  ##########  98% ! |", width: 80),
            row("| 3  Initech", "40      -                    |", width: 80),
        ])
        XCTAssertEqual(lines[8], "+ Top carriers " + dashes(64) + "+")
        XCTAssertEqual(lines[10], row("| 1  Evil Carrier", "57     60  ##########  95% ! |", width: 80))
        XCTAssertEqual(lines[15], "+ Top DIDs " + dashes(68) + "+")
        XCTAssertEqual(lines[17], row("| 1  +41220000002", "2 |", width: 80))
        XCTAssertEqual(lines[23], status80)
        assertClean(small, "channels 80x24")

        // Three columns of top and bottom tables.
        let buffer = render(model(.channels), 200, 50)
        let big = buffer.lines()
        XCTAssertEqual(big[1], "+ Top customers " + dashes(50) + "++ Top carriers " + dashes(51) + "++ Top DIDs " + dashes(54) + "+")
        XCTAssertEqual(big[3], row("| 1  Acme Telecom", "120    150  ########..  80% * |", width: 67)
                       + row("| 1  Evil Carrier", "57     60  ##########  95% ! |", width: 67)
                       + row("| 1  +41220000002", "2 |", width: 66))
        XCTAssertEqual(big[25], "+ Bottom customers " + dashes(47) + "++ Bottom carriers " + dashes(48) + "++ Bottom DIDs "
                       + dashes(51) + "+")
        XCTAssertEqual(big[27], row("| 1  Tiny", "0     10  ..........   0%   |", width: 67)
                       + row("| 1  Telia", "3    120  ..........   3%   |", width: 67)
                       + row("| 1  +41220000009", "0 |", width: 66))
        XCTAssertEqual(big[49], status200)
        assertClean(buffer, "channels 200x50")
    }

    func testHistoryView() {
        let small = render(model(.history), 80, 24)
        let lines = small.lines()
        XCTAssertEqual(Array(lines[1...7]), [
            "+ Channels - 1h " + dashes(63) + "+",
            "| 20" + sp(56) + String(repeating: "#", count: 18) + " |",
            "|    " + String(repeating: "=", count: 19) + sp(36) + String(repeating: "#", count: 18) + " |",
            "|  0 " + String(repeating: "#", count: 19) + sp(18) + String(repeating: "+", count: 18)
                + String(repeating: "#", count: 18) + " |",
            row("|    15:27             15:28             15:29             15:30", "|", width: 80),
            row("| now 20  max 20", "|", width: 80),
            "+" + dashes(78) + "+",
        ])
        XCTAssertEqual(lines[8], "+ CPS - 1h " + dashes(68) + "+")
        XCTAssertEqual(lines[13], row("| # cps  o peak  now 6.0/s  max 6.0/s  peak 7/s at 15:29:09", "|", width: 80))
        XCTAssertEqual(lines[15], "+ Spend vs provider cost - 1h " + dashes(49) + "+")
        XCTAssertEqual(lines[20], row("| # spend  o cost  spend 1.85  cost 1.45  profit 0.40", "|", width: 80))
        XCTAssertEqual(lines[23], status80)
        assertClean(small, "history 80x24")

        let buffer = render(model(.history), 200, 50)
        let big = buffer.lines()
        XCTAssertEqual(big[1], "+ Channels - 1h " + dashes(83) + "++ Profit - 1h " + dashes(85) + "+")
        XCTAssertEqual(panes(.history, 200, 50), ["Channels - 1h", "Profit - 1h", "CPS - 1h", "Registrations - 1h",
                                                  "Spend vs provider cost - 1h", "Daily profit and loss (UTC)"])
        let text = big.joined(separator: "\n")
        XCTAssertTrue(text.contains("| profit 0.40  worst -0.15 at 15:29 "))
        XCTAssertTrue(text.contains("| today 3.50  7 d 3.50  UTC days "))
        XCTAssertEqual(big[49], status200)
        assertClean(buffer, "history 200x50")
    }

    func testQualityView() {
        let small = render(model(.quality), 80, 24)
        let lines = small.lines()
        XCTAssertEqual(Array(lines[1...7]), [
            "+ ASR - ACD - DTMF by carrier - 1h " + dashes(44) + "+",
            "|    Carrier                           Calls     ASR       ACD    DTMF  Digits |",
            "| >x Alpha Telecom                     1,234   45.2%      2:31     N/A     N/A |",
            "|  x Evil                                 80   12.5% LOW  1:05     N/A     N/A |",
            "|  x Idle                                  0     N/A       N/A     N/A     N/A |",
            "|    Total                             1,314   43.2%      2:29     N/A     N/A |",
            "+" + dashes(78) + "+",
        ])
        XCTAssertEqual(lines[8], "+ ASR - 1h " + dashes(68) + "+")
        XCTAssertEqual(lines[14], row("| ASR 52.4%", "|", width: 80))
        XCTAssertEqual(lines[16], "+ ACD - 1h " + dashes(68) + "+")
        XCTAssertEqual(lines[23], status80)
        assertClean(small, "quality 80x24")

        // The table on the left, ASR, ACD and DTMF over time on the right.
        let buffer = render(model(.quality), 200, 50)
        let big = buffer.lines()
        XCTAssertEqual(big[1], "+ ASR - ACD - DTMF by carrier - 1h " + dashes(84) + "++ ASR - 1h " + dashes(68) + "+")
        XCTAssertTrue(big[4].hasPrefix(row("|  x Evil", "80   12.5% LOW  1:05     N/A     N/A |", width: 120)), big[4])
        XCTAssertTrue(big[47].hasPrefix(row("|    Total", "1,314   43.2%      2:29     N/A     N/A |", width: 120)), big[47])
        XCTAssertEqual(panes(.quality, 200, 50), ["ASR - ACD - DTMF by carrier - 1h", "ASR - 1h", "ACD - 1h", "DTMF - 1h"])
        XCTAssertEqual(big[49], status200)
        assertClean(buffer, "quality 200x50")
    }

    func testSummaryView() {
        let small = render(model(.summary), 80, 24)
        let lines = small.lines()
        // The title names the period the grid covers: Live is 24 hours, the last one the hour of the newest bucket.
        let title = "+ Summary - Live - Attempts (UTC) - 2026-11-21 10:00 to 2026-11-21 14:00 "
        XCTAssertEqual(Array(lines[1...6]), [
            title + dashes(79 - title.count) + "+",
            row("| Attempts     10:00 11:00 12:00 13:00", "|", width: 80),
            row("| Acme Telecom   120   130     0     7", "|", width: 80),
            row("| Globex           7     9    12    14", "|", width: 80),
            row("| Initech Ltd  1,000     1     2     3", "|", width: 80),
            row("| Total        1,127   140    14    24", "|", width: 80),
        ])
        XCTAssertEqual(lines[21], row("| n 1 | sum 7 | avg 7.00 | weighted N/A", "|", width: 80), "the cursor's cell")
        XCTAssertEqual(lines[23], status80)
        assertClean(small, "summary 80x24")
        let buffer = render(model(.summary), 200, 50)
        let big = buffer.lines()
        XCTAssertEqual(big[1], title + dashes(199 - title.count) + "+")
        XCTAssertEqual(big[5], row("| Initech Ltd  1,000     1     2     3", "|", width: 200), "the stored name's escape and tab, clean")
        // Where there is room, the footer names the view's own keys before help: paging, ticking, invoicing.
        XCTAssertEqual(big[49], String(status200.dropLast(15 + 41)) + "[ older  ] newer  Space tick  i invoice  ? help  q quit ")
        assertClean(buffer, "summary 200x50")
    }

    func testChecklistView() {
        let small = render(model(.checklist), 80, 24)
        let lines = small.lines()
        XCTAssertEqual(Array(lines[1...5]), [
            "+ Checklist (3) " + dashes(63) + "+",
            row("| ! ALERT  CDR file in error         Master.csv: line 3: broken quote", "|", width: 80),
            row("| ! ALERT  Balance past debit limit  Evil: balance -600.00 USD, limit -500....", "|", width: 80),
            row("| * WARN   Profile not verified      New Co (X9) was created by importing M...", "|", width: 80),
            row("|", "|", width: 80),
        ])
        XCTAssertEqual(lines[23], status80)
        assertClean(small, "checklist 80x24")
        let buffer = render(model(.checklist), 200, 50)
        let big = buffer.lines()
        XCTAssertEqual(big[3], row("| ! ALERT  Balance past debit limit  Evil: balance -600.00 USD, limit -500.00 USD", "|",
                                   width: 200))
        XCTAssertEqual(big[4], row("| * WARN   Profile not verified      New Co (X9) was created by importing Master-2026-11.csv",
                                   "|", width: 200))
        XCTAssertEqual(big[49], status200)
        assertClean(buffer, "checklist 200x50")
    }

    func testEveryViewAtEverySizeStaysInsideAndClean() {
        for view in MonitorView.allCases {
            for (width, height) in [(40, 10), (41, 11), (79, 23), (80, 24), (119, 29), (120, 30), (150, 40), (200, 50)] {
                var model = model(view)
                assertClean(render(model, width, height), "\(view) \(width)x\(height)")
                model.state.showHelp = true
                assertClean(render(model, width, height), "help \(view) \(width)x\(height)")
            }
        }
    }

    func testBeforeTheFirstSnapshot() {
        var empty = model(.quality)
        empty.snapshot = nil
        let lines = render(empty, 80, 24).lines()
        XCTAssertEqual(lines[2], row("| loading...", "|", width: 80))
        XCTAssertEqual(lines[23], row(" Version 0.1.0+abc123 | Zone UTC | 2026-11-21 15:30:05 UTC", "? help  q quit ", width: 80),
                       "no channel count nor checklist before the first read")
    }

    // MARK: Small screens

    func testTinyScreensSayWhatTheyNeed() {
        assertScreen(render(model(.overview), 0, 0).lines(), [])
        assertScreen(render(model(.summary), 1, 1).lines(), ["T"])
        assertScreen(render(model(.checklist), 20, 5).lines(), [
            sp(20),
            "TermDash needs 40x10",
            "     (now 20x5)     ",
            sp(20),
            sp(20),
        ])
        XCTAssertEqual(render(model(.history), 39, 9).lines()[4], "    TermDash needs 40x10 (now 39x9)    ")
        for view in MonitorView.allCases {
            for (width, height) in [(0, 0), (1, 1), (0, 5), (5, 0), (2, 2), (20, 5), (39, 10), (40, 9)] {
                var model = model(view)
                model.state.showHelp = true
                XCTAssertEqual(render(model, width, height).lines().count, height)
            }
        }
    }

    // MARK: Help overlay

    func testHelpInTheSummaryViewFitsEightyByTwentyFourInTwoColumns() {
        var help = model(.summary)
        help.state.showHelp = true
        assertScreen(render(help, 80, 24).lines(), [
            "+ Keys -----------------------------------------------------------------------+ ",
            "|                                                                             |+",
            "| Summary view                           p             Live, daily, weekly... ||",
            "| Up k          Cursor up                P             Previous period        ||",
            "| Down j        Cursor down              y             Copy the selection ... ||",
            "| Left h        Cursor to the older...   Y             Copy the selection ... ||",
            "| Right l       Cursor to the newer...   e             Export the selectio... ||",
            "| Shift-Up K    Grow the selection up    [             The time axis a pag... ||",
            "| Shift-Down J  Grow the selection ...   ]             The time axis a pag... ||",
            "| Shift-Left H  Grow the selection ...   Space         Tick or untick the ... ||",
            "| Shift-Right L Grow the selection ...   i             A draft invoice per... ||",
            "| PgUp          A screen of custome...   Everywhere                           ||",
            "| PgDn          A screen of custome...   ?             Show or hide this help ||",
            "| Home 0        First (oldest) bucket    q Q           Quit and restore th... ||",
            "| End $         Last (newest) bucket     r             Read the store now     ||",
            "| g             First customer           Tab           Next view              ||",
            "| G             Last customer            Shift-Tab     Previous view          ||",
            "| v             Start or end a sele...   1 2 3 4 5 6 7 Show the view of th... ||",
            "| Esc           Drop the selection       t             History and quality... ||",
            "| a             Select every cell        z             Clock and graph axe... ||",
            "| m             Next figure (attemp...   c             Copy Version, Zone,... ||",
            "| M             Previous figure          T             Open a help ticket ... ||",
            "|                                                                             |+",
            "+-----------------------------------------------------------------------------+ ",
        ])
    }

    func testHelpInTheChecklistViewIsOneColumn() {
        var help = model(.checklist)
        help.state.showHelp = true
        assertScreen(render(help, 80, 24).lines(), [
            "  1   2   3   4   5  [6 Checklist]  7                                           ",
            "+ Che+ Keys -------------------------------------------------------------+-----+",
            "| ! A|                                                                   |     |",
            "| ! A| Checklist view                                                    |.... |",
            "| * W| Up k          Cursor up                                           |M... |",
            "|    | Down j        Cursor down                                         |     |",
            "|    | PgUp          A screen up                                         |     |",
            "|    | PgDn          A screen down                                       |     |",
            "|    | Home g        First row                                           |     |",
            "|    | End G         Last row                                            |     |",
            "|    | Everywhere                                                        |     |",
            "|    | ?             Show or hide this help                              |     |",
            "|    | q Q           Quit and restore the terminal (Ctrl-C too)          |     |",
            "|    | r             Read the store now                                  |     |",
            "|    | Tab           Next view                                           |     |",
            "|    | Shift-Tab     Previous view                                       |     |",
            "|    | 1 2 3 4 5 6 7 Show the view of that number                        |     |",
            "|    | t             History and quality over 1 h, 24 h or 7 d           |     |",
            "|    | z             Clock and graph axes in another time zone           |     |",
            "|    | c             Copy Version, Zone, UTC time and store for a ticket |     |",
            "|    | T             Open a help ticket with the support block           |     |",
            "|    |                                                                   |     |",
            "+----+-------------------------------------------------------------------+-----+",
            " Version 0.1.0+abc123 | Zone UTC | 2026-11-21 15:30:05 UTC | ! Check 3   ? help ",
        ])
    }

    /// The view's own keys under its name, then "Everywhere" and the global keys: every binding listed, at both
    /// sizes.
    func testHelpListsTheViewsKeysThenEverywhere() throws {
        for view in MonitorView.allCases {
            var help = model(view)
            help.state.showHelp = true
            let local = KeyBinding.defaults.filter { $0.view == view }
            let global = KeyBinding.defaults.filter { $0.view == nil }
            for (width, height) in [(80, 24), (200, 50)] {
                let lines = render(help, width, height).lines()
                let text = lines.joined(separator: "\n")
                XCTAssertTrue(text.contains("+ Keys "), "\(view)")
                // The keys that pick a view share one line.
                XCTAssertTrue(text.contains("| 1 2 3 4 5 6 7 Show the v") || text.contains("   1 2 3 4 5 6 7 Show the v"),
                              "\(view) \(width)x\(height)")
                for binding in local + global {
                    if case .show = binding.action { continue }
                    let keys = binding.keys.map { KeyBinding.label($0, unicode: false) }.joined(separator: " ")
                    XCTAssertTrue(text.contains("| \(keys) ") || text.contains("   \(keys) "), "\(view) \(width)x\(height): \(keys)")
                    XCTAssertTrue(text.contains(String(binding.help.prefix(10))), "\(view) \(width)x\(height): \(binding.help)")
                }
                let heading = lines.firstIndex { $0.contains("| \(view.title) view ") }
                let everywhere = lines.firstIndex { $0.contains(" Everywhere ") }
                if local.isEmpty {
                    XCTAssertNil(heading, "\(view): only the global keys, no headings")
                    XCTAssertNil(everywhere, "\(view)")
                } else {
                    let heading = try XCTUnwrap(heading, "\(view) \(width)x\(height)")
                    let everywhere = try XCTUnwrap(everywhere, "\(view) \(width)x\(height)")
                    // Below it, or in the next column.
                    let headingColumn = lines[heading].range(of: "\(view.title) view")!.lowerBound.utf16Offset(in: lines[heading])
                    let everywhereColumn = lines[everywhere].range(of: "Everywhere")!.lowerBound.utf16Offset(in: lines[everywhere])
                    XCTAssertTrue(heading < everywhere || headingColumn < everywhereColumn, "\(view): the view's keys first")
                }
            }
        }
    }

    func testHelpTooLargeForTheScreenSaysHowMuchIsLeftOut() {
        var help = model(.summary)
        help.state.showHelp = true
        let lines = render(help, 40, 10).lines()
        XCTAssertEqual(lines[0], "+ Keys " + dashes(32) + "+")
        XCTAssertEqual(lines[1], row("| Summary view", "|", width: 40))
        XCTAssertEqual(lines[2], row("| Up k          Cursor up", "|", width: 40))
        XCTAssertEqual(lines[8], row("| ... 33 more keys", "|", width: 40))
        XCTAssertEqual(lines[9], "+" + dashes(38) + "+")
    }

    // MARK: Remapped keys

    func testRemappedKeysShowInTheStatusBarTheTabsAndTheHelp() throws {
        let keys = try KeyBinding.remapped(["help": ["F1"], "quit": ["Ctrl-Q"], "view_2": ["F2"], "support": ["S"]])
        let lines = render(model(.overview, keys: keys), 200, 50).lines()
        XCTAssertTrue(lines[49].hasSuffix("   F1 help  Ctrl-Q quit "), lines[49])
        XCTAssertTrue(lines[0].hasPrefix(" [1 Overview]  F2 Channels   3 History "), lines[0])
        XCTAssertEqual(ViewTabs.view(at: 15, current: .overview, keys: keys, width: 200), .channels)
        var help = model(.overview, keys: keys)
        help.state.showHelp = true
        let text = render(help, 200, 50).lines().joined(separator: "\n")
        func listed(_ key: String, _ help: String) -> Bool {
            text.split(separator: "\n").contains { $0.contains("| \(key) ") && $0.contains(help) }
        }
        XCTAssertTrue(listed("F1", "Show or hide this help"), text)
        XCTAssertTrue(listed("Ctrl-Q", "Quit and restore the terminal"), text)
        XCTAssertTrue(listed("S", "Copy Version, Zone"), text)
        XCTAssertTrue(listed("1 F2 3 4 5 6 7", "Show the view of that number"), text)
        XCTAssertFalse(text.contains("| ?"), "the old key is gone from the help")
        // Narrow: the short hint still names the remapped key.
        XCTAssertEqual(render(model(.overview, keys: keys), 80, 24).lines()[23],
                       " Version 0.1.0+abc123 | Zone UTC | 2026-11-21 15:30:05 UTC | ! Check 3  F1 help ")
    }

    func testArrowsInUnicodeAndInAscii() throws {
        var unicode = model(.quality)
        unicode.context.glyphs = .unicodeBlock
        unicode.state.showHelp = true
        let text = render(unicode, 200, 50).lines().joined(separator: "\n")
        XCTAssertTrue(text.contains("│ ↑ k           Cursor up"), text)
        XCTAssertTrue(text.contains("│ Quality view "), text)
        XCTAssertTrue(text.contains("┌ ASR · ACD · DTMF by carrier · 1h ─"), "Unicode keeps its middle dots")
        var ascii = model(.quality)
        ascii.state.showHelp = true
        XCTAssertTrue(render(ascii, 200, 50).lines().joined(separator: "\n").contains("| Up k          Cursor up"))
        // A key remapped to an arrow shows in ASCII as the config names it.
        let keys = try KeyBinding.remapped(["help": ["Shift-Up"], "summary.select_up": ["K"]])
        XCTAssertTrue(render(model(.overview, keys: keys), 200, 50).lines()[49].hasSuffix("   Shift-Up help  q quit "))
    }

    // MARK: Keys and what they show

    func testQualitySpaceMarksTheCarrierOutAndTheTotalCountsTheRest() {
        var model = model(.quality)
        let lists = MonitorState.Lists(carriers: DashboardFixtures.snapshot.quality!.carriers.map(\.id), checklistItems: 3,
                                       pageRows: MonitorScreen.listRows(.quality, width: 80, height: 24))
        XCTAssertEqual(model.state.apply(.list(.down), zoneCount: 1, lists: lists), MonitorState.Effect.none)
        XCTAssertEqual(model.state.apply(.list(.toggle), zoneCount: 1, lists: lists), .refresh)
        XCTAssertEqual(Array(render(model, 80, 24).lines()[3...6]), [
            "|  x Alpha Telecom                     1,234   45.2%      2:31     N/A     N/A |",
            "| >. Evil                                 80   12.5% LOW  1:05     N/A     N/A |",
            "|  x Idle                                  0     N/A       N/A     N/A     N/A |",
            "|    Total (2 of 3)                    1,234   45.2%      2:31     N/A     N/A |",
        ])
        XCTAssertEqual(model.state.apply(.list(.all), zoneCount: 1, lists: lists), .refresh)
        XCTAssertEqual(render(model, 80, 24).lines()[6],
                       "|    Total                             1,314   43.2%      2:29     N/A     N/A |")
    }

    func testRangeKeyRetitlesThePanes() {
        var model = model(.history)
        XCTAssertEqual(model.state.apply(.cycleRange, zoneCount: 1, lists: MonitorState.Lists()), .refresh)
        XCTAssertTrue(render(model, 80, 24).lines()[1].hasPrefix("+ Channels - 24h ---"))
        model.state.view = .quality
        XCTAssertTrue(render(model, 80, 24).lines()[1].hasPrefix("+ ASR - ACD - DTMF by carrier - 24h ---"))
    }

    /// With more carriers than the table shows, a page is exactly the rows on screen, at every size.
    func testQualityPageIsTheRowsTheTableShows() {
        var many = DashboardFixtures.snapshot
        many.quality!.carriers = (1...60).map {
            CarrierQuality(id: Int64($0), name: "K\($0)", active: true, counts: Figures.quality(100, 50, billsec: 3_000))
        }
        for (width, height) in [(80, 24), (80, 30), (100, 40), (80, 50), (119, 60), (120, 30), (200, 50)] {
            var model = model(.quality)
            model.snapshot = many
            let shown = render(model, width, height).lines().filter {
                $0.range(of: #"^\| [ >]x K\d+ "#, options: .regularExpression) != nil
            }
            XCTAssertEqual(MonitorScreen.listRows(.quality, width: width, height: height), shown.count, "\(width)x\(height)")
        }
    }

    /// End in the checklist brings its last item into view, above the line counting the items before it.
    func testChecklistEndShowsTheLastItem() {
        var many = DashboardFixtures.snapshot
        many.checklist = (1...30).map {
            ChecklistItem(kind: .lowASR, severity: .alert, title: "Low ASR", reason: "Carrier \($0)", subjectID: Int64($0))
        }
        var model = model(.checklist)
        model.snapshot = many
        let pageRows = MonitorScreen.listRows(.checklist, width: 80, height: 24)
        XCTAssertEqual(pageRows, 20, "the pane's rows inside its box")
        let lists = MonitorState.Lists(carriers: [], checklistItems: 30, pageRows: pageRows)
        XCTAssertEqual(render(model, 80, 24).lines()[21], row("| ... 11 more", "|", width: 80))
        _ = model.state.apply(.list(.down), zoneCount: 1, lists: lists)
        XCTAssertEqual(render(model, 80, 24).lines()[2], row("| ! ALERT  Low ASR  Carrier 2", "|", width: 80),
                       "one press, one row")
        _ = model.state.apply(.list(.bottom), zoneCount: 1, lists: lists)
        let lines = render(model, 80, 24).lines()
        XCTAssertEqual(lines[1], "+ Checklist (30) " + dashes(62) + "+")
        XCTAssertEqual(lines[2], row("| ! ALERT  Low ASR  Carrier 12", "|", width: 80))
        XCTAssertEqual(lines[20], row("| ! ALERT  Low ASR  Carrier 30", "|", width: 80))
        XCTAssertEqual(lines[21], row("| 11 above", "|", width: 80))
        XCTAssertEqual(lines[23], " Version 0.1.0+abc123 | Zone UTC | 2026-11-21 15:30:05 UTC | ! Check 30  ? help ")
    }
}
