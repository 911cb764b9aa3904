import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// The quality table, the checklist, the carrier and DID channels tables and the balance in the status bar, drawn
/// into buffers of several sizes in Unicode and ASCII, with hostile names from the store.
final class PaneWidgetTests: XCTestCase {
    private let block = GlyphSet.unicodeBlock
    private let braille = GlyphSet.unicodeBraille
    private let ascii = GlyphSet.ascii
    private let hostile = "\u{1B}[31mEvil\u{7}"

    // MARK: Quality table

    /// Alpha: 45.2 %, ACD 2:31, DTMF 12 of 100 known with 345 digits. The hostile one: 12.5 % over 80 calls, DTMF
    /// unknown, toggled out, under the cursor. Idle: no calls, N/A everywhere.
    private var quality: QualityTableModel {
        QualityTableModel(
            quality: QualitySnapshot(range: .oneHour, from: 0, to: 3_600, carriers: [
                CarrierQuality(id: 1, name: "Alpha Telecom", active: true,
                               counts: Figures.quality(1_234, 558, billsec: 84_258, dtmfKnown: 100, dtmfCalls: 12, dtmfDigits: 345)),
                CarrierQuality(id: 2, name: hostile, active: true, counts: Figures.quality(80, 10, billsec: 650)),
                CarrierQuality(id: 3, name: "Idle", active: false, counts: Figures.quality(0, 0, billsec: 0)),
            ]),
            excluded: [2], cursor: 1, lowASR: 20, minimumAttempts: 10)
    }

    private func quality(_ width: Int, _ height: Int, _ model: QualityTableModel?, _ glyphs: GlyphSet) -> [String] {
        QualityTableWidget(model: model, glyphs: glyphs).rendered(width: width, height: height).lines()
    }

    func testQualityTableAtZeroAndOne() {
        assertScreen(quality(0, 0, quality, block), [])
        // One row: the cursor's row, its cursor mark first.
        assertScreen(quality(1, 1, quality, block), ["›"])
        assertScreen(quality(1, 1, quality, ascii), [">"])
    }

    /// Every column; the toggled-out row marked and left out of the total (2 of 3), N/A for empty denominators,
    /// LOW under the threshold, the hostile name without its escapes.
    func testQualityTableWide() {
        assertScreen(quality(66, 5, quality, block), [
            "   Carrier                 Calls     ASR       ACD    DTMF  Digits",
            " ✓ Alpha Telecom           1,234   45.2%      2:31   12.0%     345",
            "›· Evil                       80   12.5% LOW  1:05     N/A     N/A",
            " ✓ Idle                        0     N/A       N/A     N/A     N/A",
            "   Total (2 of 3)          1,234   45.2%      2:31   12.0%     345",
        ])
        assertScreen(quality(66, 5, quality, ascii), [
            "   Carrier                 Calls     ASR       ACD    DTMF  Digits",
            " x Alpha Telecom           1,234   45.2%      2:31   12.0%     345",
            ">. Evil                       80   12.5% LOW  1:05     N/A     N/A",
            " x Idle                        0     N/A       N/A     N/A     N/A",
            "   Total (2 of 3)          1,234   45.2%      2:31   12.0%     345",
        ])
        XCTAssertEqual(quality(66, 5, quality, braille), quality(66, 5, quality, block), "no graph: braille reads as Unicode")
        let buffer = QualityTableWidget(model: quality, glyphs: block).rendered(width: 66, height: 5)
        XCTAssertEqual(buffer[0, 2].style.role, .selection, "the cursor row is in reverse video")
        XCTAssertEqual(buffer[0, 1].style.role, .accent)
        XCTAssertEqual(buffer[4, 3].style.role, .normal)
        var outOfCursor = quality
        outOfCursor.cursor = nil
        let plain = QualityTableWidget(model: outOfCursor, glyphs: block).rendered(width: 66, height: 5)
        XCTAssertEqual(plain[40, 2].style.role, .alarm, "LOW")
        XCTAssertEqual(plain[4, 2].style.role, .dim, "toggled out")
    }

