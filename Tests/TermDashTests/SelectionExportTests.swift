@testable import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// TSV and CSV of selected cells, as exact text.
final class SelectionExportTests: XCTestCase {
    private let grid = SummaryGridFixtures.small
    private let day = SummaryGridFixtures.day

    private func range(_ rows: ClosedRange<Int>, _ columns: ClosedRange<Int>) -> GridRange {
        GridRange(rows: rows, columns: columns)
    }

    func testTSVWithoutHeaders() {
        XCTAssertEqual(SelectionExport.tsv(grid, range: range(0...2, 2...3), metric: .attempts), "0\t7\n12\t14\n2\t3")
        XCTAssertEqual(SelectionExport.tsv(grid, range: range(2...2, 0...0), metric: .attempts), "1000",
                       "one cell pastes as its bare value, no grouping, no newline")
    }

    func testTSVWithHeaders() {
        XCTAssertEqual(SelectionExport.tsv(grid, range: range(0...2, 2...3), metric: .attempts, headers: true), [
            "Customer\t2026-11-21T12:00Z\t2026-11-21T13:00Z",
            "Acme Telecom\t0\t7",
            "Globex\t12\t14",
            "Initech Ltd\t2\t3",
        ].joined(separator: "\n"))
    }

    func testMoneyIsExactFromMicrosWithTheCurrencysDigits() {
        let row = range(0...0, 0...1)
        XCTAssertEqual(SelectionExport.tsv(grid, range: row, metric: .spend), "12.35\t8.50")
        XCTAssertEqual(SelectionExport.tsv(grid, range: row, metric: .spend, moneyDecimals: 3), "12.346\t8.500")
        XCTAssertEqual(SelectionExport.tsv(grid, range: row, metric: .spend, moneyDecimals: 0), "12\t9")
        XCTAssertEqual(SelectionExport.tsv(grid, range: row, metric: .spend, moneyDecimals: 6), "12.345678\t8.500000")
        XCTAssertEqual(SelectionExport.tsv(grid, range: row, metric: .providerCost), "10.00\t9.00")
        XCTAssertEqual(SelectionExport.tsv(grid, range: row, metric: .profit), "2.35\t-0.50")
    }

    func testRatiosHaveFixedDecimalsAndNAWhereUndefined() {
        XCTAssertEqual(SelectionExport.tsv(grid, range: range(0...1, 0...3), metric: .asr),
                       "50.00\t40.00\tN/A\t100.00\n0.00\t33.33\t50.00\t100.00")
        XCTAssertEqual(SelectionExport.tsv(grid, range: range(1...2, 0...3), metric: .acd),
                       "N/A\t33.33\t100.00\t100.00\n100.00\t30.00\t30.00\t30.00")
        XCTAssertEqual(SelectionExport.tsv(grid, range: range(0...0, 0...3), metric: .dtmfShare),
                       "25.00\tN/A\tN/A\t28.57")
    }

