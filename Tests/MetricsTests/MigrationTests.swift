import GRDB
import XCTest
@testable import Metrics

final class MigrationTests: XCTestCase {
    func testFreshStoreHasEveryTableAndIsInWALMode() throws {
        let temporary = try TemporaryStore()
        let tables = try temporary.store.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for table in ["cdrs", "calls_in_progress", "customers", "carriers", "dids", "rate_cards", "rates",
                      "registrations", "registration_samples", "rollup_minute", "rollup_hour", "rollup_day",
                      "rollup_month", "attempts_per_second", "channel_seconds_per_minute"] {
            XCTAssertTrue(tables.contains(table), "missing table \(table)")
        }
        let mode = try temporary.store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        XCTAssertEqual(mode, "wal")
        XCTAssertEqual(try temporary.store.schemaVersion(), ["v1 accounts, rating, cdrs, live state, rollups"])
    }

    func testReopeningKeepsDataAndAppliesNothingTwice() throws {
        let temporary = try TemporaryStore()
        try temporary.store.write { db in
            try Accounts.addCarrier(name: "Telia", channelsConfigured: 30, rateCardID: nil, in: db)
        }
        let reopened = try Store(path: temporary.store.path)
        XCTAssertEqual(try reopened.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM carriers") }, 1)
        XCTAssertEqual(try reopened.schemaVersion().count, 1)
    }

    func testReadOnlyOpenOfAMissingStoreSaysWhatToDo() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID()).db").path
        XCTAssertThrowsError(try Store(path: path, readOnly: true)) { error in
            XCTAssertEqual(error as? StoreError, .missing(path: path))
            XCTAssertTrue("\(error)".contains("termdash simulate --db"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "a read-only open must not create the file")
    }

    func testReadOnlyOpenOfAnUnmigratedStoreIsRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("td-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("old.db").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "CREATE TABLE unrelated (x)") }
        try queue.close()
        XCTAssertThrowsError(try Store(path: path, readOnly: true)) { error in
            guard case .outdatedSchema = error as? StoreError else { return XCTFail("got \(error)") }
        }
        // Opened read-write, the same file is migrated and then reads fine.
        _ = try Store(path: path)
        XCTAssertNoThrow(try Store(path: path, readOnly: true))
    }

    func testSchemaRejectsImpossibleRows() throws {
        let temporary = try TemporaryStore()
        XCTAssertThrowsError(try temporary.store.write { db in
            try CDRWriter.insert([.make(key: "a", start: 100, end: 50)], in: db)
        }, "end before start must be refused")
        XCTAssertThrowsError(try temporary.store.write { db in
            try Accounts.addRateCard(name: "x", direction: .sell, rates: [Rate(prefix: "4a", perMinute: Money(micros: 1))], in: db)
        }, "a prefix must be digits")
    }
}
