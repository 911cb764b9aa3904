import Foundation
import LocalServers
import Metrics
import TermDashTestSupport
import XCTest

/// Counters and money summed across buckets are never a wrapped figure: a sum or difference that does not fit in
/// 64 bits is reported, and `+` stops the program on it, as Money's `+` does.
final class RollupCountsTests: XCTestCase {
    /// Set in the child process `testASumPastInt64MaxStopsTheProcess` starts: there the test sums and must not return.
    private static let childKey = "TERMDASH_ROLLUP_OVERFLOW_CHILD"

    /// Every counter, near both ends of Int64 and in between: the sum, the difference and their overflow flags are
    /// Int64's own, counter by counter.
    func testSumsAndDifferencesReportOverflowAsInt64Does() {
        var random = seededRandom()
        let edges: [Int64] = [.max, .max - 1, .min, .min + 1, 0, 1, -1, .max / 2 + 1, .min / 2 - 1]
        var overflows = (sums: 0, differences: 0)
        for _ in 0..<2_000 {
            let values = (0..<2).map { _ in
                Counter.allCases.map { _ in
                    Bool.random(using: &random) ? edges.randomElement(using: &random)!
                        : Int64.random(in: .min ... .max, using: &random)
                }
            }
            let (lhs, rhs) = (RollupCounts(values[0]), RollupCounts(values[1]))
            let sum = lhs.addingReportingOverflow(rhs)
            let difference = lhs.subtractingReportingOverflow(rhs)
            let expectedSums = zip(values[0], values[1]).map { $0.addingReportingOverflow($1) }
            let expectedDifferences = zip(values[0], values[1]).map { $0.subtractingReportingOverflow($1) }
            XCTAssertEqual(sum.partialValue.values, expectedSums.map(\.partialValue))
            XCTAssertEqual(sum.overflow, expectedSums.contains { $0.overflow }, "\(values)")
            XCTAssertEqual(difference.partialValue.values, expectedDifferences.map(\.partialValue))
            XCTAssertEqual(difference.overflow, expectedDifferences.contains { $0.overflow }, "\(values)")
            if sum.overflow { overflows.sums += 1 }
            if difference.overflow { overflows.differences += 1 }
            if !sum.overflow { XCTAssertEqual(lhs + rhs, sum.partialValue) }
            if !difference.overflow { XCTAssertEqual(lhs - rhs, difference.partialValue) }
        }
        XCTAssertGreaterThan(overflows.sums, 100, "the sample wraps often enough to test the flag")
        XCTAssertGreaterThan(overflows.differences, 100)
        // One counter alone past the edge, every other zero: the flag is that counter's.
        for counter in Counter.allCases {
            var top = RollupCounts()
            top[counter] = .max
            var one = RollupCounts()
            one[counter] = 1
            XCTAssertTrue(top.addingReportingOverflow(one).overflow, "\(counter)")
            XCTAssertFalse(top.addingReportingOverflow(RollupCounts()).overflow, "\(counter)")
            let bottom = RollupCounts() - top - one
            XCTAssertEqual(bottom[counter], .min)
            XCTAssertTrue(bottom.subtractingReportingOverflow(one).overflow, "\(counter)")
            XCTAssertFalse((bottom + one).subtractingReportingOverflow(one).overflow, "\(counter)")
        }
    }

    /// Three buckets each charged just over a third of Int64.max: summed with `+`, the process stops (the trap of a
    /// failed precondition) and no figure comes out. Run as a child of this very test, which must die of the trap.
    func testASumPastInt64MaxStopsTheProcess() throws {
        var bucket = RollupCounts()
        bucket.attempts = 1
        bucket.sellMicros = Int64.max / 3 + 1
        if ProcessInfo.processInfo.environment[Self.childKey] != nil {
            let total = [bucket, bucket, bucket].reduce(.zero, +)
            print("total sell micros: \(total.sellMicros)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("td-overflow-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (out, err) = (folder.appendingPathComponent("out").path, folder.appendingPathComponent("err").path)
        var environment = ProcessInfo.processInfo.environment
        environment[Self.childKey] = "1"
        // No symbolicated backtrace of the trap: it takes seconds on a debug build.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        let bundle = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let pid = try LocalServers.spawn(bundle, ["MetricsTests.RollupCountsTests/testASumPastInt64MaxStopsTheProcess"],
                                         log: out, errors: err, environment: environment)
        let status = LocalServers.wait(pid)
        let printed = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        let said = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
        // A trap ends the process with SIGILL (x86-64) or SIGTRAP (arm64).
        XCTAssertTrue([128 + SIGILL, 128 + SIGTRAP].contains(status), "status \(status)\n\(printed)\n\(said)")
        XCTAssertFalse(printed.contains("total sell micros"), printed)
        // Unbuffered, so written before the trap: the child reached the sum and stopped there.
        XCTAssertTrue(said.contains("a sum of call counters or money does not fit in 64 bits"), said)
        // The wrapped figure it would have shown, computed here: negative.
        let wrapped = (bucket.sellMicros &+ bucket.sellMicros) &+ bucket.sellMicros
        XCTAssertLessThan(wrapped, 0)
        XCTAssertFalse(printed.contains(String(wrapped)), printed)
    }
}
