import Foundation
import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

/// The quality graphs with carriers toggled out: per-bucket figures over the other carriers, checked against sums
/// over the raw rows.
final class QualityHistoryTests: XCTestCase {
    func testFiguresByBucketLeaveOutTheExcludedCarriers() throws {
        var random = seededRandom()
        let temporary = try TemporaryStore()
        let now: Int64 = 1_763_740_800 + 1_800  // half past an hour
        var records: [CallRecord] = []
        for index in 0..<600 {
            let start = now - 3_500 + Int64(random.next() % 3_400)
            let answered = random.next() % 2 == 0
            let billsec = answered ? Int(1 + random.next() % 200) : 0
            records.append(.make(
                key: "q\(index)", start: start, answerAfter: answered ? 2 : nil, end: start + 2 + Int64(billsec),
                billsec: billsec, disposition: answered ? .answered : .noAnswer, carrier: Int64(1 + random.next() % 3),
                dtmf: answered ? Int(random.next() % 3) : nil))
        }
        try temporary.store.write { db in
            for carrier in 1...3 { try Accounts.addCarrier(name: "c\(carrier)", channelsConfigured: 10, rateCardID: nil, in: db) }
            try CDRWriter.insert(records, in: db)
        }
        let engine = MetricsEngine(store: temporary.store)
        let figures = try engine.figuresByBucket(.oneHour, at: now, excludingCarriers: [2])
        let (from, _) = HistoryRange.oneHour.window(at: now)
        XCTAssertEqual(figures.count, HistoryRange.oneHour.bucketCount)
        for (index, bucket) in figures.enumerated() {
            let start = from + Int64(index) * 60
            let mine = records.filter { $0.carrierID != 2 && $0.startAt >= start && $0.startAt < start + 60 }
            XCTAssertEqual(bucket.attempts, Int64(mine.count), "minute \(index)")
            XCTAssertEqual(bucket.answered, Int64(mine.filter(\.isAnswered).count), "minute \(index)")
            XCTAssertEqual(bucket.counts.billsec, Int64(mine.filter(\.isAnswered).map(\.billsec).reduce(0, +)), "minute \(index)")
        }
        let snapshot = try engine.dashboard(at: now, request: {
            var request = SnapshotRequest()
            request.excludedCarriers = [2]
            return request
        }())
        XCTAssertEqual(snapshot.qualityHistory, figures)
        XCTAssertNil(try engine.dashboard(at: now, request: SnapshotRequest()).qualityHistory, "nothing excluded: no extra read")
    }
}
