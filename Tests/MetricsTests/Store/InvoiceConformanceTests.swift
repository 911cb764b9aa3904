import XCTest
@testable import Metrics
import TermDashTestSupport

/// The invoice ledger through the protocols alone, on every backend (`StoreBackend.all`): what a new backend must
/// do for invoices to stay true.
final class InvoiceConformanceTests: StoreConformanceCase {
    func testInvoiceLifecycleMatchesBruteForceOnEveryBackend() throws {
        var random = seededRandom()
        try StoreBackend.eachEmptyStore { backend, store in
            let rates = [Rate(prefix: "41", description: "CH", perMinute: Money(micros: 123_457), initialSeconds: 1,
                              incrementSeconds: 1)]
            let card = try store.addRateCard(name: "sell", direction: .sell, currency: "EUR", rates: rates)
            let customers = try (1...3).map {
                try store.addCustomer(Accounts.NewCustomer(accountCode: "c\($0)", name: "C \($0)", channelsConfigured: 1,
                                                           rateCardID: card), createdAt: 0)
            }
            let month = Period.month(year: 2026, month: 10)!
            let records: [CallRecord] = (0..<900).map { index in
                let start = Int64.random(in: month.from - 86_400..<month.to + 86_400, using: &random)
                let billsec = Int.random(in: 0...600, using: &random)
                var record = CallRecord.make(key: "k\(index)", start: start, answerAfter: billsec > 0 ? 2 : nil,
                                             end: start + 2 + Int64(billsec), billsec: billsec,
                                             customer: customers.randomElement(using: &random)!,
                                             sell: rates[0].charge(billsec: billsec).micros)
                record.dst = "41791234567"
                return record
            }
            try store.write { try $0.insertCDRs(records) }
            try store.setBillingProfile(BillingProfile(currency: "EUR", taxes: [TaxRate("VAT:8.1%")!]),
                                        customerID: customers[0])
            for customer in customers {
                let expected = records.filter { $0.customerID == customer && month.contains($0.startAt) && $0.billsec > 0 }
                let draft = try store.createDraft(customerID: customer, period: month, at: 1)
                XCTAssertEqual(draft.subtotal.micros, expected.reduce(0) { $0 + $1.sell!.micros }, backend)
                XCTAssertEqual(try store.read { try $0.invoicedCDRs(invoiceID: draft.id) }.map(\.id).count, expected.count)
                XCTAssertEqual(draft.total, CurrencyUnits.rounded(draft.subtotal + draft.tax, currency: "EUR"))
            }
            let drafts = try store.read { try $0.invoices(InvoiceFilter(status: .draft)) }
            XCTAssertEqual(drafts.count, 3, backend)
            let issued = try drafts.reversed().map { try store.issueInvoice(id: $0.id, at: 10) }
            XCTAssertEqual(issued.map(\.number), ["INV-000001", "INV-000002", "INV-000003"], backend)
            XCTAssertThrowsError(try store.createDraft(customerID: customers[0], period: month, at: 11))
            let paid = try store.recordPayment(invoiceID: issued[0].id, amount: issued[0].total, paidAt: 12, at: 12)
            XCTAssertEqual(paid.status, .paid)
            _ = try store.voidInvoice(id: issued[1].id, at: 13)
            let summary = try store.read { try $0.invoiceSummary(period: month, top: 2) }
            XCTAssertEqual(summary.drafts, 0)
            XCTAssertEqual(summary.unpaid, 1)
            XCTAssertEqual(summary.unpaidValue, issued[2].total)
            let totals = [issued[0], issued[2]].sorted { $0.total > $1.total }
            XCTAssertEqual(summary.topCustomers.map(\.total), totals.map(\.total), backend)
            let balances = Dictionary(uniqueKeysWithValues: try store.read { try $0.customers() }.map { ($0.id, $0.balance) })
            XCTAssertEqual(balances[issued[0].customerID], Money(micros: 0), "issued then paid")
            XCTAssertEqual(balances[issued[1].customerID], Money(micros: 0), "issued then voided")
            XCTAssertEqual(balances[issued[2].customerID], Money(micros: -issued[2].total.micros), "issued, owed")
        }
    }
}
