import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

/// Invoices on real SQLite stores: figures against brute force over the raw records, and the rules the store
/// itself enforces.
final class InvoiceLedgerTests: XCTestCase {
    static let october = Period.month(year: 2026, month: 10)!
    static let november = Period.month(year: 2026, month: 11)!
    static let rates = [
        Rate(prefix: "41", description: "Switzerland", perMinute: Money(micros: 12_345), initialSeconds: 30,
             incrementSeconds: 6),
        Rate(prefix: "4179", description: "Switzerland mobile", perMinute: Money(micros: 333_333)),
        Rate(prefix: "48", description: "Poland", perMinute: Money(micros: 7_777), initialSeconds: 1,
             incrementSeconds: 1, connectionFee: Money(micros: 1_001)),
    ]

    /// A store with `customers` customers on one sell card.
    func makeStore(customers: Int = 3) throws -> (TemporaryStore, [Int64]) {
        let temporary = try TemporaryStore()
        let card = try temporary.store.addRateCard(name: "sell", direction: .sell, currency: "EUR", rates: Self.rates)
        var ids: [Int64] = []
        for index in 0..<customers {
            ids.append(try temporary.store.addCustomer(
                Accounts.NewCustomer(accountCode: "c\(index)", name: "Customer \(index)", channelsConfigured: 10,
                                     rateCardID: card), createdAt: 0))
        }
        return (temporary, ids)
    }

    /// Random calls of `customers` around October: rated as an import would rate them, some to numbers no rate
    /// covers (unrated), some unanswered.
    func billableRecords(_ count: Int, customers: [Int64], from: Int64, to: Int64, key: String = "r",
                       unrated: Bool = false, using random: inout some RandomNumberGenerator) -> [CallRecord] {
        let table = RateTable(Self.rates)
        let numbers = ["41441234567", "41791234567", "48221234567", "4179000", "4812"] + (unrated ? ["99123"] : [])
        return (0..<count).map { index in
            let start = Int64.random(in: from..<to, using: &random)
            let answered = Int.random(in: 0..<5, using: &random) > 0
            let billsec = answered ? Int.random(in: 1...900, using: &random) : 0
            let dst = numbers.randomElement(using: &random)!
            let sell = table.match(dst).map { answered ? $0.charge(billsec: billsec) : Money(micros: 0) }
            var record = CallRecord.make(key: "\(key)\(index)", start: start, answerAfter: answered ? 5 : nil,
                                         end: start + 5 + Int64(billsec), billsec: billsec,
                                         disposition: answered ? .answered : .noAnswer,
                                         customer: customers.randomElement(using: &random)!, sell: sell?.micros)
            record.dst = dst
            return record
        }
    }

    func insert(_ records: [CallRecord], into store: SQLiteStore) throws {
        _ = try store.write { (session: any StoreWriteSession) in try session.insertCDRs(records) }
    }

    /// What an invoice must add up to: every rated charge of the customer's answered calls that started in the period.
    func bruteForceSubtotal(_ records: [CallRecord], customer: Int64, period: Period) -> Int64 {
        records.filter { $0.customerID == customer && period.contains($0.startAt) && $0.billsec > 0 && $0.sell != nil }
            .reduce(0) { $0 + $1.sell!.micros }
    }