    /// Narrower: digits, DTMF, then ACD and calls give way; ASR and LOW stay.
    func testQualityTableNarrow() {
        assertScreen(quality(40, 5, quality, block), [
            "   Carrier       Calls     ASR       ACD",
            " ✓ Alpha Telec…  1,234   45.2%      2:31",
            "›· Evil             80   12.5% LOW  1:05",
            " ✓ Idle              0     N/A       N/A",
            "   Total (2 of…  1,234   45.2%      2:31",
        ])
        assertScreen(quality(24, 4, quality, ascii), [
            "   Carrier       ASR    ",
            " x Alpha ...   45.2%    ",
            ">. Evil        12.5% LOW",
            "   Total ...   45.2%    ",
        ])
    }

    /// More carriers than rows: the cursor (K8) stays in view; LOW needs the minimum attempts.
    func testQualityTableScrollsToTheCursor() {
        var rows: [CarrierQuality] = []
        for index in 1...9 {
            rows.append(CarrierQuality(id: Int64(index), name: "K\(index)", active: true,
                                       counts: Figures.quality(Int64(100 - index), Int64(50 - index * 5), billsec: 6_000)))
        }
        let snapshot = QualitySnapshot(range: .oneHour, from: 0, to: 3_600, carriers: rows)
        assertScreen(quality(40, 6, QualityTableModel(quality: snapshot, cursor: 7, lowASR: 20, minimumAttempts: 10), ascii), [
            "   Carrier      Calls     ASR        ACD",
            " x K6              94   21.3%       5:00",
            " x K7              93   16.1% LOW   6:40",
            ">x K8              92   10.9% LOW  10:00",
            " x K9              91    5.5% LOW  20:00",
            "   Total          855   26.3%       4:00",
        ])
        assertScreen(quality(40, 4, QualityTableModel(quality: snapshot), block), [
            "   Carrier          Calls     ASR    ACD",
            " ✓ K1                  99   45.5%   2:13",
            " ✓ K2                  98   40.8%   2:30",
            "   Total              855   26.3%   4:00",
        ])
        var strict = QualityTableModel(quality: snapshot, cursor: 0, lowASR: 20, minimumAttempts: 100)
        XCTAssertFalse(quality(40, 6, strict, ascii).joined().contains("LOW"), "under 100 attempts nothing is judged")
        strict.minimumAttempts = 92
        XCTAssertEqual(quality(40, 12, strict, ascii).filter { $0.contains("LOW") }.count, 2, "K7 and K8")
        XCTAssertEqual(QualityTableWidget.firstVisibleRow(cursor: 8, rows: 9, visible: 4), 5)
        XCTAssertEqual(QualityTableWidget.firstVisibleRow(cursor: 0, rows: 9, visible: 4), 0)
        XCTAssertEqual(QualityTableWidget.firstVisibleRow(cursor: nil, rows: 9, visible: 4), 0)
    }

    func testQualityTableEmptyAndLoading() {
        let none = QualityTableModel(quality: QualitySnapshot(range: .oneHour, from: 0, to: 3_600, carriers: []))
        assertScreen(quality(20, 2, none, block), [
            "no carriers         ",
            "                    ",
        ])
        assertScreen(quality(20, 2, nil, block), [
            "loading…            ",
            "                    ",
        ])
    }

    // MARK: Checklist

    private let items = DashboardFixtures.checklist

    private func checklist(_ width: Int, _ height: Int, offset: Int = 0, _ glyphs: GlyphSet,
                           _ items: [ChecklistItem]? = nil) -> [String] {
        let list = items ?? self.items
        return ChecklistWidget(items: list, offset: offset, glyphs: glyphs).rendered(width: width, height: height)
            .lines()
    }

    func testChecklistAtZeroAndOne() {
        assertScreen(checklist(0, 0, block), [])
        assertScreen(checklist(1, 1, block), [
            "▲",
        ])
        assertScreen(checklist(1, 1, ascii), [
            "!",
        ])
    }

