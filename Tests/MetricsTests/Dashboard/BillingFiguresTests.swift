import Foundation
import XCTest
@testable import Metrics
import TermDashTestSupport

/// The billing dashboard's figures as the engine reads them, on every backend, against a count over what was written.
final class BillingFiguresTests: XCTestCase {
    /// 2025-12-04 01:00 UTC.
    private let now: Int64 = 1_764_810_000

    func testFiguresMatchWhatWasWritten() throws {
        var random = seededRandom()
        try StoreBackend.eachEmptyStore { backend, store in
            for index in 1...7 {
                try store.addCustomer(.init(accountCode: "C\(index)", name: "Customer \(index)", channelsConfigured: 1,
                                            rateCardID: nil), createdAt: 0)
            }
            // Files finished over five months, some failed, some still waiting; one path imported twice.
            struct Written { var path: String; var size: Int64; var finishedAt: Int64?; var success: Bool }
            var written: [Written] = []
            for index in 0..<60 {
                let path = "/spool/f\(index % 50).csv"
                let size = Int64.random(in: 0...5_000_000, using: &random)
                let at = now - Int64.random(in: 0...(150 * 86_400), using: &random)
                let attempt = try store.beginFile(source: "s", path: path, name: "f\(index).csv", size: size,
                                                  contentHash: "h\(index)", at: at - 5)
                let waiting = index % 13 == 0
                let success = index % 7 != 0
                if !waiting {
                    try store.finishFile(attempt.id, .init(format: "asterisk", read: 10, accepted: success ? 10 : 0,
                                                           rejected: success ? 0 : 10, new: success ? 10 : 0,
                                                           firstError: success ? nil : "bad"), at: at)
                }
                written.append(Written(path: path, size: size, finishedAt: waiting ? nil : at, success: success))
            }
            try store.noteWaiting(source: "s", path: "/spool/growing.csv", name: "growing.csv", size: 77, at: now)
            written.append(Written(path: "/spool/growing.csv", size: 77, finishedAt: nil, success: false))
            let first = try store.openTicket(subject: "a", customerID: nil, support: "", at: now - 10)
            try store.openTicket(subject: "b", customerID: nil, support: "", at: now - 5)
            try store.closeTicket(first, at: now)

            let figures = try XCTUnwrap(try MetricsEngine(store: store).dashboard(
                at: now, request: { var request = SnapshotRequest(); request.billing = true; return request }()).billing)
            XCTAssertEqual(figures.customers, 7, backend)
            XCTAssertEqual(figures.openTickets, 1, backend)
            let finished = written.filter { $0.finishedAt != nil }
            XCTAssertEqual(figures.filesSuccess, finished.filter(\.success).count, backend)
            XCTAssertEqual(figures.filesError, finished.filter { !$0.success }.count, backend)
            XCTAssertEqual(figures.filesWaiting, written.count - finished.count, backend)
            // Each path once, at the size of its latest entry.
            var latest: [String: Int64] = [:]
            for file in written { latest[file.path] = file.size }
            XCTAssertEqual(figures.cdrBytes, latest.values.reduce(0, +), backend)
            let months = BillingFigures.months(at: now)
            XCTAssertEqual(months, [1_759_276_800, 1_761_955_200, 1_764_547_200], "October, November, December 2025")
            XCTAssertEqual(figures.filesPerMonth.map(\.month), months)
            for (index, month) in months.enumerated() {
                let end = index + 1 < months.count ? months[index + 1] : 1_767_225_600
                XCTAssertEqual(figures.filesPerMonth[index].files,
                               finished.filter { $0.finishedAt! >= month && $0.finishedAt! < end }.count,
                               "\(backend) month \(month)")
            }
            let last = try XCTUnwrap(finished.max { $0.finishedAt! < $1.finishedAt! })
            XCTAssertEqual(figures.lastFile?.finishedAt, last.finishedAt)
            XCTAssertEqual(figures.lastFile?.succeeded, last.success)
            XCTAssertEqual(figures.draftInvoices, 0)
            XCTAssertEqual(figures.topCustomers, [])
        }
    }

    /// Drafts, issued-unpaid invoices (what is left on them) and the top customers by invoice total, as the
    /// Billing view reads them, against the sums of the CDRs behind each invoice.
    func testInvoiceFiguresFollowTheInvoices() throws {
        var random = seededRandom()
        try StoreBackend.eachEmptyStore { backend, store in
            var customers: [Int64] = []
            for index in 1...4 {
                customers.append(try store.addCustomer(.init(accountCode: "C\(index)", name: "Customer \(index)",
                                                             channelsConfigured: 1, rateCardID: nil), createdAt: 0))
            }
            let november = try XCTUnwrap(Period.month(year: 2025, month: 11))
            var records: [CallRecord] = []
            for index in 0..<400 {
                let start = november.from + Int64.random(in: 0..<november.seconds - 3_600, using: &random)
                records.append(.make(key: "k\(index)", start: start, answerAfter: 5, end: start + 65,
                                     customer: customers[index % 4], sell: Int64.random(in: 1...2_000_000, using: &random)))
            }
            try writeInBatches(records, to: store, using: &random)
            var invoices: [Invoice] = []
            for customer in customers {
                invoices.append(try store.createDraft(customerID: customer, period: november, at: now - 100))
            }
            // Customer 1 stays a draft; 2 is issued and partly paid; 3 is paid in full; 4 is issued and unpaid.
            let partly = try store.issueInvoice(id: invoices[1].id, at: now - 90)
            _ = try store.recordPayment(invoiceID: partly.id, amount: Money(micros: 1_000_000), paidAt: now - 80, at: now - 80)
            let paid = try store.issueInvoice(id: invoices[2].id, at: now - 90)
            _ = try store.recordPayment(invoiceID: paid.id, amount: paid.total, paidAt: now - 80, at: now - 80)
            let unpaid = try store.issueInvoice(id: invoices[3].id, at: now - 90)

            var request = SnapshotRequest()
            request.billing = true
            let figures = try XCTUnwrap(try MetricsEngine(store: store).dashboard(at: now, request: request).billing)
            XCTAssertEqual(figures.draftInvoices, 1, backend)
            XCTAssertEqual(figures.unpaidInvoices, 2, backend)
            XCTAssertEqual(figures.unpaidValue.micros, partly.total.micros - 1_000_000 + unpaid.total.micros, backend)
            XCTAssertEqual(figures.unpaidCurrency, "USD")
            // Each issued total is its CDRs' charges rounded once to the cent (no tax here).
            func cents(_ customer: Int64) -> Int64 {
                let micros = records.filter { $0.customerID == customer }.reduce(0) { $0 + $1.sell!.micros }
                return (micros + 5_000) / 10_000 * 10_000
            }
            let expected = customers[1...3].map { ($0, cents($0)) }.sorted { $0.1 > $1.1 }
            XCTAssertEqual(figures.topCustomers.map(\.customerID), expected.map(\.0), "\(backend): the draft is not counted")
            XCTAssertEqual(figures.topCustomers.map(\.total.micros), expected.map(\.1), backend)
        }
    }

    func testThePastMonthStartsWithThePreviousCalendarMonth() {
        XCTAssertEqual(BillingFigures.pastMonth(at: now)?.from, 1_761_955_200, "2025-11-01: last month's invoices count")
        XCTAssertEqual(BillingFigures.pastMonth(at: now)?.to, now + 1)
    }
}