    func testInvoiceTotalsEqualBruteForceAndTheCDRsBehindThem() throws {
        var random = RandomSource(seed: 12)
        let (temporary, customers) = try makeStore(customers: 4)
        let store = temporary.store
        let records = billableRecords(3_000, customers: customers, from: Self.october.from - 5 * 86_400,
                                    to: Self.october.to + 5 * 86_400, using: &random)
        try insert(records, into: store)
        try store.setBillingProfile(BillingProfile(currency: "EUR", taxes: [TaxRate("VAT:23%")!, TaxRate("City:0.5%")!],
                                                   dueDays: 14), customerID: customers[0])
        for (index, customer) in customers.enumerated() {
            let invoice = try store.createDraft(customerID: customer, period: Self.october, at: 1_800_000_000)
            let expected = bruteForceSubtotal(records, customer: customer, period: Self.october)
            XCTAssertGreaterThan(expected, 0)
            XCTAssertEqual(invoice.subtotal.micros, expected, "customer \(index)")
            let usage = invoice.lines.filter { $0.kind == .usage }
            XCTAssertEqual(usage.reduce(0) { $0 + $1.amount.micros }, expected)
            XCTAssertEqual(usage.reduce(0) { $0 + $1.calls }, invoice.cdrCount)
            let cdrs = try store.read { try $0.invoicedCDRs(invoiceID: invoice.id) }
            XCTAssertEqual(cdrs.reduce(0) { $0 + $1.charge.micros }, expected)
            XCTAssertEqual(cdrs.count, records.filter {
                $0.customerID == customer && Self.october.contains($0.startAt) && $0.billsec > 0
            }.count)
            XCTAssertEqual(invoice.total, invoice.subtotal + invoice.tax + invoice.rounding)
            XCTAssertEqual(invoice.total.micros % 10_000, 0, "rounded to the cent")
            XCTAssertLessThanOrEqual(abs(invoice.rounding.micros), 5_000)
        }
        let taxed = try XCTUnwrap(store.read { try $0.invoices(InvoiceFilter(customerID: customers[0])) }.first)
        let subtotal = taxed.subtotal.micros
        // Each tax once on the subtotal, half away from zero to the micro.
        XCTAssertEqual(taxed.lines.filter { $0.kind == .tax }.map(\.amount.micros),
                       [(subtotal * 230_000 + 500_000) / 1_000_000, (subtotal * 5_000 + 500_000) / 1_000_000])
        XCTAssertEqual(taxed.lines.map(\.description).filter { !$0.hasPrefix("4") },
                       ["VAT 23%", "City 0.5%", "Rounding"])
    }

    func testDestinationLinesCarryPrefixRateCallsAndBilledMinutes() throws {
        let (temporary, customers) = try makeStore(customers: 1)
        let start = Self.october.from + 3_600
        var calls = [
            CallRecord.make(key: "a", start: start, answerAfter: 1, end: start + 32, billsec: 31, customer: customers[0],
                            sell: Self.rates[0].charge(billsec: 31).micros),
            CallRecord.make(key: "b", start: start + 60, answerAfter: 1, end: start + 71, billsec: 10,
                            customer: customers[0], sell: Self.rates[0].charge(billsec: 10).micros),
            CallRecord.make(key: "c", start: start + 90, answerAfter: 1, end: start + 161, billsec: 70,
                            customer: customers[0], sell: Self.rates[1].charge(billsec: 70).micros),
        ]
        calls[0].dst = "41441112233"
        calls[1].dst = "0041 44 111"
        calls[2].dst = "+41791112233"
        try insert(calls, into: temporary.store)
        let invoice = try temporary.store.createDraft(customerID: customers[0], period: Self.october, at: 0)
        let usage = invoice.lines.filter { $0.kind == .usage }
        XCTAssertEqual(usage.map(\.description), ["41 Switzerland", "4179 Switzerland mobile"])
        XCTAssertEqual(usage.map(\.calls), [2, 1])
        XCTAssertEqual(usage.map(\.billedSeconds), [36 + 30, 120])
        XCTAssertEqual(usage.map(\.rate), [12_345, 333_333])
        let swiss: Int64 = (36 * 12_345 + 30) / 60 + (30 * 12_345 + 30) / 60
        let mobile: Int64 = (120 * 333_333 + 30) / 60
        XCTAssertEqual(usage.map(\.amount.micros), [swiss, mobile])
    }