    /// The ratio of every count up to 300 calls, on screen and in exports, is the fraction rounded half away from
    /// zero, worked out here in integers: never a digit off for being held in a double on the way.
    func testRatiosRoundAsTheirExactFractions() {
        func exact(_ numerator: Int64, _ denominator: Int64, places: Int) -> String {
            let scale: Int64 = places == 1 ? 10 : 100
            let rounded = (numerator * scale * 2 + denominator) / (denominator * 2)
            let fraction = String(rounded % scale)
            return "\(rounded / scale)." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        for calls in Int64(1)...300 {
            for answered in 0...calls {
                let asr = Figures.traffic(calls, answered)
                XCTAssertEqual(FigureText.exact(asr, metric: .asr), exact(answered * 100, calls, places: 2), "\(answered)/\(calls)")
                XCTAssertEqual(FigureText.cell(asr, metric: .asr), exact(answered * 100, calls, places: 1) + "%")
                let acd = Figures.traffic(calls, calls, billsec: answered * 37)
                XCTAssertEqual(FigureText.exact(acd, metric: .acd), exact(answered * 37, calls, places: 2), "\(answered * 37) s/\(calls)")
            }
        }
    }

    func testRatiosRoundHalfAwayFromZero() {
        // 0.125 is exact in binary; printf's "%.2f" would give 0.12.
        XCTAssertEqual(FigureText.fixed(0.125, decimals: 2, grouped: false), "0.13")
        XCTAssertEqual(FigureText.fixed(-0.125, decimals: 2, grouped: false), "-0.13")
        XCTAssertEqual(FigureText.fixed(1.0 / 3, decimals: 2, grouped: false), "0.33")
        XCTAssertEqual(FigureText.fixed(2.0 / 3, decimals: 0, grouped: false), "1")
        XCTAssertEqual(FigureText.fixed(1_234_567, decimals: 1, grouped: true), "1,234,567.0")
        // The figures' own ratios, rounded: ASR 1 of 32 calls is 3.125 %, 1 of 16 is 6.25 %; ACD 1 s over 8 calls.
        XCTAssertEqual(FigureText.exact(Figures.traffic(32, 1), metric: .asr), "3.13")
        XCTAssertEqual(FigureText.cell(Figures.traffic(16, 1), metric: .asr), "6.3%")
        XCTAssertEqual(FigureText.exact(Figures.traffic(8, 8, billsec: 1), metric: .acd), "0.13")
        // 189 s over 40 calls is 4.725 s, a double just under it: rounded as the decimal it stands for.
        XCTAssertEqual(FigureText.exact(Figures.traffic(40, 40, billsec: 189), metric: .acd), "4.73")
        XCTAssertEqual(FigureText.fixed(4.725, decimals: 2, grouped: false), "4.73")
        XCTAssertEqual(FigureText.fixed(0.00005, decimals: 4, grouped: false), "0.0001")
        XCTAssertEqual(FigureText.fixed(0.000049, decimals: 4, grouped: false), "0.0000")
        XCTAssertEqual(FigureText.fixed(-0.004, decimals: 2, grouped: false), "0.00")
        XCTAssertEqual(FigureText.fixed(1.5e15, decimals: 0, grouped: true), "1,500,000,000,000,000")
        XCTAssertEqual(FigureText.fixed(1.2e16, decimals: 1, grouped: false), "12000000000000000.0")
        XCTAssertEqual(FigureText.fixed(99.995, decimals: 2, grouped: false), "100.00")
        XCTAssertEqual(FigureText.cell(Figures.traffic(8, 8, billsec: 1_000), metric: .acd), "125.0")
        XCTAssertEqual(FigureText.cell(Figures.traffic(9, 8, dtmfKnown: 8, dtmfCalls: 1), metric: .dtmfShare), "12.5%")
        XCTAssertNil(FigureText.exact(Figures.traffic(), metric: .asr), "no attempts: N/A, never 0 %")
        XCTAssertNil(FigureText.cell(Figures.traffic(3), metric: .acd), "nothing answered: N/A")
        XCTAssertEqual(FigureText.fixed(-1234.5, decimals: 0, grouped: true), "-1,235")
        XCTAssertEqual(FigureText.money(micros: -1_234_567_890, decimals: 2, grouped: true), "-1,234.57")
        XCTAssertEqual(FigureText.money(micros: -4_000, decimals: 2, grouped: true), "0.00")
        XCTAssertEqual(FigureText.integer(-1_234_567, grouped: true), "-1,234,567")
    }

    func testCSVQuotesPerRFC4180AndEndsRecordsWithCRLF() {
        XCTAssertEqual(SelectionExport.csv(grid, range: range(0...2, 2...3), metric: .attempts),
                       "Customer,2026-11-21T12:00Z,2026-11-21T13:00Z\r\n"
                       + "Acme Telecom,0,7\r\nGlobex,12,14\r\nInitech Ltd,2,3\r\n")
        var tricky = grid
        tricky.rows[0].name = "Foo, \"Bar\" Inc"
        tricky.rows[1].name = "Tab\there\nand line"
        tricky.rows[2].name = "=HYPERLINK(\"http://x\",\"y\")"
        XCTAssertEqual(SelectionExport.csv(tricky, range: range(0...2, 3...3), metric: .profit),
                       "Customer,2026-11-21T13:00Z\r\n"
                       + "\"Foo, \"\"Bar\"\" Inc\",0.50\r\n"
                       + "Tab here and line,0.40\r\n"
                       + "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",0.00\r\n")
        XCTAssertEqual(SelectionExport.tsv(tricky, range: range(0...2, 3...3), metric: .attempts, headers: true),
                       "Customer\t2026-11-21T13:00Z\nFoo, \"Bar\" Inc\t7\nTab here and line\t14\n'=HYPERLINK(\"http://x\",\"y\")\t3")
    }

    func testNamesAreSanitised() {
        let text = SelectionExport.tsv(grid, range: range(2...2, 0...0), metric: .attempts, headers: true)
        XCTAssertEqual(text, "Customer\t2026-11-21T10:00Z\nInitech Ltd\t1000")
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B })
        XCTAssertEqual(SelectionExport.textField("+1 555 0100"), "'+1 555 0100")
        XCTAssertEqual(SelectionExport.textField("@home\u{07}"), "'@home")
        XCTAssertEqual(SelectionExport.textField("Plain"), "Plain")
    }

