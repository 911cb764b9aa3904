import Foundation
import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// The monitor loop driven as a user drives it — keys, clicks, resizes, the clock ticking — on an in-memory terminal
/// with snapshots built by hand, checked by the screen the terminal ends up showing.
final class MonitorLoopTests: XCTestCase {
    /// 2026-11-22 15:30:05 UTC, when the fixture snapshot was taken.
    private let start = Date(timeIntervalSince1970: TimeInterval(DashboardFixtures.now))

    private var options: MonitorSession.Options {
        MonitorSession.Options(
            identity: StatusIdentity(version: "0.1.0+abc123", zone: "UTC"),
            zones: [("UTC", TimeZone(identifier: "UTC")!), ("Europe/Zurich", TimeZone(identifier: "Europe/Zurich")!)],
            theme: .default, graphs: "auto", refreshSeconds: 1, tableRows: 10, mouse: true,
            copy: CopySettings(osc52: .on), exportDirectory: NSTemporaryDirectory(),
            checklist: ChecklistThresholds(minimumASR: 20, minimumAttempts: 10))
    }

    /// The fixture snapshot for every read, and the small summary grid when the summary view asks for one.
    private func snapshots() -> FixedSnapshots {
        FixedSnapshots { request in
            MonitorFrame(dashboard: DashboardFixtures.snapshot,
                         summary: request.summary.map { _ in SummaryGridFixtures.small }, request: request)
        }
    }

    /// Runs the loop until it quits or the script runs out (then as if SIGTERM arrived); returns what `run` returned.
    @discardableResult
    private func run(_ terminal: TestBackend, _ source: FixedSnapshots, clock: (() -> Date)? = nil) -> Int32? {
        let start = self.start
        return MonitorLoop(options: options, now: clock ?? { start })
            .run(on: terminal, snapshots: source, interrupted: { terminal.isExhausted ? SIGTERM : 0 })
    }

    private func key(_ character: Character) -> TestBackend.Step { .event(.key(.character(character))) }

    private let overview = [
        " [1 Overview]  2   3   4   5   6   7    ",
        " Live 1,234  Customers 87  Carriers 12  ",
        "+ Live channels -----------------------+",
        "|                                    # |",
        "|                                    # |",
        "|                                   +# |",
        "| now 24  max 24  min 0  last 18 min   |",
        "+--------------------------------------+",
        "                                        ",
        " 2026-11-22 15:30:05 UTC         ? help ",
    ]

    func testTheFirstFrameIsTheOverviewAndQuitEndsTheLoop() {
        let terminal = TestBackend(width: 40, height: 10, script: [key("q")])
        let source = snapshots()
        XCTAssertNil(run(terminal, source), "q quits: no signal")
        XCTAssertFalse(terminal.isExhausted)
        assertScreen(terminal.lines, overview)
        XCTAssertEqual(terminal.frames.count, 1)
        XCTAssertTrue(terminal.diffs[0].repaint)
        XCTAssertTrue(source.isStopped, "the source is stopped on the way out")
    }

    func testASignalEndsTheLoopWithItsNumber() {
        let terminal = TestBackend(width: 40, height: 10)
        XCTAssertEqual(run(terminal, snapshots()), SIGTERM)
        assertScreen(terminal.lines, overview)
    }

    func testAViewKeyShowsThatViewAndSendsOnlyTheCellsThatChanged() {
        let terminal = TestBackend(width: 40, height: 10, script: [key("3"), key("q")])
        run(terminal, snapshots())
        XCTAssertEqual(terminal.frames.count, 2)
        assertScreen(terminal.frames[0], overview)
        assertScreen(terminal.lines, [
            "  1   2  [3 History]  4   5   6   7     ",
            "+ Channels - 1h -----------------------+",
            "| 20                          ######## |",
            "|  0 #########        ========######## |",
            "|    15:27   15:28   15:29   15:30     |",
            "| now 20  max 20                       |",
            "+--------------------------------------+",
            "                                        ",
            "                                        ",
            " 2026-11-22 15:30:05 UTC         ? help ",
        ])
        XCTAssertFalse(terminal.diffs[1].repaint)
        XCTAssertFalse(terminal.diffs[1].changes.isEmpty)
        XCTAssertFalse(terminal.diffs[1].changes.contains { $0.y == 9 }, "the status bar did not change: not sent")
    }

