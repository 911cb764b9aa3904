import Metrics
import XCTest
@testable import TermDash

/// The exposition's lines for figures built by hand: escaped label values, money in units, the series bound.
final class PrometheusExpositionTests: XCTestCase {
    private func account(_ id: Int64, _ name: String, attempts: Int64, answered: Int64 = 0, sell: Int64 = 0,
                         live: Int = 0) -> ExporterFigures.Account {
        var counts = RollupCounts()
        counts.attempts = attempts
        counts.answered = answered
        counts.sellMicros = sell
        return ExporterFigures.Account(id: id, name: name, inProgress: live, channelsConfigured: 10, counts: counts)
    }

    private func lines(_ figures: ExporterFigures, limit: Int) -> Set<String> {
        Set(PrometheusExposition(accountLimit: limit).text(figures).split(separator: "\n").map(String.init))
    }

    func testLabelValuesAreEscapedAndMoneyIsInUnits() {
        let figures = ExporterFigures(
            inProgress: 4, customers: [account(1, "Acme \"Intl\" \\ A\nB", attempts: 7, answered: 5, sell: 1_234_567, live: 4)],
            carriers: [], filesSuccess: 2, filesError: 1, filesWaiting: 0, draftInvoices: 3, unpaidInvoices: 1)
        let text = lines(figures, limit: 10)
        XCTAssertTrue(text.contains(#"termdash_customer_attempts_total{customer="Acme \"Intl\" \\ A\nB"} 7"#), "\(text.sorted())")
        XCTAssertTrue(text.contains(#"termdash_customer_answered_total{customer="Acme \"Intl\" \\ A\nB"} 5"#))
        XCTAssertTrue(text.contains(#"termdash_customer_spend_total{customer="Acme \"Intl\" \\ A\nB"} 1.234567"#))
        XCTAssertTrue(text.contains(#"termdash_customer_calls_in_progress{customer="Acme \"Intl\" \\ A\nB"} 4.0"#))
        XCTAssertTrue(text.contains("termdash_calls_in_progress 4.0"))
        XCTAssertTrue(text.contains(#"termdash_cdr_files{status="error"} 1.0"#))
        XCTAssertTrue(text.contains(#"termdash_invoices{status="draft"} 3.0"#))
        XCTAssertTrue(text.contains("# TYPE termdash_customer_attempts_total counter"))
    }

    func testAccountsPastTheLimitAreSummedUnderOtherAndUnknownKeepsItsOwn() {
        let carriers = [account(0, "", attempts: 1), account(1, "A", attempts: 10), account(2, "B", attempts: 20),
                        account(3, "C", attempts: 30), account(4, "D", attempts: 40)]
        let figures = ExporterFigures(inProgress: 0, customers: [], carriers: carriers, filesSuccess: 0, filesError: 0,
                                      filesWaiting: 0, draftInvoices: 0, unpaidInvoices: 0)
        let attempts = lines(figures, limit: 2).filter { $0.hasPrefix("termdash_carrier_attempts_total{") }
        XCTAssertEqual(attempts, [#"termdash_carrier_attempts_total{carrier="unknown"} 1"#,
                                  #"termdash_carrier_attempts_total{carrier="A"} 10"#,
                                  #"termdash_carrier_attempts_total{carrier="B"} 20"#,
                                  #"termdash_carrier_attempts_total{carrier="other"} 70"#])
        // Within the limit there is no "other" series at all.
        XCTAssertFalse(lines(figures, limit: 4).contains { $0.contains(#""other""#) })
    }
}
