import Foundation
import XCTest
@testable import Metrics
import TermDashTestSupport

final class TimeBucketTests: XCTestCase {
    /// Bucket starts agree with Foundation's Gregorian calendar in UTC, an independent implementation.
    func testBucketsMatchFoundationCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var random = seededRandom()
        let samples: [Int64] = [0, -1, 59, 60, 86_399, 86_400, 951_782_400 /* 2000-02-29 */, 4_107_542_399]
            + (0..<2_000).map { _ in Int64.random(in: -2_000_000_000...4_000_000_000, using: &random) }
        for seconds in samples {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            for (bucket, component) in [(TimeBucket.minute, Calendar.Component.minute), (.hour, .hour), (.day, .day),
                                        (.month, .month)] {
                let interval = calendar.dateInterval(of: component, for: date)!
                XCTAssertEqual(bucket.start(of: seconds), Int64(interval.start.timeIntervalSince1970),
                               "\(bucket) start of \(seconds)")
                XCTAssertEqual(bucket.next(after: seconds), Int64(interval.end.timeIntervalSince1970),
                               "\(bucket) end of \(seconds)")
            }
        }
    }

    func testCivilDateRoundTrips() {
        for day in stride(from: Int64(-800_000), through: 800_000, by: 97) {
            XCTAssertEqual(CivilDate(unixDay: day).unixDay, day)
        }
        XCTAssertEqual(CivilDate(unixDay: 0), CivilDate(year: 1970, month: 1, day: 1))
        XCTAssertEqual(CivilDate(year: 2024, month: 3, day: 1).unixDay - CivilDate(year: 2024, month: 2, day: 1).unixDay, 29)
    }
}