    func testTheSummaryKeyAsksForTheGridAndShowsIt() {
        let terminal = TestBackend(width: 40, height: 10, script: [key("5"), key("q")])
        let source = snapshots()
        run(terminal, source)
        XCTAssertEqual(source.requests.map(\.summary), [nil, .live], "one read at the start, one for the grid")
        assertScreen(terminal.lines, [
            "  1   2   3   4  [5 Summary]  6   7     ",
            "+ Summary - Live - Attempts (UTC) -... +",
            "| Attempts     10:00 11:00 12:00 13:00 |",
            "| Acme Telecom   120   130     0     7 |",
            "| Globex           7     9    12    14 |",
            "| Initech Ltd  1,000     1     2     3 |",
            "| Total        1,127   140    14    24 |",
            "| n 1 | sum 7 | avg 7.00 | weighted... |",
            "+--------------------------------------+",
            " 2026-11-22 15:30:05 UTC         ? help ",
        ])
    }

    func testAResizeRepaintsEveryCellAtTheNewSizeAndReadsForIt() {
        let terminal = TestBackend(width: 40, height: 10, script: [.event(.resize(width: 50, height: 12)), key("q")])
        let source = snapshots()
        run(terminal, source)
        XCTAssertTrue(terminal.diffs[1].repaint)
        XCTAssertEqual(terminal.diffs[1].changes.count, 50 * 12)
        assertScreen(terminal.lines, [
            " [1 Overview]  2   3   4   5   6   7              ",
            " Live 1,234  Customers 87  Carriers 12  Cards 5   ",
            "+ Live channels ---------------------------------+",
            "|                                             :# |",
            "| now 24  max 24  min 0  last 23 min             |",
            "+------------------------------------------------+",
            "+ Top customers ---------------------------------+",
            "| #  Customer                      In use  Limit |",
            "| 1  Acme Telecom                     120    150 |",
            "| 2  Evil                              98    100 |",
            "+------------------------------------------------+",
            " Version 0.1.0+abc123 | 2026-11-22 15:30:05 UTC   ",
        ])
        XCTAssertEqual(source.requests.count, 2, "the resize asks for a read sized for the new terminal")
        XCTAssertNotEqual(source.requests[1].snapshot.liveWindow, source.requests[0].snapshot.liveWindow)
    }

    func testATerminalTooSmallSaysSoAndTheFrameComesBackWhenItGrows() {
        let terminal = TestBackend(width: 40, height: 10, script: [
            .event(.resize(width: 30, height: 5)), .event(.resize(width: 40, height: 10)), key("q"),
        ])
        run(terminal, snapshots())
        assertScreen(terminal.frames[1], [
            "                              ",
            "  TermDash needs 40x10 (now   ",
            "            30x5)             ",
            "                              ",
            "                              ",
        ])
        assertScreen(terminal.lines, overview)
    }

    func testAQuietTickDrawsNothingAndANewSecondRedrawsOnlyTheClock() {
        let still = TestBackend(width: 40, height: 10, script: [.tick, .tick, key("q")])
        run(still, snapshots())
        XCTAssertEqual(still.frames.count, 1, "nothing visible changed")

        // A clock a second further on after each wait for input.
        let ticking = TestBackend(width: 40, height: 10, script: [.tick, .tick, key("q")])
        let start = self.start
        run(ticking, snapshots(), clock: { start.addingTimeInterval(TimeInterval(ticking.reads)) })
        XCTAssertEqual(ticking.frames.map { $0[9] }, [
            " 2026-11-22 15:30:05 UTC         ? help ",
            " 2026-11-22 15:30:06 UTC         ? help ",
            " 2026-11-22 15:30:07 UTC         ? help ",
        ])
        XCTAssertEqual(ticking.diffs[1].changes.map(\.x), [19], "only the last digit of the clock is sent")
        XCTAssertEqual(ticking.diffs[1].changes.map(\.y), [9])
    }