    func testIssuingNumbersGapFreeAndTheIssuedInvoiceCannotBeChangedInTheStore() throws {
        var random = RandomSource(seed: 5)
        let (temporary, customers) = try makeStore(customers: 3)
        let store = temporary.store
        try insert(billableRecords(600, customers: customers, from: Self.october.from, to: Self.october.to, using: &random),
                   into: store)
        let drafts = try customers.map { try store.createDraft(customerID: $0, period: Self.october, at: 100) }
        XCTAssertEqual(drafts.map(\.number), [nil, nil, nil])
        // A draft's lines may change (it is recomputed until issued).
        XCTAssertNoThrow(try store.write { try $0.execute(sql: "UPDATE invoice_lines SET description = 'x' WHERE invoice_id = \(drafts[2].id)") })
        // Issued out of creation order, with a draft voided between: numbers follow issue order, no gap.
        let second = try store.issueInvoice(id: drafts[1].id, at: 200)
        _ = try store.voidInvoice(id: drafts[2].id, at: 250)
        let first = try store.issueInvoice(id: drafts[0].id, at: 300)
        XCTAssertEqual([second.number, first.number], ["INV-000001", "INV-000002"])
        XCTAssertEqual(second.issuedAt, 200)
        XCTAssertEqual(second.dueAt, 200 + 30 * 86_400)

        let id = second.id
        let refusals = [
            "UPDATE invoice_lines SET amount_micros = amount_micros + 1 WHERE invoice_id = \(id)",
            "DELETE FROM invoice_lines WHERE invoice_id = \(id)",
            "INSERT INTO invoice_lines (invoice_id, position, kind, description, amount_micros) VALUES (\(id), 99, 'usage', 'x', 1)",
            "UPDATE invoices SET total_micros = 1 WHERE id = \(id)",
            "UPDATE invoices SET status = 'draft' WHERE id = \(id)",
            "UPDATE invoices SET number = 'INV-000009' WHERE id = \(id)",
            "DELETE FROM invoices WHERE id = \(id)",
            "DELETE FROM invoice_cdrs WHERE invoice_id = \(id)",
            "UPDATE invoice_series SET last_number = 0",
            "UPDATE invoice_series SET last_number = last_number + 2",
        ]
        for sql in refusals {
            XCTAssertThrowsError(try store.write { try $0.execute(sql: sql) }, sql) { error in
                XCTAssertEqual((error as? DatabaseError)?.resultCode, .SQLITE_CONSTRAINT, sql)
            }
        }
        let after = try XCTUnwrap(store.read { try $0.invoice(id: id) })
        XCTAssertEqual(after, second, "nothing changed")
        // A CDR of an issued invoice cannot be put on another.
        XCTAssertThrowsError(try store.write { db in
            try db.execute(sql: """
                INSERT INTO invoices (customer_id, period_from, period_to, created_at, currency, line_grouping)
                VALUES (\(customers[1]), 1, 2, 0, 'EUR', 'day');
                INSERT INTO invoice_cdrs (invoice_id, cdr_id)
                SELECT last_insert_rowid(), cdr_id FROM invoice_cdrs WHERE invoice_id = \(id) LIMIT 1;
                """)
        })
        // Nor a voided one's lines.
        XCTAssertThrowsError(try store.write { try $0.execute(sql: "DELETE FROM invoice_lines WHERE invoice_id = \(drafts[2].id)") })
    }

    /// `[invoices] numbering = "per-customer"`: each customer's own gap-free series, named by their code, beside the
    /// global one, which it does not move; the series' trigger guards it as it guards the global one.
    func testPerCustomerNumberingIsGapFreePerCustomerAndLeavesTheGlobalSeriesAlone() throws {
        var random = RandomSource(seed: 7)
        let (temporary, customers) = try makeStore(customers: 2)
        let store = temporary.store
        try insert(billableRecords(400, customers: customers, from: Self.october.from, to: Self.november.to,
                                   using: &random), into: store)
        var numbers: [String?] = []
        for (period, customer) in [(Self.october, 0), (Self.october, 1), (Self.november, 0)] {
            let draft = try store.createDraft(customerID: customers[customer], period: period, at: 100)
            numbers.append(try store.issueInvoice(id: draft.id, at: 200, numbering: .perCustomer).number)
        }
        XCTAssertEqual(numbers, ["INV-C0-000001", "INV-C1-000001", "INV-C0-000002"])
        let global = try store.createDraft(customerID: customers[1], period: Self.november, at: 100)
        XCTAssertEqual(try store.issueInvoice(id: global.id, at: 300).number, "INV-000001")
        XCTAssertThrowsError(try store.write {
            try $0.execute(sql: "UPDATE invoice_series SET last_number = 5 WHERE name = 'customer-\(customers[0])'")
        })
        XCTAssertEqual(InvoiceNumbering.prefixCode(accountCode: "a/../b-7", customerID: 9), "AB7")
        XCTAssertEqual(InvoiceNumbering.prefixCode(accountCode: "--", customerID: 9), "C9")
    }

