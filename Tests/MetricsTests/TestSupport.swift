import Foundation
import GRDB
import XCTest
@testable import Metrics

/// A store in a fresh temporary directory, removed when the test ends.
final class TemporaryStore {
    let directory: URL
    let store: SQLiteStore

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("termdash-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteStore(path: directory.appendingPathComponent("test.db").path)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

extension CallRecord {
    /// A record with only the fields a test cares about.
    static func make(
        key: String, start: Int64, answerAfter: Int64? = nil, end: Int64, billsec: Int? = nil,
        disposition: Disposition = .answered, customer: Int64? = nil, carrier: Int64? = nil, did: Int64? = nil,
        dtmf: Int? = nil,
        sell: Int64? = 0, buy: Int64? = 0
    ) -> CallRecord {
        let answerAt = answerAfter.map { start + $0 }
        return CallRecord(
            source: "test", rowKey: RowKey(key), startAt: start, answerAt: answerAt, endAt: end, duration: Int(end - start),
            billsec: billsec ?? answerAt.map { Int(end - $0) } ?? 0, disposition: disposition, customerID: customer,
            carrierID: carrier, didID: did, dtmfDigits: dtmf, sell: sell.map { Money(micros: $0) }, buy: buy.map { Money(micros: $0) })
    }
}

extension XCTestCase {
    /// A generator for randomized tests whose seed is printed when the test fails, so that a failure found once
    /// can be replayed: `TERMDASH_TEST_SEED=<seed> swift test --filter <test>`.
    func seededRandom() -> RandomSource {
        let seed = ProcessInfo.processInfo.environment["TERMDASH_TEST_SEED"].flatMap(UInt64.init)
            ?? UInt64.random(in: 0...UInt64.max)
        addTeardownBlock { [weak self] in
            if let run = self?.testRun, run.failureCount + run.unexpectedExceptionCount > 0 {
                print("\(self?.name ?? "test"): reproduce with TERMDASH_TEST_SEED=\(seed)")
            }
        }
        return RandomSource(seed: seed)
    }
}
