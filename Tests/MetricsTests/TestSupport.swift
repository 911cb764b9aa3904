import Foundation
import GRDB
@testable import Metrics

/// A store in a fresh temporary directory, removed when the test ends.
final class TemporaryStore {
    let directory: URL
    let store: Store

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("termdash-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try Store(path: directory.appendingPathComponent("test.db").path)
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
            source: "test", rowKey: key, startAt: start, answerAt: answerAt, endAt: end, duration: Int(end - start),
            billsec: billsec ?? answerAt.map { Int(end - $0) } ?? 0, disposition: disposition, customerID: customer,
            carrierID: carrier, didID: did, dtmfDigits: dtmf, sell: sell.map { Money(micros: $0) }, buy: buy.map { Money(micros: $0) })
    }
}
