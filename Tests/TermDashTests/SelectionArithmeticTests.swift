@testable import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// The selection line's figures — count, Σ, average of averages, weighted — checked against sums taken here,
/// cell by cell, straight from the grid's numerators and denominators.
final class SelectionArithmeticTests: XCTestCase {
    /// Everything this test computes by itself for one rectangle.
    private struct BruteForce {
        var count = 0
        var notApplicable = 0
        var sum: Double?
        var averageOfAverages: Double?
        var weighted: Double?
    }

    /// Walks the rectangle's cells in the grid, not through the selection code.
    private func bruteForce(_ grid: SummaryGrid, rows: ClosedRange<Int>, columns: ClosedRange<Int>, metric: CellMetric) -> BruteForce {
        var result = BruteForce()
        var values: [Double] = []
        var attempts: Int64 = 0, answered: Int64 = 0, billsec: Int64 = 0, dtmfKnown: Int64 = 0, dtmfCalls: Int64 = 0
        var sell: Int64 = 0, buy: Int64 = 0
        for r in rows {
            for c in columns {
                let k = grid.rows[r].cells[c].counts
                result.count += 1
                attempts += k.attempts
                answered += k.answered
                billsec += k.billsec
                dtmfKnown += k.dtmfKnown
                dtmfCalls += k.dtmfCalls
                sell += k.sellMicros
                buy += k.buyMicros
                let value: Double?
                switch metric {
                case .attempts: value = Double(k.attempts)
                case .answered: value = Double(k.answered)
                case .asr: value = k.attempts > 0 ? Double(k.answered) / Double(k.attempts) * 100 : nil
                case .acd: value = k.answered > 0 ? Double(k.billsec) / Double(k.answered) : nil
                case .dtmfShare: value = k.dtmfKnown > 0 ? Double(k.dtmfCalls) / Double(k.dtmfKnown) * 100 : nil
                case .spend: value = Double(k.sellMicros) / 1e6
                case .providerCost: value = Double(k.buyMicros) / 1e6
                case .profit: value = Double(k.sellMicros - k.buyMicros) / 1e6
                }
                if let value { values.append(value) } else { result.notApplicable += 1 }
            }
        }
        result.averageOfAverages = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
        switch metric {
        case .attempts: result.sum = Double(attempts)
        case .answered: result.sum = Double(answered)
        case .spend: result.sum = Double(sell) / 1e6
        case .providerCost: result.sum = Double(buy) / 1e6
        case .profit: result.sum = Double(sell - buy) / 1e6
        case .asr: result.weighted = attempts > 0 ? Double(answered) * 100 / Double(attempts) : nil
        case .acd: result.weighted = answered > 0 ? Double(billsec) / Double(answered) : nil
        case .dtmfShare: result.weighted = dtmfKnown > 0 ? Double(dtmfCalls) * 100 / Double(dtmfKnown) : nil
        }
        return result
    }

    private func assertClose(_ a: Double?, _ b: Double?, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        switch (a, b) {
        case (nil, nil): return
        case let (a?, b?): XCTAssertEqual(a, b, accuracy: max(1e-9, abs(b) * 1e-12), message, file: file, line: line)
        default: XCTFail("\(message): \(String(describing: a)) vs \(String(describing: b))", file: file, line: line)
        }
    }

