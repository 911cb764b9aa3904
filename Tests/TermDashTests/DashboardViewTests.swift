import Foundation
import Metrics
import XCTest

@testable import TermDash

final class DashboardViewTests: XCTestCase {
    private let context = ViewContext(
        version: "0.1.0+abc123", zone: "Europe/Zurich", clock: "2026-11-21 17:30:05 CET", glyphs: .unicodeBlock)

    private let snapshot = DashboardSnapshot(
        takenAt: Date(timeIntervalSince1970: 1_795_361_405),
        counters: Counters(liveChannels: 1_234, configuredChannels: 4_000, activeCustomers: 87, carriers: 12, rateCards: 5),
        liveChannels: [0, 3, 6, 9, 12, 15, 18, 21, 24],
        topCustomers: [
            ChannelUsage(name: "Acme Telecom", inUse: 120, configured: 150),
            ChannelUsage(name: "Globex \u{1b}[31mEVIL\u{07}", inUse: 98, configured: 100),
            ChannelUsage(name: "Initech", inUse: 40, configured: nil),
            ChannelUsage(name: "中文客户", inUse: 12, configured: 30),
        ],
        bottomCustomers: [
            ChannelUsage(name: "Tiny", inUse: 0, configured: 10),
            ChannelUsage(name: "Small", inUse: 1, configured: 2),
        ],
        storePath: "/var/lib/termdash/store.sqlite")