    func testOverlapsAreRefusedWithTheNumberAndVoidFreesThePeriod() throws {
        var random = RandomSource(seed: 7)
        let (temporary, customers) = try makeStore(customers: 1)
        let store = temporary.store
        try insert(billableRecords(200, customers: customers, from: Self.october.from, to: Self.october.to, using: &random),
                   into: store)
        let draft = try store.createDraft(customerID: customers[0], period: Self.october, at: 0)
        let halfway = Period(from: Self.october.from + 86_400 * 10, to: Self.october.to + 86_400)!
        XCTAssertThrowsError(try store.createDraft(customerID: customers[0], period: halfway, at: 0)) { error in
            XCTAssertEqual(error as? InvoiceError, .overlaps(existing: "draft \(draft.id)", period: halfway))
        }
        let issued = try store.issueInvoice(id: draft.id, at: 10)
        XCTAssertThrowsError(try store.createDraft(customerID: customers[0], period: halfway, at: 0)) { error in
            XCTAssertEqual(error as? InvoiceError, .overlaps(existing: "INV-000001", period: halfway))
            XCTAssertTrue("\(error)".contains("overlaps invoice INV-000001"))
        }
        // The correction: void (a credit note), then a new invoice over the same CDRs.
        let void = try store.voidInvoice(id: issued.id, at: 20)
        XCTAssertEqual(void.status, .void)
        XCTAssertEqual(void.number, "INV-000001", "a void keeps its number")
        let again = try store.createDraft(customerID: customers[0], period: Self.october, at: 30)
        XCTAssertEqual(again.subtotal, issued.subtotal)
        XCTAssertEqual(again.cdrCount, issued.cdrCount)
        XCTAssertEqual(try store.issueInvoice(id: again.id, at: 40).number, "INV-000002")
    }

    func testLateCDRsGoOnTheNextInvoice() throws {
        var random = RandomSource(seed: 9)
        let (temporary, customers) = try makeStore(customers: 1)
        let store = temporary.store
        let november = Period.month(year: 2026, month: 11)!
        let early = billableRecords(100, customers: customers, from: Self.october.from, to: november.to, using: &random)
        try insert(early, into: store)
        let october = try store.issueInvoice(
            id: try store.createDraft(customerID: customers[0], period: Self.october, at: 0).id, at: 1)
        let late = billableRecords(50, customers: customers, from: Self.october.from, to: Self.october.to, key: "late",
                                 using: &random)
        try insert(late, into: store)
        let next = try store.createDraft(customerID: customers[0], period: november, at: 2)
        XCTAssertEqual(october.subtotal.micros, bruteForceSubtotal(early, customer: customers[0], period: Self.october))
        XCTAssertEqual(next.subtotal.micros, bruteForceSubtotal(early, customer: customers[0], period: november)
            + bruteForceSubtotal(late, customer: customers[0], period: Self.october))
        XCTAssertEqual(try store.read { try $0.invoice(id: october.id) }, october, "the issued one did not change")
    }

