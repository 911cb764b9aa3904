import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

final class MigrationTests: XCTestCase {
    func testFreshStoreHasEveryTableAndIsInWALMode() throws {
        let temporary = try TemporaryStore()
        let tables = try temporary.store.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for table in ["cdrs", "calls_in_progress", "customers", "carriers", "dids", "rate_cards", "rates",
                      "registrations", "registration_samples", "rollup_carrier_minute", "rollup_carrier_hour",
                      "rollup_carrier_day", "rollup_carrier_month", "rollup_customer_hour", "rollup_customer_day",
                      "rollup_customer_month", "rollup_customer_carrier_hour", "attempts_per_second",
                      "channel_seconds_per_minute", "rollup_network_minute", "rollup_network_hour", "rollup_network_second", "live_calls_by_start",
                      "live_calls_by_group", "billing_profiles", "billing_taxes", "invoice_series", "invoices",
                      "invoice_lines", "invoice_cdrs", "payments", "help_tickets", "feeds", "number_blocks",
                      "portal_users", "profile_changes", "verification_codes", "recovery_codes"] {
            XCTAssertTrue(tables.contains(table), "missing table \(table)")
        }
        let mode = try temporary.store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        XCTAssertEqual(mode, "wal")
        XCTAssertEqual(try temporary.store.schemaVersion(),
                       ["v1 accounts, rating, cdrs, live state, rollups", "v2 rollups by carrier and by customer",
                        "v3 covering index for the live-channels window",
                        "v4 CDR files, rejected rows, accounts first seen in a file",
                        "v5 network rollups by minute and hour", "v6 integer row keys, unique with the start time",
                        "v7 a ledger entry per import run: copies noted, the importing process recorded",
                        "v8 network rollup by second; calls in progress counted by group and start",
                        "v9 invoices, payments and customer billing profiles", "v10 help tickets", "v11 feed cursors",
                        "v12 custom pages",
                        "v13 number blocks, portal users, profile changes, verification and recovery codes"])
        XCTAssertFalse(tables.contains("rollup_hour"), "v2 replaced the crossed v1 rollups")
    }

