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

    /// Rate cards and the pricing of unrated CDRs on every backend: a card stored whole or refused, the CDRs of the
    /// period that lacked a price priced by the cards as they are now (prices already stored kept), counted against
    /// a brute force, and a second run pricing nothing.
    func testUnratedCDRsArePricedOnceOnEveryBackend() throws {
        var random = seededRandom()
        let base = Rate(prefix: "41", description: "CH", perMinute: Money(micros: 200_000), initialSeconds: 30,
                        incrementSeconds: 6)
        let extra = Rate(prefix: "99", description: "Elsewhere", perMinute: Money(micros: 500_000))
        let cost = Rate(prefix: "4", description: "Europe", perMinute: Money(micros: 50_000), initialSeconds: 1,
                        incrementSeconds: 1)
        let month = Period.month(year: 2026, month: 10)!
        try StoreBackend.eachEmptyStore { backend, store in
            let card = try store.addRateCard(name: "sell", direction: .sell, currency: "EUR", rates: [base])
            XCTAssertThrowsError(try store.storeRateCard([base], card: "sell", direction: .sell, currency: "EUR",
                                                         replace: false)) {
                XCTAssertEqual($0 as? RateCardError, .exists("sell"), backend)
            }
            let buyCard = try store.addRateCard(name: "cost", direction: .buy, currency: "EUR", rates: [cost])
            let customer = try store.addCustomer(Accounts.NewCustomer(accountCode: "c1", name: "C 1",
                                                                      channelsConfigured: 1, rateCardID: card), createdAt: 0)
            let carrier = try store.addCarrier(name: "K", channelsConfigured: 9, rateCardID: buyCard)
            XCTAssertEqual(try store.accounts().customers.map(\.rateCardID), [card], backend)
            let records: [CallRecord] = (0..<400).map { index in
                let start = Int64.random(in: month.from - 86_400..<month.to + 86_400, using: &random)
                let billsec = Int.random(in: 0...300, using: &random)
                let dst = index % 2 == 0 ? "41441234567" : "99123"
                // Every fourth call to 41 was priced when written; the rest lack a sell price, and all a buy price.
                let sell = dst == "41441234567" && index % 4 == 0 ? (billsec > 0 ? base.charge(billsec: billsec).micros : 0) : nil
                var record = CallRecord.make(key: "u\(index)", start: start, answerAfter: billsec > 0 ? 2 : nil,
                                             end: start + 2 + Int64(billsec), billsec: billsec, customer: customer,
                                             carrier: carrier, sell: sell, buy: nil)
                record.dst = dst
                return record
            }
            try store.write { _ = try $0.insertCDRs(records) }
            let stored = try store.storeRateCard([base, extra], card: "sell", direction: .sell, currency: "EUR", replace: true)
            XCTAssertEqual([stored.cardID, stored.replaced ? 1 : 0], [card, 1], backend)
            XCTAssertEqual(try store.rateCards().map { [$0.name, String($0.prefixes), String($0.usedBy)] },
                           [["sell", "2", "1"], ["cost", "1", "1"]], backend)
            XCTAssertEqual(try store.read { try $0.rateCardCount() }, 2, backend)

            let inMonth = records.filter { month.contains($0.startAt) }
            XCTAssertEqual(try store.priceUnratedCDRs(in: month, retention: .standard, at: month.to), inMonth.count, backend)
            XCTAssertEqual(try store.priceUnratedCDRs(in: month, retention: .standard, at: month.to), 0,
                           "\(backend): a second run prices nothing")
            // Brute force: a stored price kept, else the card's charge of an answered call, nothing for the others.
            let sells = RateTable([base, extra])
            func price(_ record: CallRecord, _ rate: Rate) -> Int64 {
                record.isAnswered ? rate.charge(billsec: record.billsec).micros : 0
            }
            let sell = inMonth.reduce(Int64(0)) { $0 + ($1.sell?.micros ?? price($1, sells.match($1.dst)!)) }
            // The carrier's card covers 4…, not 99…: those stay without a buy price.
            let buy = inMonth.filter { $0.dst.hasPrefix("4") }.reduce(Int64(0)) { $0 + price($1, cost) }
            let noBuy = Int64(inMonth.filter { !$0.dst.hasPrefix("4") }.count)
            let counts = try store.read {
                try $0.callCounts(by: .total, starts: month.from..<month.to,
                                  counters: [.sellMicros, .buyMicros, .unratedSell, .unratedBuy])
            }.values.first
            XCTAssertEqual([counts?[.sellMicros], counts?[.buyMicros], counts?[.unratedSell], counts?[.unratedBuy]],
                           [sell, buy, 0, noBuy], backend)
            // Outside the period nothing was priced.
            let before = Period(from: month.from - 86_400, to: month.from)!
            let outside = try store.read {
                try $0.callCounts(by: .total, starts: before.from..<before.to, counters: [.unratedBuy])
            }.values.first
            XCTAssertEqual(outside?[.unratedBuy], Int64(records.filter { before.contains($0.startAt) }.count), backend)
        }
    }
}