    func testSelectionFiguresMatchAnIndependentSumOverTheCells() {
        let grids = [SummaryGridFixtures.small, SummaryGridFixtures.large(rows: 12, columns: 31)]
        for grid in grids {
            for metric in CellMetric.allCases {
                var state = SummaryGridFixtures.state(for: grid, metric: metric)
                let rowCount = grid.rows.count, columnCount = grid.buckets.count
                // Rectangles of every shape, made with the keys a user would press.
                for (top, left, down, right) in [(0, 0, 0, 0), (0, 0, rowCount - 1, columnCount - 1), (1, 2, 1, 1),
                                                 (2, 0, 0, columnCount - 1), (0, 1, rowCount - 1, 0), (1, 1, 1, 2)] {
                    state.selection.move(.to(GridPosition(row: top, column: left)))
                    for _ in 0..<down { state.selection.extend(.down) }
                    for _ in 0..<right { state.selection.extend(.right) }
                    let range = state.selection.range!
                    let cells = state.selectedCells(in: grid)
                    let summary = SelectionSummary(cells, metric: metric)
                    let expected = bruteForce(grid, rows: range.rows, columns: range.columns, metric: metric)
                    let label = "\(metric) \(range)"
                    XCTAssertEqual(summary.count, expected.count, label)
                    XCTAssertEqual(summary.count, (down + 1) * (right + 1), label)
                    XCTAssertEqual(summary.notApplicable, expected.notApplicable, label)
                    assertClose(summary.averageOfAverages, expected.averageOfAverages, "avg " + label)
                    if metric.isAdditive {
                        assertClose(summary.sum, expected.sum, "sum " + label)
                    } else {
                        XCTAssertNil(summary.sum, label)
                        assertClose(summary.weighted, expected.weighted, "weighted " + label)
                    }
                }
            }
        }
    }

    func testTheLineForCountsRatiosAndMoney() {
        let grid = SummaryGridFixtures.small
        func line(_ metric: CellMetric, _ rows: ClosedRange<Int>, _ columns: ClosedRange<Int>, glyphs: GlyphSet = .unicodeBlock) -> String {
            SelectionLine.text(SummaryGridViewState.cells(of: GridRange(rows: rows, columns: columns), in: grid),
                               metric: metric, glyphs: glyphs)
        }
        XCTAssertEqual(line(.attempts, 0...1, 2...3), "n 4 · Σ 33 · avg 8.25 · weighted N/A")
        XCTAssertEqual(line(.attempts, 0...2, 0...3), "n 12 · Σ 1,305 · avg 108.75 · weighted N/A")
        // Acme 11:00 40 %, Acme 12:00 N/A, Globex 11:00 33.33 %, Globex 12:00 50 %:
        // avg (40 + 33.33 + 50) / 3 = 41.11; weighted (52 + 3 + 6) / (130 + 9 + 12) = 61 / 151 = 40.40.
        XCTAssertEqual(line(.asr, 0...1, 1...2), "n 4 (1 N/A) · Σ N/A · avg 41.11% · weighted 40.40%")
        XCTAssertEqual(line(.acd, 0...0, 2...2), "n 1 (1 N/A) · Σ N/A · avg N/A · weighted N/A")
        // Initech: ACDs 100, 30, 30, 30 → avg 47.50; weighted (99,900 + 3 × 30) s / (999 + 3) calls = 99.79.
        XCTAssertEqual(line(.acd, 2...2, 0...3), "n 4 · Σ N/A · avg 47.50 s · weighted 99.79 s")
        XCTAssertEqual(line(.spend, 0...0, 0...3), "n 4 · Σ 21.85 · avg 5.46 · weighted N/A")
        XCTAssertEqual(line(.profit, 0...0, 1...1, glyphs: .ascii), "n 1 | sum -0.50 | avg -0.50 | weighted N/A")
        XCTAssertEqual(SelectionLine.text([], metric: .asr, glyphs: .ascii), "n 0 | sum N/A | avg N/A | weighted N/A")
    }

    func testMoneySumsComeFromMicrosNotDoubles() {
        // 2 × 4,503,599,627.370497: the exact sum needs 16 significant digits, more than a double keeps.
        let cell = Figures.traffic(sell: 4_503_599_627_370_497)
        XCTAssertEqual(SelectionLine.text([cell, cell], metric: .spend, glyphs: .unicodeBlock, moneyDecimals: 6),
                       "n 2 · Σ 9,007,199,254.740994 · avg 4,503,599,627.370497 · weighted N/A")
        let tenths = Array(repeating: Figures.traffic(sell: 100_000), count: 3)
        XCTAssertEqual(SelectionLine.text(tenths, metric: .spend, glyphs: .ascii, moneyDecimals: 6),
                       "n 3 | sum 0.300000 | avg 0.100000 | weighted N/A")
    }
}
