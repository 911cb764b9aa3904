import XCTest
@testable import Metrics
import TermDashTestSupport

/// Summaries and totals over any period, against brute force over the raw records: the report's `--from/--to`.
final class PeriodSummaryTests: XCTestCase {
    func testCellsAndTotalsOverARaggedPeriodMatchBruteForce() throws {
        let temporary = try TemporaryStore()
        let now: Int64 = 1_709_251_200 + 5 * 3_600 + 17  // 2024-03-01 05:00:17 UTC
        var random = seededRandom()
        for index in 1...3 {
            try temporary.store.addCustomer(.init(accountCode: "C\(index)", name: "Customer \(index)", channelsConfigured: 1,
                                                  rateCardID: nil), createdAt: 0)
        }
        for index in 1...2 { try temporary.store.addCarrier(name: "Carrier \(index)", channelsConfigured: 1, rateCardID: nil) }
        let records = randomRecords(4_000, endingAt: now, spread: 120 * 86_400, carriers: 2, customers: 3, using: &random)
        try writeInBatches(records, to: temporary.store, using: &random)
        let engine = MetricsEngine(store: temporary.store)
        // Starts mid-day, ends mid-month: the first and last cells are partial.
        let range = Period(from: now - 100 * 86_400 + 7_777, to: now - 20 * 86_400 - 999)!
        for period in SummaryPeriod.allCases where period != .live {
            let grid = try engine.summary(period, over: range, at: now)
            let edges = calendarEdges(period, over: range)
            XCTAssertEqual(grid.buckets, Array(edges.dropLast()), "\(period): the cells start at calendar edges")
            for row in grid.rows {
                for (index, start) in grid.buckets.enumerated() {
                    let end = edges[index + 1]
                    let expected = BruteForce.counts(records.filter {
                        ($0.customerID ?? 0) == row.customerID && $0.startAt >= start && $0.startAt < end
                    })
                    XCTAssertEqual(row.cells[index].counts, expected, "\(period) \(row.name) cell \(index)")
                }
            }
            let inRange = records.filter { range.contains($0.startAt) }
            XCTAssertEqual(grid.rows.reduce(0) { $0 + $1.total.attempts }, Int64(inRange.count))
        }
        for row in try engine.totals(.customer, over: range, at: now) {
            XCTAssertEqual(row.figures.counts, BruteForce.counts(records.filter {
                ($0.customerID ?? 0) == row.id && range.contains($0.startAt)
            }), row.name)
        }
    }

    /// The period's start, every calendar day / ISO week (Monday) / month boundary inside it, and its end, by
    /// Foundation's calendar rather than the engine's arithmetic.
    private func calendarEdges(_ period: SummaryPeriod, over range: Period) -> [Int64] {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let component: Calendar.Component = switch period {
        case .live: .hour
        case .daily: .day
        case .weekly: .weekOfYear
        case .monthly: .month
        }
        var edges = [range.from]
        var date = calendar.dateInterval(of: component, for: Date(timeIntervalSince1970: TimeInterval(range.from)))!.end
        while Int64(date.timeIntervalSince1970) < range.to {
            edges.append(Int64(date.timeIntervalSince1970))
            date = calendar.dateInterval(of: component, for: date)!.end
        }
        return edges + [range.to]
    }
}
