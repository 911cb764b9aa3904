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

    func testThePastMonthStartsWithThePreviousCalendarMonth() {
        XCTAssertEqual(BillingFigures.pastMonth(at: now)?.from, 1_761_955_200, "2025-11-01: last month's invoices count")
        XCTAssertEqual(BillingFigures.pastMonth(at: now)?.to, now + 1)
    }
}
