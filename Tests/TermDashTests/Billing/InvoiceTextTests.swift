import Metrics
import XCTest
@testable import TermDash

/// `invoice show` as literal lines: the figures a billing admin reads, and names from the store sanitised.
final class InvoiceTextTests: XCTestCase {
    static let invoice = Invoice(
        id: 7, customerID: 3, customerName: "Łódź \u{1B}[31mŻółć", accountCode: "lodz",
        period: Period.month(year: 2026, month: 10, in: TimeZone(identifier: "Europe/Warsaw")!)!, zone: "Europe/Warsaw",
        status: .issued, number: "INV-000042", createdAt: 1_793_500_000, issuedAt: 1_793_500_000,
        dueAt: 1_793_500_000 + 14 * 86_400, paidAt: nil, voidedAt: nil, currency: "PLN", lineGrouping: .destination,
        subtotal: Money(micros: 10_004_567), tax: Money(micros: 2_301_050), rounding: Money(micros: 4_383),
        total: Money(micros: 12_310_000),
        lines: [
            InvoiceLine(kind: .usage, description: "41 Switzerland", prefix: "41", calls: 12, billedSeconds: 2_070,
                        rate: 12_345, amount: Money(micros: 4_000_001)),
            InvoiceLine(kind: .usage, description: "48 Polska", prefix: "48", calls: 3, billedSeconds: 61,
                        rate: 77_777, amount: Money(micros: 6_004_566)),
            InvoiceLine(kind: .tax, description: "VAT 23%", rate: 230_000, amount: Money(micros: 2_301_050)),
            InvoiceLine(kind: .rounding, description: "Rounding", amount: Money(micros: 4_383)),
        ],
        payments: [Payment(id: 1, invoiceID: 7, amount: Money(micros: 5_000_000), paidAt: 1_793_900_000,
                           recordedAt: 1_793_900_000)],
        cdrCount: 15)

    func testAnIssuedPartlyPaidInvoice() {
        XCTAssertEqual(InvoiceText.render(Self.invoice), """
            Invoice INV-000042 (id 7) · partly paid · PLN
            Customer  Łódź Żółć (lodz)
            Period    2026-10-01 – 2026-10-31 (Europe/Warsaw)
            Issued    2026-11-01   Due 2026-11-15
            CDRs      15

            destination     calls  minutes      rate    amount
            41 Switzerland     12    34.50  0.012345  4.000001
            48 Polska           3     1.02  0.077777  6.004566

            Subtotal              10.004567
            VAT 23%          23%   2.301050
            Rounding               0.004383
            Total            PLN      12.31
            Paid 2026-11-05            5.00
            Left             PLN       7.31

            """)
    }

    func testListingAndJSONKeepExactMoney() throws {
        let table = InvoiceListCommand.table([Self.invoice])
        XCTAssertEqual(table.csv(), """
            id,number,customer,period,zone,status,total,left,currency,due\r
            7,INV-000042,Łódź Żółć,2026-10-01 – 2026-10-31,Europe/Warsaw,partly paid,12.310000,7.310000,PLN,2026-11-15\r

            """)
        let object = InvoiceJSON.object(Self.invoice)
        XCTAssertEqual(object["left"] as? String, "7.310000")
        XCTAssertEqual(object["rounding"] as? String, "0.004383")
        XCTAssertEqual((object["period"] as? [String: Any])?["from"] as? String, "2026-09-30T22:00:00Z")
    }
}
