import Metrics
import XCTest

@testable import TermDash

/// The portal's invoice list as literal lines: status in words, what is left on issued ones, columns and rows cut to
/// the space there is, numbers from the store sanitised.
final class InvoiceListWidgetTests: XCTestCase {
    private let issued = InvoiceTextTests.invoice
    private var draft: Invoice {
        var invoice = InvoiceTextTests.invoice
        invoice.id = 8
        invoice.status = .draft
        invoice.number = nil
        invoice.issuedAt = nil
        invoice.payments = []
        invoice.period = Period.month(year: 2026, month: 11, in: TimeZone(identifier: "Europe/Warsaw")!)!
        return invoice
    }
    private var paid: Invoice {
        var invoice = InvoiceTextTests.invoice
        invoice.status = .paid
        invoice.number = "INV-\u{1B}[2J000040"
        return invoice
    }

    func testRowsInOrderWithStatusAndLeft() {
        let widget = InvoiceListWidget(invoices: [draft, issued, paid], glyphs: .ascii)
        XCTAssertEqual(widget.lines(width: 80, height: 5), [
            "Number      Issued          Total  Left  Status       Period                    ",
            "(draft)     -           12.31 PLN     -  draft        2026-11-01..2026-11-30    ",
            "INV-000042  2026-11-01  12.31 PLN  7.31  partly paid  2026-10-01..2026-10-31    ",
            "INV-000040  2026-11-01  12.31 PLN     -  paid         2026-10-01..2026-10-31    ",
            "                                                                                ",
        ])
    }

    func testNarrowAndShortAreasCutColumnsAndRows() {
        let widget = InvoiceListWidget(invoices: [draft, issued, paid], glyphs: .ascii)
        XCTAssertEqual(widget.lines(width: 36, height: 3), [
            "Number      Issued          Total   ",
            "(draft)     -           12.31 PLN   ",
            "... 2 more                          ",
        ])
        XCTAssertEqual(widget.lines(width: 0, height: 0), [])
        XCTAssertEqual(widget.lines(width: 1, height: 1), ["N"])
        XCTAssertEqual(InvoiceListWidget(invoices: nil, glyphs: .ascii).lines(width: 12, height: 1), ["loading...  "])
        XCTAssertEqual(InvoiceListWidget(invoices: [], glyphs: .ascii).lines(width: 16, height: 1), ["No invoices yet "])
    }
}
