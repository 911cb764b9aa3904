import XCTest
@testable import Metrics
import TermDashTestSupport

final class SumsByIDTests: XCTestCase {
    /// Small ids in the array, large and negative ones in the dictionary: the same sums either way.
    func testSumsMatchADictionary() {
        var random = seededRandom()
        var sums = SumsByID<Int>()
        var expected: [Int64: Int] = [:]
        for _ in 0..<5_000 {
            let id: Int64 = [Int64.random(in: 0...50, using: &random), Int64.random(in: 8_000...8_400, using: &random),
                             Int64.random(in: -3...(-1), using: &random), 1 << 40].randomElement(using: &random)!
            let amount = Int.random(in: -5...20, using: &random)
            sums[id] += amount
            expected[id, default: 0] += amount
        }
        XCTAssertEqual(sums.dictionary, expected)
        XCTAssertEqual(sums[123_456], 0, "never written: zero")
        XCTAssertNil(sums.dictionary[123_456], "and not listed")
        var counts = SumsByID<RollupCounts>()
        var one = RollupCounts()
        one.attempts = 2
        one.sellMicros = -7
        counts[0] += one
        counts[0] += one
        XCTAssertEqual(counts.dictionary[0]?.attempts, 4)
        XCTAssertEqual(counts.dictionary[0]?.sellMicros, -14)
    }
}