    private func render(_ snapshot: DashboardSnapshot?, _ width: Int, _ height: Int, context: ViewContext? = nil) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        DashboardView.render(snapshot, context: context ?? self.context, into: &buffer)
        return buffer
    }

    private func sp(_ n: Int) -> String { String(repeating: " ", count: n) }
    private func line(_ n: Int) -> String { String(repeating: "─", count: n) }

    private func assertNoControlCharacters(_ buffer: CellBuffer, file: StaticString = #filePath, line: UInt = #line) {
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                for scalar in buffer[x, y].text.unicodeScalars {
                    XCTAssertFalse(SanitizerTests.isForbidden(scalar),
                                   "U+\(String(scalar.value, radix: 16)) at \(x),\(y)", file: file, line: line)
                }
            }
        }
    }

    func testEightyByTwentyFour() {
        let buffer = render(snapshot, 80, 24)
        let expected = [
            "┌ Overview " + line(68) + "┐",
            "│ Live channels" + sp(6) + "Active customers" + sp(3) + "Carriers" + sp(11) + "Rate cards" + sp(10) + "│",
            "│ 1,234" + sp(14) + "87" + sp(17) + "12" + sp(17) + "5" + sp(19) + "│",
            "└" + line(78) + "┘",
            // 76 columns of 15 s each: seconds 397-399 (the series starts there) and 400-405, at their peaks.
            "┌ Live channels " + line(63) + "┐",
            "│" + sp(76) + "█ │",
            "│" + sp(76) + "█ │",
            "│" + sp(75) + "▆█ │",
            "│ now 24  max 24  min 0  last 19 min" + sp(43) + "│",
            "└" + line(78) + "┘",
            "┌ Top customers " + line(63) + "┐",
            "│ #  Customer" + sp(33) + "In use  Limit  Use" + sp(15) + "│",
            "│ 1  Acme Telecom" + sp(32) + "120" + sp(4) + "150  ████████░░  80% ◆ │",
            "│ 2  Globex EVIL" + sp(34) + "98" + sp(4) + "100  ██████████  98% ▲ │",
            "│ 3  Initech" + sp(38) + "40" + sp(6) + "∞" + sp(20) + "│",
            "│ 4  中文客户" + sp(37) + "12" + sp(5) + "30  ████░░░░░░  40%   │",
            "└" + line(78) + "┘",
            "┌ Bottom customers " + line(60) + "┐",
            "│ #  Customer" + sp(33) + "In use  Limit  Use" + sp(15) + "│",
            "│ 1  Tiny" + sp(42) + "0" + sp(5) + "10  ░░░░░░░░░░   0%   │",
            "│ 2  Small" + sp(41) + "1" + sp(6) + "2  █████░░░░░  50%   │",
            "│" + sp(78) + "│",
            "└" + line(78) + "┘",
            " Version 0.1.0+abc123 │ Zone Europe/Zurich │ 2026-11-21 17:30:05 CET" + sp(5) + "? help ",
        ]
        XCTAssertEqual(buffer.lines(), expected)
        for (index, row) in zip(buffer.lines(), expected).enumerated() where row.0 != row.1 {
            XCTFail("row \(index):\n\(row.0)|\n\(row.1)|")
        }
        assertNoControlCharacters(buffer)
        XCTAssertEqual(buffer[0, 23].style.role, .statusBar)
        XCTAssertEqual(DashboardView.tableCapacity(width: 80, height: 24), 4)
    }

    func testTwoHundredByFifty() {
        let many = (1...30).map { ChannelUsage(name: "Customer \($0)", inUse: 200 - $0, configured: 400) }
        var big = snapshot
        big.topCustomers = many
        let buffer = render(big, 200, 50)
        let rows = buffer.lines()
        XCTAssertEqual(rows.count, 50)
        XCTAssertEqual(rows[0], "┌ Overview " + line(188) + "┐")
        XCTAssertEqual(rows[1], "│ Live channels" + sp(36) + "Active customers" + sp(33) + "Carriers" + sp(41) + "Rate cards" + sp(40) + "│")
        // Counters in three-row figures, readable across a room.
        XCTAssertEqual(rows[2], "│ ▀█  ▀▀█ ▀▀█ █ █" + sp(34) + "█▀█ ▀▀█" + sp(42) + "▀█  ▀▀█" + sp(42) + "█▀▀" + sp(47) + "│")
        XCTAssertEqual(rows[3], "│  █  █▀▀  ▀█ ▀▀█" + sp(34) + "█▀█   █" + sp(42) + " █  █▀▀" + sp(42) + "▀▀█" + sp(47) + "│")
        XCTAssertEqual(rows[4], "│ ▀▀▀,▀▀▀ ▀▀▀   ▀" + sp(34) + "▀▀▀   ▀" + sp(42) + "▀▀▀ ▀▀▀" + sp(42) + "▀▀▀" + sp(47) + "│")
        XCTAssertEqual(rows[5], "└" + line(198) + "┘")
        // Eleven rows of graph: 88 steps, the newest sample (24, the peak) reaches the top. 196 columns of 5 s:
        // the peaks of seconds 397-399 (6), 400-404 (21) and 405 (24, the period still running).
        XCTAssertEqual(rows[6], "┌ Live channels " + line(183) + "┐")
        XCTAssertEqual(rows[7], "│" + sp(196) + "█ │")
        XCTAssertEqual(rows[8], "│" + sp(195) + "▅█ │")
        XCTAssertEqual(rows[15], "│" + sp(194) + "▆██ │")
        XCTAssertEqual(rows[16], "│" + sp(194) + "███ │")
        XCTAssertEqual(rows[17], "│" + sp(194) + "███ │")
        XCTAssertEqual(rows[18], "│ now 24  max 24  min 0  last 16 min" + sp(163) + "│")
        XCTAssertEqual(rows[19], "└" + line(198) + "┘")
        // Tables side by side; the top one grows to 26 rows.
        XCTAssertEqual(rows[20], "┌ Top customers " + line(83) + "┐┌ Bottom customers " + line(80) + "┐")
        XCTAssertEqual(rows[21], "│  #  Customer" + sp(52) + "In use  Limit  Use" + sp(15) + "│"
                       + "│ #  Customer" + sp(53) + "In use  Limit  Use" + sp(15) + "│")
        XCTAssertEqual(rows[22], "│  1  Customer 1" + sp(53) + "199" + sp(4) + "400  █████░░░░░  50%   │"
                       + "│ 1  Tiny" + sp(62) + "0" + sp(5) + "10  ░░░░░░░░░░   0%   │")
        XCTAssertEqual(rows[47], "│ 26  Customer 26" + sp(52) + "174" + sp(4) + "400  ████░░░░░░  44%   │" + "│" + sp(98) + "│")
        XCTAssertEqual(rows[48], "└" + line(98) + "┘└" + line(98) + "┘")
        XCTAssertEqual(rows[49], " Version 0.1.0+abc123 │ Zone Europe/Zurich │ 2026-11-21 17:30:05 CET │ Ch 1,234/4,000"
                       + sp(100) + "? help  q quit ")
        XCTAssertEqual(DashboardView.tableCapacity(width: 200, height: 50), 26)
        assertNoControlCharacters(buffer)
    }

    func testLiveWindowCoversTheGraphAndOnePeriodMore() {
        // 196 columns of 5 s, 76 of 15 s, then one period more so the oldest column shown is whole.
        XCTAssertEqual(DashboardView.liveWindow(width: 200, height: 50, glyphs: .unicodeBlock), 197 * 5)
        XCTAssertEqual(DashboardView.liveWindow(width: 200, height: 50, glyphs: .unicodeBraille), 393 * 5)
        XCTAssertEqual(DashboardView.liveWindow(width: 80, height: 24, glyphs: .unicodeBlock), 77 * 15)
        XCTAssertEqual(DashboardView.liveWindow(width: 20, height: 5, glyphs: .unicodeBlock), 60)
    }

    func testMinimumSizeStillShowsTheDashboard() {
        let buffer = render(snapshot, 40, 10)
        let rows = buffer.lines()
        XCTAssertEqual(rows[0], " Live 1,234  Customers 87  Carriers 12  ")
        XCTAssertEqual(rows[1], "┌ Live channels " + line(23) + "┐")
        XCTAssertEqual(rows[5], "┌ Top customers " + line(23) + "┐")
        XCTAssertEqual(rows[9], " 2026-11-21 17:30:05 CET" + sp(9) + "? help ")
        XCTAssertEqual(DashboardView.tableCapacity(width: 40, height: 10), 1)
        assertNoControlCharacters(buffer)
    }

    func testTooSmall() {
        let message = "TermDash needs 40×10 (now 39×9)"
        XCTAssertEqual(render(snapshot, 39, 9).lines(), [
            sp(39), sp(39), sp(39), sp(39),
            sp(4) + message + sp(4),
            sp(39), sp(39), sp(39), sp(39),
        ])
        XCTAssertEqual(DashboardView.tableCapacity(width: 39, height: 9), 0)
    }

    func testTooSmallWrapsTheMessage() {
        XCTAssertEqual(render(snapshot, 20, 5).lines(), [
            sp(20),
            "TermDash needs 40×10",
            sp(5) + "(now 20×5)" + sp(5),
            sp(20),
            sp(20),
        ])
    }

    func testTooSmallInAscii() {
        let ascii = ViewContext(version: "1", zone: "UTC", clock: "now", glyphs: .ascii)
        XCTAssertEqual(render(snapshot, 36, 3, context: ascii).lines(), [
            sp(36),
            "  TermDash needs 40x10 (now 36x3)   ",
            sp(36),
        ])
    }

    func testOneByOneAndZeroByZero() {
        XCTAssertEqual(render(snapshot, 1, 1).lines(), ["T"])
        XCTAssertEqual(render(snapshot, 0, 0).lines(), [])
        XCTAssertEqual(render(nil, 0, 0).lines(), [])
        XCTAssertEqual(render(snapshot, 0, 5).lines(), ["", "", "", "", ""])
        XCTAssertEqual(render(snapshot, 5, 0).lines(), [])
    }

    func testEverySizeRendersWithoutControlCharacters() {
        for width in [0, 1, 2, 3, 10, 39, 40, 41, 79, 80, 99, 100, 101, 150] {
            for height in [0, 1, 2, 5, 9, 10, 11, 15, 16, 17, 24, 39, 40, 41, 60] {
                let buffer = render(snapshot, width, height)
                XCTAssertEqual(buffer.lines().count, height)
                assertNoControlCharacters(buffer)
            }
        }
    }

    func testLoadingBeforeTheFirstSnapshot() {
        let rows = render(nil, 80, 24).lines()
        XCTAssertEqual(rows[1], "│ loading…" + sp(69) + "│")
        XCTAssertEqual(rows[5], "│ loading…" + sp(69) + "│")
        XCTAssertEqual(rows[11], "│ loading…" + sp(69) + "│")
        XCTAssertEqual(rows[18], "│ loading…" + sp(69) + "│")
        XCTAssertEqual(rows[23], " Version 0.1.0+abc123 │ Zone Europe/Zurich │ 2026-11-21 17:30:05 CET" + sp(5) + "? help ")
    }

    func testMessageInTheStatusBar() {
        var withMessage = context
        withMessage.message = "Copied \u{1b}[1mVersion and Zone"
        let rows = render(snapshot, 130, 30, context: withMessage).lines()
        XCTAssertEqual(rows[29], " Version 0.1.0+abc123 │ Zone Europe/Zurich │ 2026-11-21 17:30:05 CET │ Ch 1,234/4,000 │ Copied Version and Zone"
                       + sp(4) + "? help  q quit ")  // 111 columns of segments, 17 of help, 130 in all
    }

    func testAsciiDashboardUsesOnlyAscii() {
        let ascii = ViewContext(version: "0.1.0", zone: "UTC", clock: "2026-11-21 16:30:05 UTC", glyphs: .ascii)
        var plain = snapshot
        plain.topCustomers.removeLast()  // the CJK name is data, not a glyph
        for (width, height) in [(80, 24), (200, 50), (40, 10), (20, 5)] {
            for row in render(plain, width, height, context: ascii).lines() {
                XCTAssertTrue(row.unicodeScalars.allSatisfy { $0.isASCII }, row)
            }
        }
    }

    func testLayoutKeepsPartsInsideTheScreenAndApart() {
        for width in stride(from: 40, through: 220, by: 9) {
            for height in 10...60 {
                let layout = DashboardView.layout(width: width, height: height)
                let screen = Rect(x: 0, y: 0, width: width, height: height)
                let parts = [layout.counters, layout.graph, layout.topTable, layout.bottomTable, layout.statusBar].compactMap { $0 }
                for part in parts { XCTAssertEqual(part.intersection(screen), part, "\(width)x\(height)") }
                for (i, a) in parts.enumerated() {
                    for b in parts[(i + 1)...] { XCTAssertTrue(a.intersection(b).isEmpty, "\(width)x\(height): \(a) \(b)") }
                }
                XCTAssertEqual(layout.statusBar, Rect(x: 0, y: height - 1, width: width, height: 1))
                XCTAssertNotNil(layout.counters)
                XCTAssertNotNil(layout.graph)
                XCTAssertNotNil(layout.topTable, "\(width)x\(height)")
            }
        }
    }
}