    func testHelpOpensOverTheViewAndEscapeClosesIt() {
        let terminal = TestBackend(width: 40, height: 10, script: [key("?"), .event(.key(.escape)), key("q")])
        run(terminal, snapshots())
        assertScreen(terminal.frames[1], [
            "+ Keys --------------------------------+",
            "| ?             Show or hide this help |",
            "| q Q           Quit and restore th... |",
            "| r             Read the store now     |",
            "| Tab           Next view              |",
            "| Shift-Tab     Previous view          |",
            "| 1 2 3 4 5 6 7 Show the view of th... |",
            "| t             History and quality... |",
            "| ... 3 more keys                      |",
            "+--------------------------------------+",
        ])
        assertScreen(terminal.frames[2], overview)
    }

    func testAClickOnTheTabLinePicksThatView() {
        let x = overview[0].firstIndex(of: "4").map { overview[0].distance(from: overview[0].startIndex, to: $0) }!
        let terminal = TestBackend(width: 40, height: 10, script: [.event(.mouse(x: x, y: 0, kind: .press)), key("q")])
        run(terminal, snapshots())
        assertScreen(terminal.lines, [
            "  1   2   3  [4 Quality]  5   6   7     ",
            "+ ASR - ACD - DTMF by carrier - 1h ----+",
            "|    Carrier   Calls     ASR       ACD |",
            "| >x Alpha...  1,234   45.2%      2:31 |",
            "|    Total     1,314   43.2%      2:29 |",
            "+--------------------------------------+",
            "                                        ",
            "                                        ",
            "                                        ",
            " 2026-11-22 15:30:05 UTC         ? help ",
        ])
    }

    func testTheZoneKeyMovesTheClockAndSaysWhy() {
        let terminal = TestBackend(width: 120, height: 30, script: [key("z"), key("q")])
        run(terminal, snapshots())
        XCTAssertEqual(terminal.frames[0][29], " Version 0.1.0+abc123 | Zone UTC | 2026-11-22 15:30:05 UTC"
                       + " | Bal -612.00 USD limit -500.00 OVER | ! Check 3      ? help ")
        XCTAssertEqual(terminal.lines[29], " Version 0.1.0+abc123 | Zone Europe/Zurich | 2026-11-22 16:30:05 +01:00"
                       + " | Zone Europe/Zurich for the clock and graph... ")
    }

    func testTheSupportKeyCopiesOverOSC52AndSaysSo() {
        let terminal = TestBackend(width: 120, height: 30, script: [key("c"), key("q")])
        run(terminal, snapshots())
        let block = SupportBlock.text(identity: options.identity, zone: "UTC", now: start,
                                      storePath: DashboardFixtures.snapshot.storePath)
        let tmux = !(ProcessInfo.processInfo.environment["TMUX"] ?? "").isEmpty
        XCTAssertEqual(terminal.written, CopyPipeline.terminalBytes(for: block, tmux: tmux))
        // Inside tmux the request is wrapped for it, and the message says so.
        let said = " Version 0.1.0+abc123 | Zone UTC | 2026-11-22 15:30:05 UTC | ! Check 3"
            + " | Copied the support block via OSC 52" + (tmux ? " (tmux)" : "")
        XCTAssertEqual(terminal.lines[29], said + String(repeating: " ", count: 120 - said.count - 7) + "? help ")
    }

    func testAFailedReadIsShownInTheStatusBar() {
        let source = snapshots()
        source.error = "store read failed: disk I/O error"
        let terminal = TestBackend(width: 120, height: 30, script: [key("q")])
        run(terminal, source)
        XCTAssertEqual(terminal.lines[29], " Version 0.1.0+abc123 | Zone UTC | 2026-11-22 15:30:05 UTC | ! Check 3"
                       + " | store read failed: disk I/O error       ? help ")
    }
}
