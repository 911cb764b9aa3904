import XCTest
@testable import Metrics
import TermDashTestSupport

final class SelectionSummaryTests: XCTestCase {
    private func cell(attempts: Int64, answered: Int64, billsec: Int64 = 0, sell: Int64 = 0) -> TrafficFigures {
        var counts = RollupCounts()
        counts.attempts = attempts
        counts.answered = answered
        counts.billsec = billsec
        counts.sellMicros = sell
        return TrafficFigures(counts)
    }

    func testAverageOfAveragesDiffersFromTheWeightedFigure() {
        // ASR 100 % on 1 attempt and 10 % on 100 attempts: the portal's mean says 55 %, the truth is 11/101.
        let cells = [cell(attempts: 1, answered: 1), cell(attempts: 100, answered: 10), cell(attempts: 0, answered: 0)]
        let asr = SelectionSummary(cells, metric: .asr)
        XCTAssertEqual(asr.count, 3)
        XCTAssertEqual(asr.notApplicable, 1, "the empty cell is N/A, not 0 %")
        XCTAssertEqual(asr.averageOfAverages!, 55, accuracy: 1e-12)
        XCTAssertEqual(asr.weighted!, 1_100.0 / 101, accuracy: 1e-12)
        XCTAssertNil(asr.sum, "ratios are not summed")
    }

    func testSumsOfCountsAndMoneyAreExact() {
        let cells = (0..<10).map { _ in cell(attempts: 3, answered: 1, sell: 100_001) }
        let spend = SelectionSummary(cells, metric: .spend)
        XCTAssertEqual(spend.sum, 1.00001)
        XCTAssertEqual(spend.weighted, 1.00001)
        XCTAssertEqual(SelectionSummary(cells, metric: .attempts).sum, 30)
        XCTAssertEqual(SelectionSummary(cells, metric: .attempts).averageOfAverages, 3)
        let none = SelectionSummary([], metric: .acd)
        XCTAssertEqual(none, SelectionSummary([], metric: .acd))
        XCTAssertNil(none.averageOfAverages)
        XCTAssertNil(none.weighted)
    }
}