    func testUnratedCallsBlockIssuingAndSayHowManyAndWhere() throws {
        var random = RandomSource(seed: 11)
        let (temporary, customers) = try makeStore(customers: 1)
        let store = temporary.store
        let records = billableRecords(300, customers: customers, from: Self.october.from, to: Self.october.to,
                                    unrated: true, using: &random)
        try insert(records, into: store)
        let unrated = records.filter { $0.sell == nil && $0.billsec > 0 }.count
        XCTAssertGreaterThan(unrated, 0)
        let draft = try store.createDraft(customerID: customers[0], period: Self.october, at: 0)
        XCTAssertThrowsError(try store.issueInvoice(id: draft.id, at: 1)) { error in
            XCTAssertEqual(error as? InvoiceError, .unrated(count: unrated, destinations: ["99123"]))
            XCTAssertTrue("\(error)".hasPrefix("\(unrated) answered calls in the period have no rate (destinations 99123)"),
                          "\(error)")
        }
        XCTAssertEqual(try store.read { try $0.invoice(id: draft.id) }?.status, .draft, "still a draft, no number")

        // The card gains the prefix; the unrated calls are priced, the aggregates follow, and the draft issues.
        let extra = Rate(prefix: "99", description: "Elsewhere", perMinute: Money(micros: 500_000))
        _ = try store.storeRateCard(Self.rates + [extra], card: "sell", direction: .sell, currency: "EUR", replace: true)
        XCTAssertEqual(try store.priceUnratedCDRs(in: Self.october, retention: .standard, at: Self.october.to),
                       records.filter { $0.sell == nil }.count, "every unrated call of the period, answered or not")
        XCTAssertEqual(try store.priceUnratedCDRs(in: Self.october, retention: .standard, at: Self.october.to), 0)
        let issued = try store.issueInvoice(id: draft.id, at: 2)
        let priced = records.map { record -> CallRecord in
            var record = record
            if record.sell == nil { record.sell = record.billsec > 0 ? extra.charge(billsec: record.billsec) : Money(micros: 0) }
            return record
        }
        XCTAssertEqual(issued.subtotal.micros, bruteForceSubtotal(priced, customer: customers[0], period: Self.october))
        XCTAssertEqual(issued.lines.first { $0.prefix == "99" }?.calls, unrated)
        let figures = try MetricsEngine(store: store).figures(from: Self.october.from, to: Self.october.to,
                                                              groupedBy: .customer, at: Self.october.to)
        XCTAssertEqual(figures[customers[0]]?.counts, BruteForce.counts(priced))
    }

    func testPaymentsLeaveWhatIsLeftAndMoveTheBalance() throws {
        var random = RandomSource(seed: 13)
        let (temporary, customers) = try makeStore(customers: 1)
        let store = temporary.store
        try insert(billableRecords(200, customers: customers, from: Self.october.from, to: Self.october.to, using: &random),
                   into: store)
        func balance() throws -> Int64 {
            try store.read { try $0.customers() }.first { $0.id == customers[0] }!.balance.micros
        }
        let draft = try store.createDraft(customerID: customers[0], period: Self.october, at: 0)
        XCTAssertEqual(try balance(), 0, "a draft owes nothing")
        let issued = try store.issueInvoice(id: draft.id, at: 1)
        XCTAssertEqual(try balance(), -issued.total.micros)
        let part = Money(micros: issued.total.micros / 3)
        let partly = try store.recordPayment(invoiceID: issued.id, amount: part, paidAt: 5, at: 6)
        XCTAssertEqual(partly.status, .issued)
        XCTAssertTrue(partly.isPartlyPaid)
        XCTAssertEqual(partly.statusText, "partly paid")
        XCTAssertEqual(partly.left, issued.total - part)
        XCTAssertEqual(try balance(), -(issued.total - part).micros)
        let summary = try store.read { try $0.invoiceSummary(period: Self.october, top: 5) }
        XCTAssertEqual(summary.unpaid, 1)
        XCTAssertEqual(summary.unpaidValue, issued.total - part)
        XCTAssertEqual(summary.topCustomers.map(\.total), [issued.total])
        XCTAssertThrowsError(try store.recordPayment(invoiceID: issued.id, amount: issued.total, paidAt: 7, at: 7)) {
            XCTAssertEqual($0 as? InvoiceError, .overpayment(reference: "INV-000001", left: partly.left, currency: "USD"))
        }
        let paid = try store.recordPayment(invoiceID: issued.id, amount: partly.left, paidAt: 8, at: 9)
        XCTAssertEqual(paid.status, .paid)
        XCTAssertEqual(paid.paidAt, 8)
        XCTAssertEqual(paid.left, Money(micros: 0))
        XCTAssertEqual(try balance(), 0)
        XCTAssertThrowsError(try store.voidInvoice(id: paid.id, at: 10), "paid stays paid")
        XCTAssertThrowsError(try store.write { try $0.execute(sql: "DELETE FROM payments") })
        XCTAssertEqual(try store.read { try $0.invoiceSummary(period: Self.october, top: 5) }.unpaid, 0)
    }

