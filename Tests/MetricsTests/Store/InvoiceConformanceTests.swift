import XCTest
@testable import Metrics
import TermDashTestSupport

/// The invoice ledger through the protocols alone, on every backend (`StoreBackend.all`): what a new backend must
/// do for invoices to stay true.
final class InvoiceConformanceTests: XCTestCase {
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

    /// The same CDRs make the same invoices on every backend, line by line and to the micro: day lines in a
    /// customer's zone with taxes, destination lines, per-customer and global numbers, late CDRs taken by the next
    /// month's invoice, a voided invoice's CDRs taken again, an unrated call refusing the issue with the same
    /// destinations; each invoice's CDRs add up to its subtotal, and the subtotals to a brute-force sum.
    func testInvoicesAreTheSameLineByLineOnEveryBackend() throws {
        var random = seededRandom()
        let rates = [
            Rate(prefix: "41", description: "Switzerland", perMinute: Money(micros: 12_345), initialSeconds: 30,
                 incrementSeconds: 6),
            Rate(prefix: "4179", description: "Switzerland mobile", perMinute: Money(micros: 333_333)),
            Rate(prefix: "48", description: "Poland", perMinute: Money(micros: 7_777), initialSeconds: 1,
                 incrementSeconds: 1, connectionFee: Money(micros: 1_001)),
        ]
        let table = RateTable(rates)
        let warsaw = TimeZone(identifier: "Europe/Warsaw")!
        let october = Period.month(year: 2026, month: 10, in: warsaw)!, november = Period.month(year: 2026, month: 11, in: warsaw)!
        func calls(_ count: Int, key: String, from: Int64, to: Int64, customers: [Int64], unrated: Bool = false)
            -> [CallRecord]
        {
            let numbers = ["41441234567", "41791234567", "48221234567", "4812"] + (unrated ? ["99123"] : [])
            return (0..<count).map { index in
                let start = Int64.random(in: from..<to, using: &random)
                let billsec = Int.random(in: 0...900, using: &random)
                let dst = numbers.randomElement(using: &random)!
                var record = CallRecord.make(
                    key: "\(key)\(index)", start: start, answerAfter: billsec > 0 ? 5 : nil,
                    end: start + 5 + Int64(billsec), billsec: billsec, disposition: billsec > 0 ? .answered : .noAnswer,
                    customer: customers.randomElement(using: &random)!,
                    sell: table.match(dst).map { billsec > 0 ? $0.charge(billsec: billsec).micros : 0 })
                record.dst = dst
                // Every seventh: billed seconds without an answer time, as some switches write a call cut at the answer.
                if index % 7 == 3, billsec > 0 {
                    record.answerAt = nil
                    record.disposition = .noAnswer
                }
                // Caller names as switches send them: none, plain, and with quotes, a tab and letters beyond ASCII.
                record.callerName = ["", "Alice", "Zoë \"Z\" O'Neil\tjr", "電話 \\ back"][index % 4]
                return record
            }
        }
        let first = calls(600, key: "a", from: october.from - 86_400, to: october.to + 86_400, customers: [1, 2])
        let late = calls(50, key: "late", from: october.from, to: october.to, customers: [1])
        let unrated = calls(40, key: "u", from: november.from, to: november.to, customers: [2], unrated: true)
        var reference: (invoices: [Invoice], cdrs: [[String]], balances: [Money], refusal: String)?
        try StoreBackend.eachEmptyStore { backend, store in
            let card = try store.addRateCard(name: "sell", direction: .sell, currency: "EUR", rates: rates)
            for index in 1...2 {
                XCTAssertEqual(try store.addCustomer(.init(accountCode: "c\(index)", name: "Customer \(index)",
                                                           channelsConfigured: 1, rateCardID: card), createdAt: 0), Int64(index))
            }
            try store.setBillingProfile(BillingProfile(currency: "EUR", taxes: [TaxRate("VAT:23%")!, TaxRate("Fee:0.5%")!],
                                                       dueDays: 14, zone: "Europe/Warsaw", lineGrouping: .day),
                                        customerID: 1)
            try store.setBillingProfile(BillingProfile(currency: "PLN", zone: "Europe/Warsaw"), customerID: 2)
            try store.write { _ = try $0.insertCDRs(first) }
            let one = try store.issueInvoice(id: try store.createDraft(customerID: 1, period: october, at: 10).id, at: 11,
                                             numbering: .perCustomer)
            XCTAssertEqual(one.number, "INV-C1-000001", backend)
            XCTAssertEqual(one.subtotal.micros, first.filter { $0.customerID == 1 && october.contains($0.startAt) && $0.billsec > 0 }
                .reduce(0) { $0 + $1.sell!.micros }, backend)
            let two = try store.issueInvoice(id: try store.createDraft(customerID: 2, period: october, at: 12).id, at: 13)
            try store.write { _ = try $0.insertCDRs(late + unrated) }
            // November's invoice takes October's late CDRs.
            let three = try store.createDraft(customerID: 1, period: november, at: 20)
            XCTAssertEqual(three.subtotal.micros, (first + late).filter {
                $0.customerID == 1 && (november.contains($0.startAt) || october.contains($0.startAt))
                    && $0.billsec > 0
            }.reduce(0) { $0 + $1.sell!.micros } - one.subtotal.micros, backend)
            _ = try store.issueInvoice(id: three.id, at: 21)
            _ = try store.recordPayment(invoiceID: two.id, amount: Money(micros: 1_000_000), paidAt: 22, at: 22)
            _ = try store.voidInvoice(id: one.id, at: 23)
            // The voided invoice's CDRs are free: October again, with the late ones already on November's.
            _ = try store.issueInvoice(id: try store.createDraft(customerID: 1, period: october, at: 24).id, at: 25,
                                       numbering: .perCustomer)
            let four = try store.createDraft(customerID: 2, period: november, at: 26)
            var refusal = ""
            XCTAssertThrowsError(try store.issueInvoice(id: four.id, at: 27)) { refusal = "\($0)" }
            let invoices = try store.read { try $0.invoices(InvoiceFilter()) }
            let cdrs = try invoices.map { invoice in
                try store.read { try $0.invoicedCDRs(invoiceID: invoice.id) }.map { "\($0.startAt) \($0.dst) \($0.billsec) \($0.charge.micros) \($0.callerName)" }
            }
            for (invoice, lines) in zip(invoices, cdrs) where invoice.status != .void {
                XCTAssertEqual(lines.count, invoice.cdrCount, backend)
                XCTAssertEqual(lines.map { Int64($0.split(separator: " ")[3])! }.reduce(0, +), invoice.subtotal.micros, backend)
            }
            let balances = try store.read { try $0.customers() }.map(\.balance)
            guard let reference else {
                reference = (invoices, cdrs, balances, refusal)
                XCTAssertEqual(invoices.count, 5)
                XCTAssertTrue(refusal.contains("99123"), refusal)
                return
            }
            XCTAssertEqual(invoices, reference.invoices, "\(backend): the invoices, line by line")
            XCTAssertEqual(cdrs, reference.cdrs, "\(backend): the CDRs behind each")
            XCTAssertEqual(balances, reference.balances, backend)
            XCTAssertEqual(refusal, reference.refusal, backend)
        }
    }
}
