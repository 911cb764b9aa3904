import Foundation
import Metrics
import XCTest

extension XCTestCase {
    /// A generator for randomized tests whose seed is printed when the test fails, so that a failure found once
    /// can be replayed: `TERMDASH_TEST_SEED=<seed> swift test --filter <test>`.
    public func seededRandom() -> RandomSource {
        let seed = ProcessInfo.processInfo.environment["TERMDASH_TEST_SEED"].flatMap(UInt64.init)
            ?? UInt64.random(in: 0...UInt64.max)
        addTeardownBlock { [weak self] in
            if let run = self?.testRun, run.failureCount + run.unexpectedExceptionCount > 0 {
                print("\(self?.name ?? "test"): reproduce with TERMDASH_TEST_SEED=\(seed)")
            }
        }
        return RandomSource(seed: seed)
    }

    /// Random CDRs starting in [now - spread, now) and ending by `now`: answered or not, some "ANSWERED" with
    /// billsec 0, DTMF known or not, rated or not, on carriers 1...carriers or none.
    public func randomRecords(_ count: Int, endingAt now: Int64, spread: Int64, carriers: Int64, customers: Int64 = 0,
                       prefix: String = "r", using random: inout RandomSource) -> [CallRecord] {
        (0..<count).map { index in
            // Seconds cluster on multiples of 3 so that busy seconds (peaks above 1) happen.
            let start = now - 1 - Int64.random(in: 0..<spread, using: &random) / 3 * 3
            let answered = Int.random(in: 0..<5, using: &random) < 3
            let ring = Int64.random(in: 0...20, using: &random)
            let talk = Int.random(in: 0..<10, using: &random) == 0 ? 0 : Int64.random(in: 1...900, using: &random)
            let end = min(now, start + ring + (answered ? talk : 0))
            return .make(
                key: "\(prefix)\(index)", start: start, answerAfter: answered ? min(ring, end - start) : nil, end: end,
                billsec: answered ? Int(max(0, end - start - ring)) : 0,
                disposition: answered ? .answered : [.busy, .noAnswer, .failed, .congestion].randomElement(using: &random)!,
                customer: customers > 0 && Bool.random(using: &random) ? Int64.random(in: 1...customers, using: &random) : nil,
                carrier: Int.random(in: 0..<8, using: &random) == 0 ? nil : Int64.random(in: 1...carriers, using: &random),
                dtmf: Bool.random(using: &random) ? Int.random(in: 0...3, using: &random) : nil,
                sell: Int.random(in: 0..<10, using: &random) == 0 ? nil : Int64.random(in: 0...2_000_000, using: &random),
                buy: Int.random(in: 0..<10, using: &random) == 0 ? nil : Int64.random(in: 0...1_500_000, using: &random))
        }
    }

    /// Writes `records` in batches of random sizes, so that one second's calls land in several transactions.
    public func writeInBatches(_ records: [CallRecord], to store: any StoreSink, using random: inout RandomSource) throws {
        var rest = records[...]
        while !rest.isEmpty {
            let size = Int.random(in: 1...max(1, records.count / 5), using: &random)
            let batch = Array(rest.prefix(size))
            rest = rest.dropFirst(size)
            try store.write { try $0.insertCDRs(batch) }
        }
    }
}