    /// Severity as a glyph and a word, titles in a column, reasons cut with an ellipsis, the hostile name clean.
    func testChecklistWide() {
        assertScreen(checklist(80, 3, block), [
            "▲ ALERT  CDR file in error         Master.csv: line 3: broken quote             ",
            "▲ ALERT  Balance past debit limit  Evil: balance -600.00 USD, limit -500.00 USD ",
            "◆ WARN   Profile not verified      New Co (X9) was created by importing Master-…",
        ])
        assertScreen(checklist(80, 3, ascii), [
            "! ALERT  CDR file in error         Master.csv: line 3: broken quote             ",
            "! ALERT  Balance past debit limit  Evil: balance -600.00 USD, limit -500.00 USD ",
            "* WARN   Profile not verified      New Co (X9) was created by importing Maste...",
        ])
        XCTAssertEqual(checklist(80, 3, braille), checklist(80, 3, block))
        let buffer = ChecklistWidget(items: items, offset: 0, glyphs: block).rendered(width: 80, height: 3)
        XCTAssertEqual(buffer[2, 0].style.role, .alarm)
        XCTAssertEqual(buffer[2, 2].style.role, .warning)
    }

    /// More items than rows: the last row counts the rest; the offset scrolls and is clamped.
    func testChecklistScrolls() {
        assertScreen(checklist(60, 2, block), [
            "▲ ALERT  CDR file in error  Master.csv: line 3: broken quote",
            "… 2 more                                                    ",
        ])
        assertScreen(checklist(60, 2, ascii), [
            "! ALERT  CDR file in error  Master.csv: line 3: broken quote",
            "... 2 more                                                  ",
        ])
        assertScreen(checklist(60, 2, offset: 5, block), [
            "◆ WARN   Profile not verified  New Co (X9) was created by i…",
            "2 above                                                     ",
        ])
        assertScreen(checklist(60, 2, offset: 5, ascii), [
            "* WARN   Profile not verified  New Co (X9) was created by...",
            "2 above                                                     ",
        ])
        assertScreen(checklist(40, 1, offset: 1, block), [
            "▲ ALERT  Balance past…  Evil: balance -…",
        ])
        assertScreen(checklist(40, 1, offset: 1, ascii), [
            "! ALERT  Balance pa...  Evil: balance...",
        ])
        XCTAssertEqual(ChecklistWidget.maximumOffset(count: 3, height: 2), 2)
        XCTAssertEqual(ChecklistWidget.maximumOffset(count: 3, height: 1), 2)
        XCTAssertEqual(ChecklistWidget.maximumOffset(count: 3, height: 3), 0)
        XCTAssertEqual(ChecklistWidget.maximumOffset(count: 0, height: 0), 0)
    }

    /// Narrow: the reason goes before it is cut to a stub; then the word, leaving the glyph and the title.
    func testChecklistNarrow() {
        assertScreen(checklist(30, 3, block), [
            "▲ ALERT  CDR file in error    ",
            "▲ ALERT  Balance past debit l…",
            "◆ WARN   Profile not verified ",
        ])
        assertScreen(checklist(30, 3, ascii), [
            "! ALERT  CDR file in error    ",
            "! ALERT  Balance past debit...",
            "* WARN   Profile not verified ",
        ])
        assertScreen(checklist(10, 2, block), [
            "▲ CDR fil…",
            "… 2 more  ",
        ])
        assertScreen(checklist(10, 2, ascii), [
            "! CDR f...",
            "... 2 more",
        ])
    }

    func testChecklistEmptyAndLoading() {
        assertScreen(checklist(24, 2, block, []), [
            "● Nothing outstanding   ",
            "                        ",
        ])
        assertScreen(checklist(24, 2, ascii, []), [
            "o Nothing outstanding   ",
            "                        ",
        ])
        assertScreen(ChecklistWidget(items: nil, offset: 0, glyphs: ascii).rendered(width: 12, height: 1).lines(),
                       ["loading...  "])
    }

    // MARK: Carrier and DID channels tables