    func testReopeningKeepsDataAndAppliesNothingTwice() throws {
        let temporary = try TemporaryStore()
        try temporary.store.write { db in
            try Accounts.addCarrier(name: "Telia", channelsConfigured: 30, rateCardID: nil, in: db)
        }
        let reopened = try SQLiteStore(path: temporary.store.path)
        XCTAssertEqual(try reopened.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM carriers") }, 1)
        XCTAssertEqual(try reopened.schemaVersion().count, 13)
    }

    func testReadOnlyOpenOfAMissingStoreSaysWhatToDo() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID()).db").path
        XCTAssertThrowsError(try SQLiteStore(path: path, readOnly: true)) { error in
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
        XCTAssertThrowsError(try SQLiteStore(path: path, readOnly: true)) { error in
            guard case .outdatedSchema = error as? StoreError else { return XCTFail("got \(error)") }
        }
        // Opened read-write, the same file is migrated and then reads fine.
        _ = try SQLiteStore(path: path)
        XCTAssertNoThrow(try SQLiteStore(path: path, readOnly: true))
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

extension MigrationTests {
    /// A store written under v1 keeps its CDRs and gets v2 rollups that count them.
    func testUpgradingAV1StoreRebuildsItsRollups() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("td-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("v1.db").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v1 accounts, rating, cdrs, live state, rollups")
        // Recent calls, so that retention keeps their hour rows.
        let hour = TimeBucket.hour.start(of: Int64(Date().timeIntervalSince1970)) - 7_200
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO cdrs (source, row_key, start_at, answer_at, end_at, duration, billsec, disposition)
                VALUES ('old', 'a', ?, ?, ?, 65, 60, 'answered'), ('old', 'b', ?, NULL, ?, 10, 0, 'busy')
                """, arguments: [hour, hour + 5, hour + 65, hour + 3_700, hour + 3_710])
        }
        try queue.close()
        let store = try SQLiteStore(path: path)
        let figures = try MetricsEngine(store: store).figures(from: hour, to: hour + 7_200, at: hour + 7_200)
        XCTAssertEqual(figures[0]?.attempts, 2)
        XCTAssertEqual(figures[0]?.answered, 1)
        XCTAssertEqual(figures[0]?.counts.billsec, 60)
        let hours = try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM rollup_carrier_hour") }
        XCTAssertEqual(hours, 2)
    }

    /// v6 turns text row keys into integer ones and keeps every row and its id, also when two keys' 64-bit halves
    /// collide in the same second (forced here with a key function that gives every text the same half): those
    /// rows take the next keys of their probe sequence, and writing the same CDRs again adds nothing.
    func testV6KeepsEveryRowWhenKeysCollide() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("td-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let queue = try DatabaseQueue(path: directory.appendingPathComponent("v5.db").path)
        try Schema.migrator.migrate(queue, upTo: "v5 network rollups by minute and hour")
        let rows: [(text: String, start: Int64)] = [("a", 100), ("b", 100), ("c", 100), ("d", 160), ("e", 100)]
        try queue.write { db in
            for (index, row) in rows.enumerated() {
                try db.execute(sql: """
                    INSERT INTO cdrs (id, source, row_key, start_at, answer_at, end_at, duration, billsec, disposition)
                    VALUES (?, 'old', ?, ?, NULL, ?, 5, 0, 'busy')
                    """, arguments: [10 * (index + 1), row.text, row.start, row.start + 5])
            }
        }
        let collide: @Sendable (String) -> RowKey = { RowKey(key: 42, check: RowKey($0).check) }
        // Every migration, as a store is opened: the upkeep's code writes today's tables.
        try Schema.migrator.migrate(queue)
        try queue.write { try StoreUpkeep.run(in: $0, at: 0, rowKey: collide) }
        let stored = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT id, start_at, row_key, row_check FROM cdrs ORDER BY id")
        }
        XCTAssertEqual(stored.map { $0[0] as Int64 }, [10, 20, 30, 40, 50])
        XCTAssertEqual(stored.map { $0[2] as Int64 }, [42, 43, 44, 42, 45])
        XCTAssertEqual(stored.map { $0[3] as Int64 }, rows.map { RowKey($0.text).check })
        let again = rows.map { row in
            var record = CallRecord.make(key: "", start: row.start, end: row.start + 5, disposition: .busy)
            record.rowKey = collide(row.text)
            return record
        }
        XCTAssertEqual(try queue.write { try CDRWriter.insert(again, in: $0) }, 0)
        let indexes = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cdrs' ORDER BY name")
        }
        XCTAssertEqual(indexes, ["cdrs_by_end_start", "cdrs_by_start_key"])
    }

    /// v7 keeps every file entry: one left `processing` by a process that ended (no owner recorded before v7) reads
    /// `interrupted` and is retried in place, and a content imported before can have more entries.
    func testV7KeepsTheFilesAndTellsALeftOverProcessingOneInterrupted() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("td-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("v6.db").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v6 integer row keys, unique with the start time")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO cdr_files (id, source, path, name, size, content_hash, status, rows_read, rows_accepted,
                    rows_new, discovered_at, started_at, finished_at)
                VALUES (1, 'pbx', '/a.csv', 'a.csv', 9, 'done', 'success', 3, 3, 3, 1, 1, 2),
                       (2, 'pbx', '/b.csv', 'b.csv', 9, 'killed', 'processing', 0, 0, 0, 3, 3, NULL)
                """)
        }
        try queue.close()
        let store = try SQLiteStore(path: path)
        XCTAssertEqual(try store.fileEntries().map(\.status), [.interrupted, .success])
        let done = try XCTUnwrap(try store.fileEntry(source: "pbx", contentHash: "done"))
        XCTAssertEqual([done.rowsRead, done.rowsNew], [3, 3])
        XCTAssertEqual(try store.recordCopy(of: done, path: "/c.csv", name: "c.csv", size: 9, at: 5).id, 3)
        let retry = try store.beginFile(source: "pbx", path: "/b.csv", name: "b.csv", size: 9, contentHash: "killed", at: 6)
        XCTAssertEqual(retry.id, 2)
        XCTAssertEqual(retry.retried?.status, .interrupted)
        XCTAssertNil(retry.retried?.owner)
    }

    /// v8 creates the per-second network rollup empty and queues a rebuild, which fills it from the CDRs already
    /// stored as incremental writes would have; it counts the calls already in progress.
    func testV8FillsTheSecondsOfCDRsStoredBefore() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("td-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let queue = try DatabaseQueue(path: directory.appendingPathComponent("v6.db").path)
        try Schema.migrator.migrate(queue, upTo: "v6 integer row keys, unique with the start time")
        let now: Int64 = 1_763_683_200
        try queue.write { db in
            for (index, start) in [now - 100, now - 100, now - 40].enumerated() {
                try db.execute(sql: """
                    INSERT INTO cdrs (source, row_key, row_check, start_at, answer_at, end_at, duration, billsec,
                        disposition, sell_micros)
                    VALUES ('old', ?, 0, ?, ?, ?, 30, 25, 'answered', 700)
                    """, arguments: [index, start, start + 5, start + 30])
            }
            try db.execute(sql: "INSERT INTO calls_in_progress (call_key, source, start_at) VALUES ('a', 's', ?), ('b', 's', ?)",
                           arguments: [now - 5, now - 5])
        }
        try Schema.migrator.migrate(queue)
        try queue.write { try StoreUpkeep.run(in: $0, at: now) }
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT bucket, attempts, answered, billsec, sell_micros, ended FROM rollup_network_second ORDER BY 1")
                .map { row in (0..<6).map { row[$0] as Int64 } }
        }
        XCTAssertEqual(rows, [[now - 100, 2, 2, 50, 1_400, 0], [now - 70, 0, 0, 0, 0, 2], [now - 40, 1, 1, 25, 700, 0],
                              [now - 10, 0, 0, 0, 0, 1]])
        let live = try queue.read { db in
            (try Row.fetchAll(db, sql: "SELECT second, calls FROM live_calls_by_start").map { [$0[0] as Int64, $0[1]] },
             try Row.fetchAll(db, sql: "SELECT dimension, calls FROM live_calls_by_group ORDER BY 1").map { "\($0[0] as String) \($0[1] as Int)" })
        }
        XCTAssertEqual(live.0, [[now - 5, 2]], "the calls in progress before the migration are counted")
        XCTAssertEqual(live.1, ["carrier 2", "customer 2", "did 2"])
    }

    /// The v6 table refuses what v1 refused.
    func testV6ChecksTheDisposition() throws {
        let temporary = try TemporaryStore()
        XCTAssertThrowsError(try temporary.store.write { db in
            try db.execute(sql: """
                INSERT INTO cdrs (source, row_key, row_check, start_at, end_at, duration, billsec, disposition)
                VALUES ('x', 1, 1, 0, 0, 0, 0, 'maybe')
                """)
        })
        for disposition in Disposition.allCases {
            XCTAssertNoThrow(try temporary.store.write { db in
                try CDRWriter.insert([.make(key: disposition.rawValue, start: 0, end: 0, disposition: disposition)], in: db)
            })
        }
    }
}
