import Foundation
import XCTest
@testable import Metrics
import TermDashTestSupport

final class LocalTimeTests: XCTestCase {
    /// The zone table gives Foundation's offset at every instant, including around each change and in zones
    /// with half-hour, 45-minute and abolished DST.
    func testTheOffsetTableAgreesWithFoundation() {
        var random = seededRandom()
        for name in ["Europe/Zurich", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Europe/Moscow",
                     "Pacific/Apia", "America/Sao_Paulo", "Asia/Kathmandu", "Pacific/Chatham", "UTC"] {
            let zone = TimeZone(identifier: name)!
            let table = ZoneOffsets(zone)
            var instants: [Int64] = (0..<2_000).map { _ in Int64(random.next() % 5_000_000_000) - 700_000_000 }
            var date = Date(timeIntervalSince1970: -700_000_000)
            while let next = zone.nextDaylightSavingTimeTransition(after: date), next.timeIntervalSince1970 < 4_000_000_000 {
                let change = Int64(next.timeIntervalSince1970)
                instants += [change - 1, change, change + 1]
                date = next
            }
            for instant in instants {
                let expected = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
                XCTAssertEqual(table.offset(at: instant), expected, "\(name) at \(instant)")
            }
        }
    }

    func testLocalTimesAroundSummerTimeChanges() {
        let zurich = LocalTimeParser(zone: TimeZone(identifier: "Europe/Zurich")!)
        // 2024-03-31 02:30 does not exist in Zurich (clocks jump 02:00 → 03:00): read with the summer offset.
        XCTAssertEqual(zurich.seconds(from: "2024-03-31 01:59:59"), 1_711_846_799)
        XCTAssertEqual(zurich.seconds(from: "2024-03-31 03:00:00"), 1_711_846_800)
        // 2024-10-27 02:30 happens twice: read as the second (standard time).
        XCTAssertEqual(zurich.seconds(from: "2024-10-27 02:30:00"), 1_729_992_600)
        // Before 1900, outside the table, Foundation answers.
        let naive: Int64 = -2_511_475_200 + 12 * 3_600  // 1890-06-01 12:00:00 as if UTC
        let offset = Int64(zurich.zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive))))
        XCTAssertEqual(zurich.seconds(from: "1890-06-01 12:00:00"), naive - offset)
        XCTAssertNotEqual(offset % 900, 0, "Zurich kept a local mean time then")
    }
}