    func testVoidingAnIssuedInvoiceCreditsItsTotalBack() throws {
        var random = RandomSource(seed: 17)
        let (temporary, customers) = try makeStore(customers: 1)
        let store = temporary.store
        try insert(billableRecords(100, customers: customers, from: Self.october.from, to: Self.october.to, using: &random),
                   into: store)
        let issued = try store.issueInvoice(id: try store.createDraft(customerID: customers[0], period: Self.october,
                                                                      at: 0).id, at: 1)
        _ = try store.recordPayment(invoiceID: issued.id, amount: Money(micros: 1_000_000), paidAt: 2, at: 2)
        _ = try store.voidInvoice(id: issued.id, at: 3)
        let balance = try store.read { try $0.customers() }[0].balance
        XCTAssertEqual(balance, Money(micros: 1_000_000), "the payment stays as credit")
    }

    func testNoTrafficIsRefused() throws {
        let (temporary, customers) = try makeStore(customers: 1)
        XCTAssertThrowsError(try temporary.store.createDraft(customerID: customers[0], period: Self.october, at: 0)) {
            XCTAssertEqual($0 as? InvoiceError, .noTraffic(customer: "Customer 0", period: Self.october))
        }
        XCTAssertEqual(try temporary.store.read { try $0.invoices(InvoiceFilter()) }, [])
    }

    /// A customer billed in Warsaw: its October is [2026-09-30T22:00Z, 2026-10-31T23:00Z), a DST month; calls one
    /// second either side of each edge land on the right invoice, and day lines follow Warsaw's midnight.
    func testPeriodEdgesInTheCustomersZoneAcrossDST() throws {
        let (temporary, customers) = try makeStore(customers: 1)
        let store = temporary.store
        let warsaw = TimeZone(identifier: "Europe/Warsaw")!
        try store.setBillingProfile(BillingProfile(currency: "PLN", zone: "Europe/Warsaw", lineGrouping: .day),
                                    customerID: customers[0])
        let october = try XCTUnwrap(LocalMonth("2026-10")?.period(in: warsaw))
        let november = try XCTUnwrap(LocalMonth("2026-11")?.period(in: warsaw))
        let edges = [october.from - 1, october.from, october.to - 1, october.to]
        var calls: [CallRecord] = []
        for (index, start) in edges.enumerated() {
            var call = CallRecord.make(key: "edge\(index)", start: start, answerAfter: 1, end: start + 61, billsec: 60,
                                       customer: customers[0], sell: Int64(index + 1) * 1_000_000)
            call.dst = "48221234567"
            calls.append(call)
        }
        try insert(calls, into: store)
        let draft = try store.createDraft(customerID: customers[0], period: october, at: 0)
        XCTAssertEqual(draft.subtotal, Money(micros: 2_000_000 + 3_000_000))
        XCTAssertEqual(draft.zone, "Europe/Warsaw")
        XCTAssertEqual(draft.lines.filter { $0.kind == .usage }.map(\.description), ["2026-10-01", "2026-10-31"])
        XCTAssertEqual(draft.lines.first?.day, october.from)
        XCTAssertEqual(try store.createDraft(customerID: customers[0], period: november, at: 0).subtotal,
                       Money(micros: 4_000_000))
        XCTAssertEqual(draft.total, Money(micros: 5_000_000))
    }
}
