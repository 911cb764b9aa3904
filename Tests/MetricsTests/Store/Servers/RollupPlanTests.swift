@testable import ServerStore
import XCTest

/// Which parts of a range the servers read from the minute rollup: whole clean minutes only, each second once.
final class RollupPlanTests: XCTestCase {
    func testRaggedEdgesAndStaleMinutesAreReadFromTheCDRs() {
        XCTAssertEqual(RollupPlan(30..<250, stale: [125..<130]),
                       RollupPlan(raw: [30..<60, 120..<180, 240..<250], rollup: [60..<120, 180..<240]))
        XCTAssertEqual(RollupPlan(60..<240, stale: []), RollupPlan(raw: [], rollup: [60..<240]))
        XCTAssertEqual(RollupPlan(61..<119, stale: []), RollupPlan(raw: [61..<119], rollup: []))
        // Marks past the range, overlapping one another, or covering everything.
        XCTAssertEqual(RollupPlan(0..<300, stale: [240..<1_000, 60..<120, 90..<150]),
                       RollupPlan(raw: [60..<180, 240..<300], rollup: [0..<60, 180..<240]))
        XCTAssertEqual(RollupPlan(0..<300, stale: [-(1 << 62)..<(1 << 62)]), RollupPlan(raw: [0..<300], rollup: []))
        // Beyond ±2⁶² (2⁶² is 4 seconds past a whole minute) everything is raw, so no rounding overflows.
        XCTAssertEqual(RollupPlan(Int64.min..<Int64.max, stale: []),
                       RollupPlan(raw: [Int64.min..<(-(1 << 62) + 4), ((1 << 62) - 4)..<Int64.max],
                                  rollup: [(-(1 << 62) + 4)..<((1 << 62) - 4)]))
    }

    func testAPerSecondRollupServesTheRaggedEdgesOfCleanMinutes() {
        XCTAssertEqual(RollupPlan.perSecond(30..<250, stale: [125..<130]),
                       RollupPlan(raw: [120..<180], rollup: [30..<120, 180..<250]))
        XCTAssertEqual(RollupPlan.perSecond(61..<119, stale: []), RollupPlan(raw: [], rollup: [61..<119]))
        XCTAssertEqual(RollupPlan.perSecond(61..<119, stale: [100..<101]), RollupPlan(raw: [61..<119], rollup: []))
        XCTAssertEqual(RollupPlan.perSecond(Int64.min..<Int64.max, stale: []),
                       RollupPlan(raw: [Int64.min..<(-(1 << 62) + 4), ((1 << 62) - 4)..<Int64.max],
                                  rollup: [(-(1 << 62) + 4)..<((1 << 62) - 4)]))
    }

    func testWholeCleanHoursAreReadFromTheHourRollupAndTheirEdgesFromMinutes() {
        // A marked minute (7,260..<7,320) splits the clean minutes: the hour holding it is read from minutes.
        let plan = RollupPlan(1_830..<14_420, stale: [7_260..<7_320])
        XCTAssertEqual(plan.rollup, [1_860..<7_260, 7_320..<14_400])
        let split = RollupPlan.hours(in: plan.rollup)
        XCTAssertEqual(split.hours, [3_600..<7_200, 10_800..<14_400])
        XCTAssertEqual(split.minutes, [1_860..<3_600, 7_200..<7_260, 7_320..<10_800])
        // Less than a whole hour: minutes only; ranges past ±2⁶² stay minutes.
        XCTAssertEqual(RollupPlan.hours(in: [3_660..<7_140]).hours, [])
        XCTAssertEqual(RollupPlan.hours(in: [Int64.min..<0]).minutes, [Int64.min..<0])
        XCTAssertEqual(RollupPlan.hours(in: [0..<Int64.max]).hours, [])
    }
}
