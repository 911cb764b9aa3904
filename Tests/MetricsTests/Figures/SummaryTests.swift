import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

final class SummaryTests: XCTestCase {
    func testBucketsEndWithTheCurrentOneInUTC() {
        let now: Int64 = 1_709_251_200 + 5 * 3_600 + 17  // 2024-03-01 05:00:17 UTC
        let live = SummaryPeriod.live.buckets(endingAt: now)
        XCTAssertEqual(live.count, 24)
        XCTAssertEqual(live.last, 1_709_251_200 + 5 * 3_600)
        XCTAssertEqual(live.first, 1_709_251_200 + 5 * 3_600 - 23 * 3_600)
        let monthly = SummaryPeriod.monthly.buckets(endingAt: now)
        XCTAssertEqual(monthly.count, 12)
        XCTAssertEqual(monthly.last, 1_709_251_200)
        XCTAssertEqual(monthly[10], 1_709_251_200 - 29 * 86_400, "February 2024 has 29 days")
        XCTAssertEqual(monthly.first, 1_680_307_200, "2023-04-01")
        let daily = SummaryPeriod.daily.buckets(endingAt: now)
        XCTAssertEqual(daily.count, 31)
        XCTAssertEqual(zip(daily, daily.dropFirst()).map { $1 - $0 }, Array(repeating: 86_400, count: 30))
        // Weeks start on Monday 00:00 UTC: 2024-02-26 was the Monday of the week of 2024-03-01 (a Friday).
        let weekly = SummaryPeriod.weekly.buckets(endingAt: now)
        XCTAssertEqual(weekly.count, 12)
        XCTAssertEqual(weekly.last, 1_709_251_200 - 4 * 86_400)
        XCTAssertEqual(zip(weekly, weekly.dropFirst()).map { $1 - $0 }, Array(repeating: 7 * 86_400, count: 11))
        XCTAssertEqual(SummaryPeriod.weekly.start(of: 1_709_251_200 - 4 * 86_400), 1_709_251_200 - 4 * 86_400,
                       "a Monday's midnight starts its own week")
        XCTAssertEqual(SummaryPeriod.weekly.start(of: 1_709_251_200 - 4 * 86_400 - 1), 1_709_251_200 - 11 * 86_400)
    }

    /// Page n + 1 ends where page n begins, with no bucket missed or repeated, for every period.
    func testPagesTileTheTimeAxis() {
        let now: Int64 = 1_709_251_200 + 5 * 3_600 + 17
        for period in SummaryPeriod.allCases {
            var newer = period.buckets(endingAt: now, pagesBack: 0)
            for page in 1...14 {
                let older = period.buckets(endingAt: now, pagesBack: page)
                XCTAssertEqual(older.count, period.bucketCount)
                XCTAssertEqual(period.next(after: older.last!), newer.first!, "\(period) page \(page)")
                XCTAssertEqual(older, older.sorted())
                newer = older
            }
        }
        XCTAssertEqual(SummaryPeriod.monthly.buckets(endingAt: now, pagesBack: 1).last, 1_677_628_800, "2023-03-01")
    }

    /// Every cell of every period equals a brute-force count over the raw records of that customer and bucket,
    /// and a row's total equals the sum of its CDRs to the micro.
    func testGridCellsMatchBruteForce() throws {
        let temporary = try TemporaryStore()
        let now: Int64 = 1_709_251_200 + 5 * 3_600 + 17
        var random = seededRandom()
        var customers: [Int64] = []
        try temporary.store.write { db in
            for index in 1...5 {
                customers.append(try Accounts.addCustomer(
                    .init(accountCode: "C\(index)", name: "Customer \(index)", active: index != 5, channelsConfigured: 1,
                          rateCardID: nil), createdAt: 0, in: db))
            }
        }
        var records: [CallRecord] = []
        for index in 0..<3_000 {
            let start = now - Int64.random(in: 0...400 * 86_400, using: &random)
            let answered = Bool.random(using: &random)
            records.append(.make(
                key: "s\(index)", start: start, answerAfter: answered ? 3 : nil, end: start + (answered ? 3 + Int64.random(in: 0...900, using: &random) : 10),
                disposition: answered ? .answered : .busy, customer: Int.random(in: 0..<8, using: &random) == 0 ? nil : customers.randomElement(using: &random)!,
                carrier: nil, dtmf: nil, sell: Int64.random(in: 0...3_000_000, using: &random), buy: Int64.random(in: 0...1_000_000, using: &random)))
        }
        try temporary.store.write { try CDRWriter.insert(records, in: $0) }
        let engine = MetricsEngine(store: temporary.store)
        // Every period, on the page that ends now and pages back through 400 days of history.
        for period in SummaryPeriod.allCases {
          for page in [0, 1, 3] {
            let grid = try engine.summary(period, pagesBack: page, at: now)
            XCTAssertEqual(grid.buckets, period.buckets(endingAt: now, pagesBack: page))
            // Active customers always have a row; the suspended one only if it called; unknown callers get one.
            XCTAssertTrue(grid.rows.contains { $0.customerID == 0 && $0.name == "(unknown customer)" } ||
                          !records.contains { $0.customerID == nil && grid.interval!.contains($0.startAt) })
            for row in grid.rows {
                for (index, bucket) in grid.buckets.enumerated() {
                    let end = period.next(after: bucket)
                    let inCell = records.filter {
                        ($0.customerID ?? 0) == row.customerID && $0.startAt >= bucket && $0.startAt < end
                    }
                    let cell = row.cells[index]
                    XCTAssertEqual(cell.attempts, Int64(inCell.count), "\(period) page \(page) \(row.name) \(bucket)")
                    XCTAssertEqual(cell.answered, Int64(inCell.filter { $0.answerAt != nil && $0.billsec > 0 }.count))
                    XCTAssertEqual(cell.spend.micros, inCell.reduce(0) { $0 + $1.sell!.micros })
                    XCTAssertEqual(cell.providerCost.micros, inCell.reduce(0) { $0 + $1.buy!.micros })
                }
            }
            let interval = try XCTUnwrap(grid.interval)
            let inPeriod = records.filter { interval.contains($0.startAt) }
            XCTAssertEqual(grid.rows.reduce(0) { $0 + $1.total.attempts }, Int64(inPeriod.count))
            XCTAssertEqual(grid.rows.reduce(0) { $0 + $1.total.spend.micros }, inPeriod.reduce(0) { $0 + $1.sell!.micros })
            guard page == 0 else { continue }
            let totals = try engine.totals(.customer, period: period, at: now)
            XCTAssertEqual(totals.reduce(0) { $0 + $1.figures.attempts }, Int64(inPeriod.count))
            XCTAssertEqual(totals.map(\.figures.attempts), totals.map(\.figures.attempts).sorted(by: >), "busiest first")
          }
        }
    }
}