    func testCarrierAndDIDTables() {
        let carriers = [ChannelUsage(name: hostile + " Carrier", inUse: 57, configured: 60),
                        ChannelUsage(name: "Telia", inUse: 3, configured: 120)]
        func table(_ rows: [ChannelUsage], _ header: String, _ width: Int, _ height: Int, _ glyphs: GlyphSet) -> [String] {
            ChannelTableWidget(rows: rows, nameHeader: header, glyphs: glyphs).rendered(width: width, height: height).lines()
        }
        assertScreen(table(carriers, "Carrier", 0, 0, block), [])
        assertScreen(table(carriers, "Carrier", 1, 1, block), ["E"])
        assertScreen(table(carriers, "Carrier", 50, 3, block), [
            "#  Carrier        In use  Limit  Use              ",
            "1  Evil Carrier       57     60  ██████████  95% ▲",
            "2  Telia               3    120  ░░░░░░░░░░   3%  ",
        ])
        assertScreen(table(carriers, "Carrier", 50, 3, ascii), [
            "#  Carrier        In use  Limit  Use              ",
            "1  Evil Carrier       57     60  ##########  95% !",
            "2  Telia               3    120  ..........   3%  ",
        ])
        let dids = [ChannelUsage(name: "+41220000002", inUse: 2, configured: nil)]
        assertScreen(table(dids, "DID", 40, 3, block), [
            "#  DID" + String(repeating: " ", count: 28) + "In use",
            "1  +41220000002" + String(repeating: " ", count: 24) + "2",
            String(repeating: " ", count: 40),
        ], "a DID has no limit: no Limit column")
    }

    // MARK: Balance in the status bar

    func testStatusBarBalance() {
        var status = StatusBarModel(
            version: "0.1.0+abc123", zone: "Europe/Zurich", clock: "2026-11-21 17:30:05 CET", channels: (123, 4_000),
            message: nil,
            balance: AccountBalance(accounts: 1, balance: Money(micros: -612_000_000), floor: Money(micros: -500_000_000),
                                    currency: "USD", accountsPastLimit: 1))
        func bar(_ width: Int) -> [String] {
            StatusBarWidget(model: status, glyphs: block).rendered(width: width, height: 1).lines()
        }
        assertScreen(bar(150), [
            " Version 0.1.0+abc123 │ Zone Europe/Zurich │ 2026-11-21 17:30:05 CET │ Ch 123/4,000 │ Bal -612.00 USD limit -500.00 OVER               ? help  q quit ",
        ])
        // The channel count goes first, then the balance.
        assertScreen(bar(120), [
            " Version 0.1.0+abc123 │ Zone Europe/Zurich │ 2026-11-21 17:30:05 CET │ Bal -612.00 USD limit -500.00 OVER        ? help ",
        ])
        assertScreen(bar(100), [
            " Version 0.1.0+abc123 │ Zone Europe/Zurich │ 2026-11-21 17:30:05 CET                         ? help ",
        ])
        assertScreen(bar(0), [""])
        status.balance = AccountBalance(accounts: 192, balance: Money(micros: 512_345_670_000), floor: Money(micros: -60_000_000_000),
                                        currency: nil, accountsPastLimit: 3)
        XCTAssertEqual(StatusBarWidget.balanceText(status.balance!), "Bal 512,345.67 limit -60,000.00",
                       "mixed currencies: no currency named; not past the limit: no OVER")
    }

    func testNumberTexts() {
        XCTAssertEqual(NumberText.money(Money(micros: 1_234_567_890)), "1,234.57")
        XCTAssertEqual(NumberText.money(Money(micros: -5_000)), "-0.01")
        XCTAssertEqual(NumberText.money(Money(micros: -4_999)), "0.00")
        XCTAssertEqual(NumberText.money(Money(micros: 999_995_000)), "1,000.00")
        XCTAssertEqual(NumberText.decimal(3.25), "3.3")
        XCTAssertEqual(NumberText.decimal(-0.04), "0.0", "never -0.0")
        XCTAssertEqual(NumberText.decimal(12_345.6), "12,345.6")
        XCTAssertEqual(NumberText.minutesSeconds(151.4), "2:31")
        XCTAssertEqual(NumberText.minutesSeconds(3_725), "62:05")
        XCTAssertEqual(NumberText.percent(45.25), "45.3%")
    }
}