    func testARangeOutsideTheGridGivesNothing() {
        XCTAssertEqual(SelectionExport.tsv(grid, range: range(5...7, 0...1), metric: .attempts), "")
        XCTAssertEqual(SelectionExport.tsv(grid, range: range(2...9, 3...9), metric: .attempts), "3")
        let empty = SummaryGrid(period: .live, buckets: [], rows: [])
        XCTAssertEqual(SelectionExport.csv(empty, range: range(0...0, 0...0), metric: .attempts), "")
        XCTAssertEqual(SelectionExport.describe(range(0...0, 0...0), in: empty), "0 cells")
    }

    func testBucketLabelsPerPeriod() {
        let start = day + 13 * 3_600
        XCTAssertEqual(BucketLabel.compact(start, period: .live), "13:00")
        XCTAssertEqual(BucketLabel.compact(day, period: .daily), "11-21")
        XCTAssertEqual(BucketLabel.compact(CivilDate(year: 2026, month: 11, day: 1).unixDay * 86_400, period: .monthly),
                       "2026-11")
        XCTAssertEqual(BucketLabel.full(start, period: .live), "2026-11-21T13:00Z")
        XCTAssertEqual(BucketLabel.full(day, period: .daily), "2026-11-21")
        XCTAssertEqual(BucketLabel.full(day, period: .monthly), "2026-11")
        XCTAssertEqual(BucketLabel.full(-3_600, period: .live), "1969-12-31T23:00Z")
        XCTAssertEqual(BucketLabel.timestamp(start + 30 * 60 + 5), "20261121T133005Z")
    }

    func testDescriptionsAndFileNames() {
        XCTAssertEqual(SelectionExport.describe(range(0...1, 1...3), in: grid), "6 cells")
        XCTAssertEqual(SelectionExport.describe(range(0...0, 1...1), in: grid), "1 cell")
        XCTAssertEqual(SelectionExport.fileName(period: .live, metric: .asr, at: day + 48_605),
                       "summary-live-asr-20261121T133005Z.csv")
        XCTAssertEqual(SelectionExport.fileName(period: .monthly, metric: .providerCost, at: day),
                       "summary-monthly-providercost-20261121T000000Z.csv")
    }

    func testViewStateClipboardAndExport() {
        var state = SummaryGridFixtures.state(for: grid)
        state.selection.extend(.down)
        state.selection.extend(.left)
        let copy = state.clipboardText(grid, headers: false)
        XCTAssertEqual(copy?.text, "0\t7\n12\t14")
        XCTAssertEqual(copy?.what, "4 cells")
        XCTAssertEqual(state.clipboardText(grid, headers: true)?.what, "4 cells with headers")
        let export = state.csvExport(grid, now: day + 48_605)
        XCTAssertEqual(export?.csv, "Customer,2026-11-21T12:00Z,2026-11-21T13:00Z\r\nAcme Telecom,0,7\r\nGlobex,12,14\r\n")
        XCTAssertEqual(export?.fileName, "summary-live-attempts-20261121T133005Z.csv")
        state.selection.clearSelection()
        XCTAssertEqual(state.csvExport(grid, now: day)?.what, "12 cells", "nothing selected: the whole grid")
        state.cyclePeriod()
        XCTAssertNil(state.clipboardText(grid, headers: false), "a grid of the old period is not copied as the new one")
    }
}
