import Foundation
import XCTest
@testable import Metrics
import TermDashTestSupport

/// The engine reaches the store only through `StoreReader`: any conformance serves it, and a snapshot is one read.
final class StoreBoundaryTests: XCTestCase {
    /// A reader that forwards to the SQLite store and counts the reads.
    private final class CountingReader: StoreReader, @unchecked Sendable {
        let base: SQLiteStore
        private let lock = NSLock()
        private var count = 0

        init(_ base: SQLiteStore) { self.base = base }

        var reads: Int { lock.withLock { count } }
        var location: String { "counting+" + base.location }

        func read<T>(_ body: (any StoreReadSession) throws -> T) throws -> T {
            lock.withLock { count += 1 }
            return try base.read(body)
        }
    }

    func testEverySnapshotPaneComesFromOneReadAndTheStoreNamesItself() throws {
        let temporary = try TemporaryStore()
        let now: Int64 = 1_700_000_000
        try temporary.store.write { db in
            try Accounts.addCarrier(name: "Telia", channelsConfigured: 30, rateCardID: nil, in: db)
            try Accounts.addCustomer(.init(accountCode: "C1", name: "Alpha", channelsConfigured: 5, rateCardID: nil),
                                     createdAt: 0, in: db)
            try CDRWriter.insert([.make(key: "a", start: now - 100, answerAfter: 5, end: now - 10)], in: db)
        }
        let reader = CountingReader(temporary.store)
        let engine = MetricsEngine(store: reader)
        var request = SnapshotRequest(history: .oneHour)
        request.excludedCarriers = [1]
        let snapshot = try engine.dashboard(at: now, request: request)
        XCTAssertEqual(reader.reads, 1, "history, quality, channels, checklist and balance share one transaction")
        XCTAssertEqual(snapshot.storePath, "counting+" + temporary.store.path)
        XCTAssertNotNil(snapshot.history)
        XCTAssertNotNil(snapshot.quality)
        XCTAssertNotNil(snapshot.qualityHistory)
        XCTAssertNotNil(snapshot.channelTables)
        XCTAssertNotNil(snapshot.checklist)
        XCTAssertNotNil(snapshot.balance)
        // The same figures as the SQLite store read directly.
        XCTAssertEqual(snapshot.history, try MetricsEngine(store: temporary.store).history(.oneHour, at: now))
        XCTAssertEqual(snapshot.quality?.total().attempts, 1)
    }
}
