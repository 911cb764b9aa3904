import XCTest
@testable import Metrics

final class InvoiceCompositionTests: XCTestCase {
    /// Taxes once on the subtotal, then one rounding to the minor unit, shown as its own line.
    func testTaxOnceOnTheSubtotalAndOneRoundingLine() {
        let cdrs = [
            BillableCDR(id: 1, startAt: 0, billsec: 10, dst: "41", charge: Money(micros: 4_000_001)),
            BillableCDR(id: 2, startAt: 5, billsec: 10, dst: "41", charge: Money(micros: 6_004_566)),
        ]
        let composition = InvoiceComposition(
            cdrs: cdrs, rates: RateTable([Rate(prefix: "41", description: "CH", perMinute: Money(micros: 1))]),
            grouping: .destination, zone: .utc, taxes: [TaxRate("VAT:23%")!], currency: "EUR")
        XCTAssertEqual(composition.subtotal, Money(micros: 10_004_567))
        XCTAssertEqual(composition.tax, Money(micros: 2_301_050))  // 2.30105041
        XCTAssertEqual(composition.total, Money(micros: 12_310_000))
        XCTAssertEqual(composition.rounding, Money(micros: 4_383))
        XCTAssertEqual(composition.lines.map(\.description), ["41 CH", "VAT 23%", "Rounding"])
        XCTAssertEqual(composition.lines.map(\.amount.micros), [10_004_567, 2_301_050, 4_383])
        // Yen have no minor unit; Kuwaiti dinars three.
        XCTAssertEqual(InvoiceComposition(cdrs: cdrs, rates: nil, grouping: .day, zone: .utc, taxes: [],
                                          currency: "JPY").total, Money(micros: 10_000_000))
        XCTAssertEqual(InvoiceComposition(cdrs: cdrs, rates: nil, grouping: .day, zone: .utc, taxes: [],
                                          currency: "KWD").total, Money(micros: 10_005_000))
    }

    func testDayLinesFollowTheZonesMidnight() {
        // 22:30 UTC on 3 October is already 4 October in Warsaw (UTC+2).
        let cdrs = [BillableCDR(id: 1, startAt: 1_791_066_600, billsec: 60, dst: "48", charge: Money(micros: 1))]
        let utc = InvoiceComposition(cdrs: cdrs, rates: nil, grouping: .day, zone: .utc, taxes: [], currency: "EUR")
        let warsaw = InvoiceComposition(cdrs: cdrs, rates: nil, grouping: .day,
                                        zone: TimeZone(identifier: "Europe/Warsaw")!, taxes: [], currency: "EUR")
        XCTAssertEqual(utc.lines.first?.description, "2026-10-03")
        XCTAssertEqual(warsaw.lines.first?.description, "2026-10-04")
    }

    func testTaxRateText() {
        XCTAssertEqual(TaxRate("23%"), TaxRate(name: "Tax", rateMillionths: 230_000))
        XCTAssertEqual(TaxRate("VAT:7.7%")?.percentText, "7.7%")
        XCTAssertNil(TaxRate("23"))
        XCTAssertNil(TaxRate("-5%"))
        XCTAssertNil(TaxRate(":5%"))
    }
}
