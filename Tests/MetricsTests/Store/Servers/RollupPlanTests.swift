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

    func testAnEdgeMinuteIsTakenWholeLessItsFewerSecondsOutsideTheRange() {
        // 10..<60 (50 s) inside the first minute, 0..<10 outside; 240..<290 inside the last, 290..<300 outside.
        XCTAssertEqual(RollupPlan.nearest(10..<290, stale: []),
                       RollupPlan(raw: [], rollup: [0..<300], subtracted: [0..<10, 290..<300]))
        // A mark on an edge minute keeps that edge raw.
        XCTAssertEqual(RollupPlan.nearest(1..<299, stale: [290..<300]),
                       RollupPlan(raw: [240..<299], rollup: [0..<240], subtracted: [0..<1]))
        XCTAssertEqual(RollupPlan.nearest(1..<299, stale: [10..<11]),
                       RollupPlan(raw: [1..<60], rollup: [60..<300], subtracted: [299..<300]))
        // Fewer seconds inside than out, half a minute, aligned edges, a range within one minute: as before.
        for range in [59..<241, 30..<270, 60..<240, 61..<119, Int64.min..<Int64.max] as [Range<Int64>] {
            XCTAssertEqual(RollupPlan.nearest(range, stale: []), RollupPlan(range, stale: []), "\(range)")
        }
        // An edge joined to a stale minute beside it stays raw.
        XCTAssertEqual(RollupPlan.nearest(5..<300, stale: [70..<80]), RollupPlan(raw: [5..<120], rollup: [120..<300]))
    }

    /// Every second of a range counted once by the plan: raw plus rollup less subtracted, over random ranges and marks.
    func testTheNearestPlanCountsEverySecondOfTheRangeOnce() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let low = Int64.random(in: -200..<400, using: &generator)
            let range = low..<(low + Int64.random(in: 0..<400, using: &generator))
            let stale = (0..<Int.random(in: 0..<3, using: &generator)).map { _ in
                let start = Int64.random(in: -300..<900, using: &generator)
                return start..<(start + Int64.random(in: 1..<90, using: &generator))
            }
            let plan = RollupPlan.nearest(range, stale: stale)
            var times = [Int64: Int](minimumCapacity: 1_000)
            for piece in plan.raw + plan.rollup { for second in piece { times[second, default: 0] += 1 } }
            for piece in plan.subtracted { for second in piece { times[second, default: 0] -= 1 } }
            let counted = times.filter { $0.value != 0 }
            XCTAssertTrue(counted.allSatisfy { range.contains($0.key) && $0.value == 1 }, "\(range) \(stale): \(plan)")
            XCTAssertEqual(counted.count, range.count, "\(range) \(stale): \(plan)")
            // The rollup is read only in whole minutes none of the marks touch.
            for piece in plan.rollup {
                XCTAssertTrue(piece.lowerBound % 60 == 0 && piece.upperBound % 60 == 0, "\(piece)")
                XCTAssertFalse(stale.contains { $0.overlaps(piece) }, "\(range) \(stale): \(plan)")
            }
        }
    }
}
