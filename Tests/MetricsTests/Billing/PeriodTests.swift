import XCTest
@testable import Metrics

final class PeriodTests: XCTestCase {
    func testAMonthInUTCIsMidnightToMidnight() throws {
        let october = try XCTUnwrap(LocalMonth("2026-10")?.period())
        XCTAssertEqual(october.from, 1_790_812_800)  // 2026-10-01T00:00:00Z
        XCTAssertEqual(october.to, 1_793_491_200)    // 2026-11-01T00:00:00Z
        XCTAssertEqual(october.description, "2026-10-01T00:00:00Z – 2026-11-01T00:00:00Z")
        XCTAssertEqual(LocalMonth("2026-12")?.period()?.to, 1_798_761_600, "December ends at the new year")
    }

    /// Warsaw leaves summer time on 25 October 2026: its October starts at 22:00 UTC the day before and is an hour
    /// longer than 31 days; its March is an hour shorter.
    func testAMonthInACustomerZoneStartsAtLocalMidnightAcrossDST() throws {
        let warsaw = try XCTUnwrap(TimeZone(identifier: "Europe/Warsaw"))
        let october = try XCTUnwrap(LocalMonth("2026-10")?.period(in: warsaw))
        XCTAssertEqual(Period.utcText(october.from), "2026-09-30T22:00:00Z")
        XCTAssertEqual(Period.utcText(october.to), "2026-10-31T23:00:00Z")
        XCTAssertEqual(october.seconds, 31 * 86_400 + 3_600)
        let march = try XCTUnwrap(LocalMonth("2026-03")?.period(in: warsaw))
        XCTAssertEqual(Period.utcText(march.from), "2026-02-28T23:00:00Z")
        XCTAssertEqual(march.seconds, 31 * 86_400 - 3_600)
        // Consecutive months meet: half-open, no instant in both, none in neither.
        let november = try XCTUnwrap(LocalMonth("2026-11")?.period(in: warsaw))
        XCTAssertEqual(october.to, november.from)
        XCTAssertFalse(october.contains(november.from))
        XCTAssertTrue(october.contains(november.from - 1))
    }

    func testDaysIncludeTheLastDayAndBadTextIsRefused() throws {
        let days = try XCTUnwrap(Period.days(LocalDate("2026-10-03")!, through: LocalDate("2026-10-03")!))
        XCTAssertEqual(days.seconds, 86_400)
        for bad in ["2026-13-01", "2026-02-30", "26-10-01", "2026-1-01", "2026-10-01x", ""] {
            XCTAssertNil(LocalDate(bad), bad)
        }
        for bad in ["2026-13", "2026-1", "2026", "x-10"] { XCTAssertNil(LocalMonth(bad), bad) }
    }
}
