import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

final class IntervalFiguresTests: XCTestCase {
    /// Figures for random intervals, in total and per customer and carrier, equal a brute-force count over the
    /// raw records, with ASR/ACD N/A where there is no denominator.
    func testFiguresMatchBruteForceForRandomIntervals() throws {
        let temporary = try TemporaryStore()
        var random = seededRandom()
        let edge: Int64 = 1_709_251_200  // 2024-03-01 00:00 UTC: February of a leap year on one side
        try temporary.store.write { db in
            for index in 1...4 {
                try Accounts.addCustomer(.init(accountCode: "C\(index)", name: "C\(index)", channelsConfigured: 1, rateCardID: nil),
                                         createdAt: 0, in: db)
            }
            for index in 1...3 { try Accounts.addCarrier(name: "K\(index)", channelsConfigured: 1, rateCardID: nil, in: db) }
            try Accounts.addDID(number: "+41220000001", customerID: 1, in: db)
            try Accounts.addDID(number: "+41220000002", customerID: 2, in: db)
        }
        var records: [CallRecord] = []
        for index in 0..<4_000 {
            let start = edge + Int64.random(in: -40 * 86_400...40 * 86_400, using: &random)
            let answered = Int.random(in: 0..<5, using: &random) < 3
            let ring = Int64.random(in: 0...20, using: &random)
            // One answered row in ten has billsec 0: "ANSWERED" that counts as not answered.
            let talk = Int.random(in: 0..<10, using: &random) == 0 ? 0 : Int64.random(in: 1...600, using: &random)
            records.append(.make(
                key: "r\(index)", start: start, answerAfter: answered ? ring : nil,
                end: start + ring + (answered ? talk : 0),
                disposition: answered ? .answered : [.busy, .noAnswer, .failed, .congestion].randomElement(using: &random)!,
                customer: Bool.random(using: &random) ? Int64.random(in: 1...4, using: &random) : nil,
                carrier: Int64.random(in: 1...3, using: &random),
                did: Bool.random(using: &random) ? Int64.random(in: 1...2, using: &random) : nil,
                dtmf: Bool.random(using: &random) ? Int.random(in: 0...3, using: &random) : nil,
                sell: Int.random(in: 0..<10, using: &random) == 0 ? nil : Int64.random(in: 0...2_000_000, using: &random),
                buy: Int.random(in: 0..<10, using: &random) == 0 ? nil : Int64.random(in: 0...1_000_000, using: &random)))
        }
        try temporary.store.write { try CDRWriter.insert(records, in: $0) }
        let engine = MetricsEngine(store: temporary.store)

        var intervals: [(Int64, Int64)] = [
            (edge - 29 * 86_400, edge), (edge, edge + 31 * 86_400), (edge - 50 * 86_400, edge + 50 * 86_400),
            (edge + 3_600, edge + 7_200), (edge + 17, edge + 18), (edge, edge), (edge + 10, edge),
            (edge - 86_400 * 3 + 59, edge + 86_400 * 2 + 3_601),
        ]
        for _ in 0..<40 {
            let from = edge + Int64.random(in: -45 * 86_400...45 * 86_400, using: &random)
            intervals.append((from, from + Int64.random(in: 0...40 * 86_400, using: &random)))
        }
        // Short intervals, answered from the raw rows alone.
        for _ in 0..<60 {
            let from = edge + Int64.random(in: -40 * 86_400...40 * 86_400, using: &random)
            intervals.append((from, from + Int64.random(in: 0...7_200, using: &random)))
        }
        for (from, to) in intervals {
            let groupings: [FigureGrouping] = [.total, .customer, .carrier, .did, .customerCarrier(customer: 3),
                                               .customerCarrier(customer: 0)]
            for grouping in groupings {
                // At `to`: minute rollups are read for an interval inside their retention, hours before it.
                let figures = try engine.figures(from: from, to: to, groupedBy: grouping, at: to)
                let expected = bruteForce(records, from: from, to: to, grouping: grouping)
                XCTAssertEqual(figures.mapValues(\.counts), expected, "[\(from), \(to)) by \(grouping)")
            }
        }
    }

    func testRatiosAreNotApplicableWithoutADenominator() {
        let none = TrafficFigures()
        XCTAssertNil(none.asr, "no attempts: N/A, never 0 %")
        XCTAssertNil(none.acd)
        XCTAssertNil(none.dtmfShare)
        var unanswered = RollupCounts()
        unanswered.attempts = 3
        unanswered.busy = 3
        XCTAssertEqual(TrafficFigures(unanswered).asr, 0)
        XCTAssertNil(TrafficFigures(unanswered).acd, "nothing answered: ACD is N/A")
        var mixed = RollupCounts()
        mixed.attempts = 4
        mixed.answered = 3
        mixed.billsec = 200
        mixed.dtmfKnown = 2
        mixed.dtmfCalls = 1
        mixed.sellMicros = 1_500_000
        mixed.buyMicros = 1_000_001
        let figures = TrafficFigures(mixed)
        XCTAssertEqual(figures.asr, 75)
        XCTAssertEqual(figures.acd!, 200.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(figures.dtmfShare, 50, "the answered call of unknown DTMF is left out")
        XCTAssertEqual(figures.dtmfUnknown, 1)
        XCTAssertEqual(figures.profit, Money(micros: 499_999))
    }

    /// The pieces of an interval cover it exactly, in order, without overlap, and use whole buckets only.
    func testPiecesTileTheInterval() {
        var random = seededRandom()
        for _ in 0..<3_000 {
            let from = Int64.random(in: 1_600_000_000...1_800_000_000, using: &random)
            let to = from + Int64.random(in: 0...200 * 86_400, using: &random)
            for finest in [TimeBucket.minute, .hour] {
                let pieces = MetricsEngine.pieces(from: from, to: to, finest: finest)
                var cursor = from
                for piece in pieces {
                    switch piece {
                    case .raw(let start, let end):
                        XCTAssertEqual(start, cursor)
                        XCTAssertLessThan(start, end)
                        XCTAssertLessThanOrEqual(end - start, finest == .minute ? 60 : 3_600, "raw edges stay small")
                        cursor = end
                    case .less:
                        XCTFail("the plan by levels alone takes nothing away: \(piece)")
                    case .rollup(let level, let start, let end):
                        XCTAssertEqual(start, cursor)
                        XCTAssertGreaterThanOrEqual(level.rank, finest.rank)
                        XCTAssertEqual(level.start(of: start), start)
                        XCTAssertEqual(level.start(of: end), end)
                        cursor = end
                    }
                }
                XCTAssertEqual(cursor, max(from, to), "[\(from), \(to)) finest \(finest)")
                XCTAssertLessThanOrEqual(pieces.count, 12, "a coarse plan: few pieces")
            }
        }
    }

    /// Minutes read as hours, and hours as days, less their other buckets: every bucket of the interval is counted
    /// once, every other one not at all, and no more rows are read than the buckets themselves (those after `now`
    /// read none).
    func testCoarserLessFinerCountsEachBucketOnce() {
        var random = seededRandom()
        let edge: Int64 = 1_709_251_200
        for (fine, coarse) in [(TimeBucket.hour, TimeBucket.day), (.minute, .hour)] {
            let width: Int64 = fine == .hour ? 3_600 : 60
            let coarseWidth: Int64 = coarse == .day ? 86_400 : 3_600
            for _ in 0..<2_000 {
                let from = edge + Int64.random(in: -100...100, using: &random) * width
                let to = from + Int64.random(in: 1...80, using: &random) * width
                let now = to - width + Int64.random(in: -3 * coarseWidth...3 * coarseWidth, using: &random)
                var weight: [Int64: Int] = [:]
                var rows: Int64 = 0
                let present = fine.next(after: now)
                for piece in MetricsEngine.coarserLessFiner(fine, from: from, to: to, at: now) {
                    switch piece {
                    case .rollup(let level, let start, let end) where level == fine:
                        for bucket in stride(from: start, to: end, by: Int(width)) { weight[bucket, default: 0] += 1 }
                        rows += max(0, min(end, present) - start) / width
                    case .rollup(let level, let start, let end) where level == coarse:
                        XCTAssertEqual(end - start, coarseWidth)
                        for bucket in stride(from: start, to: end, by: Int(width)) { weight[bucket, default: 0] += 1 }
                        rows += 1
                    case .less(let level, let start, let end) where level == fine:
                        for bucket in stride(from: start, to: end, by: Int(width)) { weight[bucket, default: 0] -= 1 }
                        rows += max(0, min(end, present) - start) / width
                    default:
                        XCTFail("unexpected piece \(piece)")
                    }
                }
                for (bucket, count) in weight {
                    XCTAssertEqual(count, bucket >= from && bucket < to ? 1 : 0, "\(bucket) of [\(from), \(to)) at \(now)")
                }
                for bucket in stride(from: from, to: to, by: Int(width)) { XCTAssertEqual(weight[bucket], 1) }
                XCTAssertLessThanOrEqual(rows, max(0, min(to, present) - from) / width)
            }
        }
    }

    /// The totals of the last 24 hours by customer and by carrier, at every hour of the day (where a day's row
    /// less its other hours replaces most hours), and of the last hour by carrier at several minutes of the hour,
    /// equal brute force on every counter; also read days later.
    func testLiveTotalsMatchBruteForceAtEveryHour() throws {
        let temporary = try TemporaryStore()
        var random = seededRandom()
        let edge: Int64 = 1_709_251_200
        try temporary.store.write { db in
            for index in 1...4 {
                try Accounts.addCustomer(.init(accountCode: "C\(index)", name: "C\(index)", channelsConfigured: 1,
                                               rateCardID: nil), createdAt: 0, in: db)
            }
            for index in 1...3 { try Accounts.addCarrier(name: "K\(index)", channelsConfigured: 1, rateCardID: nil, in: db) }
        }
        var records: [CallRecord] = []
        for index in 0..<3_000 {
            let start = edge + Int64.random(in: -2 * 86_400...2 * 86_400, using: &random)
            let answered = Bool.random(using: &random)
            records.append(.make(
                key: "t\(index)", start: start, answerAfter: answered ? 2 : nil, end: start + (answered ? 90 : 5),
                disposition: answered ? .answered : [.busy, .noAnswer, .failed].randomElement(using: &random)!,
                // Customer 4 calls in one hour only, so a day less its other hours leaves it at zero elsewhere.
                customer: start / 3_600 == edge / 3_600 + 30 ? 4 : Bool.random(using: &random)
                    ? Int64.random(in: 1...3, using: &random) : nil,
                carrier: Int64.random(in: 1...3, using: &random), dtmf: Int.random(in: 0...2, using: &random),
                sell: Int64.random(in: 0...2_000_000, using: &random), buy: Int64.random(in: 0...1_000_000, using: &random)))
        }
        try temporary.store.write { try CDRWriter.insert(records, in: $0) }
        let engine = MetricsEngine(store: temporary.store)
        for hour in Int64(0)..<50 {
            let now = edge - 86_400 + hour * 3_600 + 1_234
            for at in [now, now + 5 * 86_400] {
                let from = TimeBucket.hour.start(of: now) - 23 * 3_600
                let to = TimeBucket.hour.next(after: now)
                for grouping in [FigureGrouping.customer, .carrier] {
                    let figures = try engine.figures(from: from, to: to, groupedBy: grouping, at: at)
                    XCTAssertEqual(figures.mapValues(\.counts), bruteForce(records, from: from, to: to, grouping: grouping),
                                   "[\(from), \(to)) by \(grouping) at \(at)")
                }
                // The last hour by minute, as the quality table reads it: an hour's row less its other minutes.
                for minute in [Int64(0), 7, 29, 30, 31, 58, 59] {
                    let end = TimeBucket.hour.start(of: now) + minute * 60 + 60
                    let figures = try engine.figures(from: end - 3_600, to: end, groupedBy: .carrier, at: end - 1)
                    XCTAssertEqual(figures.mapValues(\.counts), bruteForce(records, from: end - 3_600, to: end, grouping: .carrier),
                                   "the hour to \(end) by carrier")
                }
            }
        }
    }

    private func bruteForce(_ records: [CallRecord], from: Int64, to: Int64, grouping: FigureGrouping)
        -> [Int64: RollupCounts]
    {
        var result: [Int64: RollupCounts] = [:]
        for record in records where record.startAt >= from && record.startAt < to {
            let key: Int64
            switch grouping {
            case .total: key = 0
            case .customer: key = record.customerID ?? 0
            case .carrier: key = record.carrierID ?? 0
            case .did: key = record.didID ?? 0
            case .customerCarrier(let customer):
                guard record.customerID ?? 0 == customer else { continue }
                key = record.carrierID ?? 0
            }
            var counts = result[key] ?? RollupCounts()
            counts.attempts += 1
            let answered = record.answerAt != nil && record.billsec > 0
            if answered {
                counts.answered += 1
                counts.billsec += Int64(record.billsec)
                if let dtmf = record.dtmfDigits {
                    counts.dtmfKnown += 1
                    counts.dtmfDigits += Int64(dtmf)
                    if dtmf > 0 { counts.dtmfCalls += 1 }
                }
            } else {
                switch record.disposition {
                case .busy: counts.busy += 1
                case .failed, .congestion: counts.failed += 1
                case .answered, .noAnswer: counts.noAnswer += 1
                }
            }
            if let sell = record.sell { counts.sellMicros += sell.micros } else { counts.unratedSell += 1 }
            if let buy = record.buy { counts.buyMicros += buy.micros } else { counts.unratedBuy += 1 }
            result[key] = counts
        }
        return result
    }
}
