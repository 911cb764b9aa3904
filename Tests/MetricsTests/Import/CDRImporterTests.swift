import Foundation
import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

/// The import pipeline: files recorded, bad rows kept with their reason, good rows rated and counted into the
/// rollups, and nothing counted twice however files are re-imported. Expected figures are computed here from the
/// generated rows, independently of the engine.
final class CDRImporterTests: XCTestCase {
    private let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/cdr-samples")

    /// One generated Asterisk row and what it should count as.
    struct GeneratedRow {
        var customer: String
        var carrier: String
        var dst: String
        var start: Int64
        var answered: Bool
        var billsec: Int
        var disposition: String

        var text: String {
            let time = { (seconds: Int64) -> String in
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "en_US_POSIX")
                formatter.timeZone = TimeZone(identifier: "UTC")
                formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
                return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            }
            let answer = answered ? time(start + 3) : ""
            let end = start + 3 + Int64(billsec)
            return [
                "\"\(customer)\"", "\"100\"", "\"\(dst)\"", "\"ctx\"", "\"\"\"Caller\"\" <100>\"", "\"SIP/in-00000001\"",
                "\"SIP/\(carrier)-0000a1b\(billsec % 10)\"", "\"Dial\"", "\"SIP/\(carrier)/\(dst),60\"", "\"\(time(start))\"",
                answer.isEmpty ? "" : "\"\(answer)\"", "\"\(time(end))\"", "\(end - start)", "\(billsec)", "\"\(disposition)\"",
                "\"DOCUMENTATION\"", "\"\(start).7\"", "\"\"",
            ].joined(separator: ",")
        }
    }

    private func generatedRows(_ count: Int, random: inout RandomSource) -> [GeneratedRow] {
        (0..<count).map { index in
            let answered = random.next() % 3 != 0
            return GeneratedRow(
                customer: "acct\(random.next() % 4)", carrier: "carrier\(["A", "B", "C"][Int(random.next() % 3)])",
                dst: ["4412345678", "+4179123456", "0049301234", "999123"][Int(random.next() % 4)],
                start: 1_763_700_000 + Int64(index) * 7, answered: answered,
                billsec: answered ? Int(1 + random.next() % 300) : 0,
                disposition: answered ? "ANSWERED" : ["NO ANSWER", "BUSY", "FAILED"][Int(random.next() % 3)])
        }
    }

    private func write(_ lines: [String], in temporary: TemporaryStore, name: String = "Master.csv") throws -> String {
        let path = temporary.directory.appendingPathComponent(name).path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func count(_ sql: String, _ store: SQLiteStore) throws -> Int {
        try store.read { try Int.fetchOne($0, sql: sql) ?? 0 }
    }

    func testTheGoodSampleImportsOnceAndIsRecorded() throws {
        let url = samples.appendingPathComponent("asterisk-18col-good.csv")
        try XCTSkipUnless(FileManager.default.fileExists(atPath: url.path), "shared/cdr-samples is not beside the checkout")
        let temporary = try TemporaryStore()
        let importer = CDRImporter(store: temporary.store)
        let first = try importer.importFile(at: url.path, source: ImportSource(name: "pbx"))
        XCTAssertEqual([first.read, first.accepted, first.rejected, first.new], [5, 5, 0, 5])
        XCTAssertEqual(first.status, .success)
        XCTAssertEqual(first.format, "asterisk")
        XCTAssertEqual(try count("SELECT COUNT(*) FROM cdrs", temporary.store), 5)
        // All five rows share a uniqueid: it is kept as the leg id, not used as the key.
        XCTAssertEqual(try count("SELECT COUNT(DISTINCT leg_id) FROM cdrs", temporary.store), 1)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM cdrs WHERE answer_at IS NOT NULL AND billsec > 0", temporary.store), 2)

        let entry = try temporary.store.fileEntry(id: first.fileID!)
        XCTAssertEqual(entry?.name, "asterisk-18col-good.csv")
        XCTAssertEqual(entry?.size, 990)
        XCTAssertEqual(entry?.status, .success)
        XCTAssertEqual(entry?.contentHash, ContentHash(of: Array(try Data(contentsOf: url))).description)
        XCTAssertEqual([entry?.rowsRead, entry?.rowsAccepted, entry?.rowsRejected], [5, 5, 0])
        XCTAssertNotNil(entry?.finishedAt)

        let again = try importer.importFile(at: url.path, source: ImportSource(name: "pbx"))
        XCTAssertTrue(again.alreadyImported)
        XCTAssertEqual(again.new, 0)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM cdrs", temporary.store), 5)
        XCTAssertEqual(again.original?.id, first.fileID)
        // The run is recorded: an entry of its own that added nothing, a duplicate of the first.
        XCTAssertEqual(try count("SELECT COUNT(*) FROM cdr_files", temporary.store), 2)
        let rerun = try XCTUnwrap(try temporary.store.fileEntry(id: try XCTUnwrap(again.fileID)))
        XCTAssertEqual([rerun.rowsRead, rerun.rowsAccepted, rerun.rowsNew], [5, 5, 0])
        XCTAssertEqual(rerun.duplicateOf, first.fileID)
    }

    /// An import reading its file 64 bytes at a time (every row cut somewhere, quoted caller names with commas,
    /// CRLF line ends, a quote that never closes, bad rows) stores and reports what one reading it whole does.
    func testAFileReadInSmallWindowsImportsAsOneReadWhole() throws {
        var random = seededRandom()
        var lines = generatedRows(400, random: &random).map(\.text)
        lines[17] = lines[17].replacingOccurrences(of: ",\"Dial\",", with: ",\"Dial,\r\nQueue\",")
        lines[88] = "\"acct0\",\"100\",\"44"
        lines[201] = lines[201].replacingOccurrences(of: "DOCUMENTATION", with: "DOC\"UMENTATION")
        var results: [(report: String, rows: [String])] = []
        for window in [64, 8 << 20] {
            let temporary = try TemporaryStore()
            let path = temporary.directory.appendingPathComponent("Master.csv").path
            try Data((lines.joined(separator: "\r\n") + "\r\n").utf8).write(to: URL(fileURLWithPath: path))
            var importer = CDRImporter(store: temporary.store)
            importer.windowBytes = window
            let report = try importer.importFile(at: path, source: ImportSource(name: "pbx"), now: 1)
            let rejects = try temporary.store.rejects(ofFile: try XCTUnwrap(report.fileID)).map { "\($0.line) \($0.reason)" }
            let rows = try temporary.store.read { db in
                try String.fetchAll(db, sql: "SELECT start_at || ' ' || billsec || ' ' || disposition || ' ' || dst FROM cdrs ORDER BY start_at, id")
            }
            results.append(("\(report.read) \(report.accepted) \(report.rejected) \(report.new) \(rejects)", rows))
        }
        XCTAssertEqual(results[0].report, results[1].report)
        XCTAssertEqual(results[0].rows, results[1].rows)
        // The unclosed quote of line 89 closes on line 90: one record of two lines, rejected.
        XCTAssertTrue(results[1].report.hasPrefix("399 398 1 398 [\"90 start"), results[1].report)
    }

    func testBadRowsAreKeptWithReasonsAndGoodRowsAreRatedAndCounted() throws {
        var random = seededRandom()
        let temporary = try TemporaryStore()
        // acct0 and acct1 exist on a card of 1.20/min billed 60/60 for "44" and 0.60/min 1/1 for "4179"; the
        // carriers' buy card charges 0.30/min 1/1 on "44" only. acct2 and acct3 are new to the store.
        let store = temporary.store
        let sell = try store.addRateCard(name: "retail", direction: .sell, rates: [
            Rate(prefix: "44", perMinute: Money(micros: 1_200_000)),
            Rate(prefix: "4179", perMinute: Money(micros: 600_000), initialSeconds: 1, incrementSeconds: 1),
        ])
        let buy = try store.addRateCard(name: "wholesale", direction: .buy, rates: [
            Rate(prefix: "44", perMinute: Money(micros: 300_000), initialSeconds: 1, incrementSeconds: 1),
        ])
        for code in ["acct0", "acct1"] {
            try store.addCustomer(.init(accountCode: code, name: code, channelsConfigured: 10, rateCardID: sell), createdAt: 0)
        }
        for name in ["carrierA", "carrierB"] {
            try store.addCarrier(name: name, channelsConfigured: 10, rateCardID: buy)
        }
        let rows = generatedRows(300, random: &random)
        var lines = rows.map(\.text)
        // Bad rows at known lines: a billsec that is not a number, too few columns, an end before the start.
        lines[9] = lines[9].replacingOccurrences(of: ",\(rows[9].billsec),", with: ",abc,")
        lines[99] = "\"acct0\",\"100\",\"44\""
        lines[199] = lines[199].replacingOccurrences(of: "\"\(rows[199].start).7\"", with: "\"x\"")
            .replacingOccurrences(of: "\(rows[199].billsec + 3),\(rows[199].billsec)", with: "-5,\(rows[199].billsec)")
        let path = try write(lines, in: temporary)

        let report = try CDRImporter(store: temporary.store).importFile(at: path, source: ImportSource(name: "pbx"))
        XCTAssertEqual(report.read, 300)
        XCTAssertEqual(report.rejected, 3)
        XCTAssertEqual(report.accepted + report.rejected, report.read)
        XCTAssertEqual(report.status, .success)
        let rejects = try temporary.store.rejects(ofFile: report.fileID!)
        XCTAssertEqual(rejects.map(\.line), [10, 100, 200])
        XCTAssertTrue(rejects[0].reason.contains("billsec \"abc\""), rejects[0].reason)
        XCTAssertTrue(rejects[1].reason.contains("3 columns"), rejects[1].reason)
        XCTAssertEqual(rejects[1].raw, lines[99])
        XCTAssertEqual(report.firstError, "line 10: \(rejects[0].reason)")

        // Brute force over the good rows.
        let good = rows.enumerated().filter { ![9, 99, 199].contains($0.offset) }.map(\.element)
        func sellMicros(_ row: GeneratedRow) -> Int64? {
            guard ["acct0", "acct1"].contains(row.customer) else { return nil }  // new customers have no card
            if row.dst.hasPrefix("+4179") { return row.answered ? Int64(row.billsec) * 600_000 / 60 : 0 }
            if row.dst.hasPrefix("44") {
                let minutes = Int64((row.billsec + 59) / 60)
                return row.answered ? minutes * 1_200_000 : 0
            }
            return nil
        }
        func buyMicros(_ row: GeneratedRow) -> Int64? {
            guard ["carrierA", "carrierB"].contains(row.carrier), row.dst.hasPrefix("44") else { return nil }
            return row.answered ? (Int64(row.billsec) * 300_000 + 30) / 60 : 0
        }
        let expectedSell = good.compactMap(sellMicros).reduce(0, +)
        let expectedBuy = good.compactMap(buyMicros).reduce(0, +)
        let stored = try temporary.store.read { db in
            try Row.fetchOne(db, sql: """
                SELECT COUNT(*), SUM(sell_micros), SUM(buy_micros), SUM(sell_micros IS NULL), SUM(billsec)
                FROM cdrs
                """)!
        }
        XCTAssertEqual(stored[0] as Int, good.count)
        XCTAssertEqual(stored[1] as Int64, expectedSell)
        XCTAssertEqual(stored[2] as Int64, expectedBuy)
        XCTAssertEqual(stored[3] as Int, good.filter { sellMicros($0) == nil }.count)
        XCTAssertEqual(stored[4] as Int, good.map(\.billsec).reduce(0, +))

        // The rollups, by customer per day, equal the brute-force figures per account code.
        let rollups = try temporary.store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.account_code, SUM(r.attempts), SUM(r.answered), SUM(r.billsec), SUM(r.sell_micros)
                FROM rollup_customer_day r JOIN customers c ON c.id = r.customer_id
                GROUP BY c.account_code ORDER BY c.account_code
                """)
        }
        for row in rollups {
            let code: String = row[0]
            let mine = good.filter { $0.customer == code }
            XCTAssertEqual(row[1] as Int, mine.count, code)
            XCTAssertEqual(row[2] as Int, mine.filter(\.answered).count, code)
            XCTAssertEqual(row[3] as Int, mine.map(\.billsec).reduce(0, +), code)
            XCTAssertEqual(row[4] as Int64, mine.compactMap(sellMicros).reduce(0, +), code)
        }
        XCTAssertEqual(rollups.count, Set(good.map(\.customer)).count)

        // Customers and carriers first seen in the file are created, unverified, and remember the file.
        let created = try temporary.store.read { db in
            try String.fetchAll(db, sql: """
                SELECT account_code FROM customers WHERE profile_verified = 0 AND first_seen_file_id = ?
                ORDER BY account_code
                """, arguments: [report.fileID])
        }
        XCTAssertEqual(created, Array(Set(good.map(\.customer)).subtracting(["acct0", "acct1"])).sorted())
        XCTAssertEqual(report.newCustomers.sorted(), created)
        XCTAssertEqual(report.newCarriers, good.map(\.carrier).contains("carrierC") ? ["carrierC"] : [])
        let carriers = try temporary.store.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT k.name FROM cdrs c JOIN carriers k ON k.id = c.carrier_id ORDER BY 1")
        }
        XCTAssertEqual(carriers, Set(good.map(\.carrier)).sorted(), "the trunk of SIP/carrierA-0000a1b2 is carrierA")
    }

    func testReimportingAGrownFileAddsOnlyItsNewRowsAndRepeatedLinesCountEachTime() throws {
        var random = seededRandom()
        let temporary = try TemporaryStore()
        let rows = generatedRows(40, random: &random)
        // Line 5 appears twice in the file: two identical CDRs (both kept), not one counted twice.
        var lines = rows.prefix(20).map(\.text)
        lines.append(lines[4])
        let path = try write(lines, in: temporary)
        let importer = CDRImporter(store: temporary.store)
        let first = try importer.importFile(at: path, source: ImportSource(name: "pbx"))
        XCTAssertEqual([first.read, first.accepted, first.new], [21, 21, 21])

        // The switch appends to the same file: only the appended rows are new.
        lines += rows.suffix(20).map(\.text)
        _ = try write(lines, in: temporary)
        let second = try importer.importFile(at: path, source: ImportSource(name: "pbx"))
        XCTAssertFalse(second.alreadyImported)
        XCTAssertEqual([second.read, second.accepted, second.rejected, second.new], [41, 41, 0, 20])
        XCTAssertEqual(try count("SELECT COUNT(*) FROM cdrs", temporary.store), 41)
        XCTAssertEqual(try count("SELECT SUM(attempts) FROM rollup_carrier_hour", temporary.store), 41,
                       "rollups count the new rows only")

        // The same rows under another name add nothing either.
        let copy = try write(lines, in: temporary, name: "Master-copy.csv")
        let third = try importer.importFile(at: copy, source: ImportSource(name: "pbx"))
        XCTAssertEqual(third.new, 0)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM cdrs", temporary.store), 41)
    }

    /// A store imported into before v6 kept text row keys; v6 turns them into the keys today's importer computes,
    /// so re-importing (or growing) a file imported before the upgrade adds only its new rows.
    func testAFileImportedBeforeTheV6UpgradeAddsOnlyItsNewRows() throws {
        var random = seededRandom()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("td-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let rows = generatedRows(12, random: &random)
        var lines = rows.prefix(10).map(\.text)
        lines.append(lines[2])
        let dbPath = directory.appendingPathComponent("v5.db").path
        let queue = try DatabaseQueue(path: dbPath)
        try Schema.migrator.migrate(queue, upTo: "v5 network rollups by minute and hour")
        // What the v5 importer stored: key "f:<hash of the line>", "#1" on the line's second copy.
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO cdr_files (id, source, path, name, size, content_hash, status, discovered_at)
                VALUES (1, 'pbx', '/old/Master.csv', 'Master.csv', 1, 'x', 'success', 0)
                """)
            for (index, line) in lines.enumerated() {
                let row = rows[index < 10 ? index : 2]
                let hash = ContentHash(of: Array(line.utf8))
                try db.execute(sql: """
                    INSERT INTO cdrs (source, row_key, start_at, answer_at, end_at, duration, billsec, disposition,
                        file_id, line)
                    VALUES ('pbx', ?, ?, NULL, ?, 3, 0, 'busy', 1, ?)
                    """, arguments: [index < 10 ? "f:\(hash)" : "f:\(hash)#1", row.start, row.start + 3, index + 1])
            }
        }
        try queue.close()
        let store = try SQLiteStore(path: dbPath)
        let path = directory.appendingPathComponent("Master.csv").path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        // v6 remembers the first row of the file imported before it: read in another zone, the file is refused.
        let moved = try CDRImporter(store: store).importFile(
            at: path, source: ImportSource(name: "pbx", zone: TimeZone(identifier: "America/New_York")!))
        XCTAssertEqual(moved.status, .error)
        XCTAssertEqual(moved.firstError?.hasPrefix("line 1 was imported before from Master.csv starting 5 h earlier"), true,
                       moved.firstError ?? "")
        let again = try CDRImporter(store: store).importFile(at: path, source: ImportSource(name: "pbx"))
        XCTAssertEqual([again.read, again.accepted, again.new], [11, 11, 0])
        XCTAssertEqual(try count("SELECT COUNT(*) FROM cdrs", store), 11)

        lines += rows.suffix(2).map(\.text)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let grown = try CDRImporter(store: store).importFile(at: path, source: ImportSource(name: "pbx"))
        XCTAssertEqual([grown.read, grown.accepted, grown.new], [13, 13, 2])
        XCTAssertEqual(try count("SELECT COUNT(*) FROM cdrs", store), 13)
    }

    /// Every aggregate table, in key order.
    private func aggregates(_ store: SQLiteStore) throws -> [String: [[DatabaseValue]]] {
        try store.read { db in
            var tables: [String: [[DatabaseValue]]] = [:]
            for table in RollupTable.all.map(\.name) + NetworkRollup.tableNames
                + ["attempts_per_second", "channel_seconds_per_minute", "rollup_network_second"]
            {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2")
                    .map { Array($0.databaseValues) }
            }
            return tables
        }
    }

    /// The reading thread counts every row before the writing thread knows which are new; rows already stored are
    /// taken back out, and rollups written part-way through a file (here every 10 rollup rows, in batches of 7)
    /// must still add up: the aggregates equal a rebuild from the stored CDRs after a first import, a grown file
    /// (old rows interleaved with new ones and repeated lines) and a copy.
    func testRollupsWrittenInPiecesWithRowsAlreadyStoredEqualARebuild() throws {
        var random = seededRandom()
        let temporary = try TemporaryStore()
        let rows = generatedRows(300, random: &random)
        var lines = rows.prefix(200).map(\.text)
        let path = try write(lines, in: temporary)
        var importer = CDRImporter(store: temporary.store)
        importer.batchSize = 7
        importer.rollupRows = 10
        let first = try importer.importFile(at: path, source: ImportSource(name: "pbx"))
        XCTAssertEqual(first.new, 200)
        for index in 0..<30 { lines.insert(lines[index * 5], at: Int(random.next() % UInt64(lines.count))) }
        lines += rows.suffix(100).map(\.text)
        _ = try write(lines, in: temporary)
        let grown = try importer.importFile(at: path, source: ImportSource(name: "pbx"))
        XCTAssertEqual([grown.read, grown.new], [330, 130])
        let copy = try importer.importFile(at: try write(lines, in: temporary, name: "copy.csv"), source: ImportSource(name: "pbx"))
        XCTAssertEqual(copy.new, 0)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM cdrs", temporary.store), 330)
        XCTAssertEqual(try count("SELECT SUM(attempts) FROM rollup_customer_day", temporary.store), 330)

        let incremental = try aggregates(temporary.store)
        let everything = Retention(minuteDays: 100_000, hourDays: 0)
        try temporary.store.write { try Aggregates.rebuild(everything, at: 1_763_700_000, in: $0) }
        XCTAssertEqual(try aggregates(temporary.store), incremental)
    }

    /// Accounts and DIDs first seen get their ids on the reading thread and are created by the writing one before
    /// the rows that name them: every reference resolves (foreign keys are not checked row by row during an
    /// import), and the check is back on afterwards.
    func testAccountsFirstSeenAreCreatedBeforeTheRowsThatNameThem() throws {
        var random = seededRandom()
        let temporary = try TemporaryStore()
        try temporary.store.write { db in
            // Ids with gaps: new ones follow the largest.
            try db.execute(sql: "INSERT INTO customers (id, account_code, name, created_at) VALUES (7, 'acct1', 'One', 0)")
            try db.execute(sql: "INSERT INTO carriers (id, name) VALUES (5, 'carrierB')")
            try db.execute(sql: "INSERT INTO dids (id, number) VALUES (3, '999123')")
        }
        let path = try write(generatedRows(120, random: &random).map(\.text), in: temporary)
        var importer = CDRImporter(store: temporary.store)
        importer.batchSize = 5
        let report = try importer.importFile(at: path, source: ImportSource(name: "pbx", didField: "dst"))
        XCTAssertEqual(report.new, 120)
        let problems = try temporary.store.read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }
        XCTAssertEqual(problems, [])
        XCTAssertEqual(try count("SELECT COUNT(*) FROM cdrs WHERE customer_id IS NULL OR carrier_id IS NULL OR did_id IS NULL", temporary.store), 0)
        let customers = try temporary.store.read { try Row.fetchAll($0, sql: "SELECT id, account_code FROM customers ORDER BY id") }
        XCTAssertEqual(customers.first.map { $0[1] as String }, "acct1")
        XCTAssertEqual(customers.map { $0[0] as Int64 }, Array(7...Int64(6 + customers.count)))
        XCTAssertEqual(Set(report.newCustomers), Set(customers.dropFirst().map { $0[1] as String }))
        XCTAssertEqual(try count("SELECT MIN(id) FROM dids WHERE number <> '999123'", temporary.store), 4)
        XCTAssertEqual(try temporary.store.write { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") }, 1)
    }

    /// A write that fails part-way through a file stops the reading thread and keeps nothing of the file; the next
    /// import takes it whole.
    func testAWriteThatFailsMidFileKeepsNothingAndTheNextImportTakesItAll() throws {
        var random = seededRandom()
        let temporary = try TemporaryStore()
        let path = try write(generatedRows(500, random: &random).map(\.text), in: temporary)
        try temporary.store.write { db in
            try db.execute(sql: "CREATE TRIGGER fail BEFORE INSERT ON cdrs WHEN NEW.line = 321 BEGIN SELECT RAISE(ABORT, 'boom'); END")
        }
        var importer = CDRImporter(store: temporary.store)
        importer.batchSize = 16
        XCTAssertThrowsError(try importer.importFile(at: path, source: ImportSource(name: "pbx"))) {
            XCTAssertTrue("\($0)".contains("boom"), "\($0)")
        }
        XCTAssertEqual(try count("SELECT COUNT(*) FROM cdrs", temporary.store), 0)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM customers", temporary.store), 0)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM rollup_carrier_hour", temporary.store), 0)
        try temporary.store.write { try $0.execute(sql: "DROP TRIGGER fail") }
        XCTAssertEqual(try importer.importFile(at: path, source: ImportSource(name: "pbx")).new, 500)
        XCTAssertEqual(try count("SELECT SUM(attempts) FROM rollup_carrier_day", temporary.store), 500)
    }

    func testAFileWithNoGoodRowEndsInErrorAndAddsNothing() throws {
        let temporary = try TemporaryStore()
        var random = seededRandom()
        let row = generatedRows(1, random: &random)[0].text
        let path = try write([row.replacingOccurrences(of: "\"ANSWERED\"", with: "\"MAYBE\"")
                                .replacingOccurrences(of: "\"NO ANSWER\"", with: "\"MAYBE\"")
                                .replacingOccurrences(of: "\"BUSY\"", with: "\"MAYBE\"")
                                .replacingOccurrences(of: "\"FAILED\"", with: "\"MAYBE\"")], in: temporary)
        let report = try CDRImporter(store: temporary.store).importFile(at: path, source: ImportSource(name: "pbx"))
        XCTAssertEqual(report.status, .error)
        XCTAssertEqual([report.read, report.accepted, report.rejected], [1, 0, 1])
        XCTAssertTrue(report.firstError?.contains("disposition \"MAYBE\"") == true, report.firstError ?? "")
        XCTAssertEqual(try count("SELECT COUNT(*) FROM cdrs", temporary.store), 0)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM cdr_files WHERE status = 'error'", temporary.store), 1)
    }

    func testAnUnreadableFileIsAnErrorNamingIt() throws {
        let temporary = try TemporaryStore()
        let path = temporary.directory.appendingPathComponent("absent.csv").path
        XCTAssertThrowsError(try CDRImporter(store: temporary.store).importFile(at: path, source: ImportSource())) {
            XCTAssertEqual("\($0)", "\(path): cannot read the file: No such file or directory")
        }
    }

    func testLocalTimesAreReadInTheSourcesZone() throws {
        let temporary = try TemporaryStore()
        var random = seededRandom()
        let row = generatedRows(1, random: &random)[0]
        let path = try write([row.text], in: temporary)
        let zurich = ImportSource(name: "zurich", zone: TimeZone(identifier: "Europe/Zurich")!)
        _ = try CDRImporter(store: temporary.store).importFile(at: path, source: zurich)
        // 2025-11-21 is winter time in Zurich: UTC+1, so the stored UTC start is an hour before the written one.
        XCTAssertEqual(try count("SELECT start_at FROM cdrs", temporary.store), Int(row.start) - 3_600)
    }

    /// A CDR is its key and its start: the same lines read in another zone would be stored again at other times.
    /// A grown file or a copy whose first row was imported before with another start is refused as a whole, with
    /// the reason, and adds nothing; read in the zone used before, it adds its new rows.
    func testAFileWhoseRowsWereImportedInAnotherZoneIsRefused() throws {
        var random = seededRandom()
        let temporary = try TemporaryStore()
        let rows = generatedRows(30, random: &random)
        var lines = rows.prefix(20).map(\.text)
        let path = try write(lines, in: temporary)
        let zurich = ImportSource(name: "pbx", zone: TimeZone(identifier: "Europe/Zurich")!)
        XCTAssertEqual(try CDRImporter(store: temporary.store).importFile(at: path, source: zurich).new, 20)

        lines += rows.suffix(10).map(\.text)
        _ = try write(lines, in: temporary)
        let utc = ImportSource(name: "pbx")
        let refused = try CDRImporter(store: temporary.store).importFile(at: path, source: utc)
        XCTAssertEqual(refused.status, .error)
        XCTAssertEqual([refused.read, refused.accepted, refused.new], [0, 0, 0])
        XCTAssertEqual(
            refused.firstError,
            "line 1 was imported before from Master.csv starting 1 h earlier (UTC): this source's zone is not the one "
                + "it was read in then; importing would store its rows twice, at other times (import it with the zone "
                + "used before)")
        let copy = try write(lines, in: temporary, name: "copy.csv")
        XCTAssertEqual(try CDRImporter(store: temporary.store).importFile(at: copy, source: ImportSource(name: "other")).status, .error)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM cdrs", temporary.store), 20)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM cdr_files WHERE status = 'error'", temporary.store), 2)

        let grown = try CDRImporter(store: temporary.store).importFile(at: path, source: zurich)
        XCTAssertEqual([grown.read, grown.new], [30, 10])
        XCTAssertEqual(try count("SELECT COUNT(*) FROM cdrs", temporary.store), 30)
    }

    func testChannelNamesStandForTheirTrunk() {
        XCTAssertEqual(ImportSource.trunk(ofChannel: "SIP/carrierA-00000012"), "carrierA")
        XCTAssertEqual(ImportSource.trunk(ofChannel: "PJSIP/telia-0000a1b2"), "telia")
        XCTAssertEqual(ImportSource.trunk(ofChannel: "SIP/carrierB/0044123456"), "carrierB")
        XCTAssertEqual(ImportSource.trunk(ofChannel: "Local/100@from-internal-0000001a;2"), "100@from-internal")
        XCTAssertEqual(ImportSource.trunk(ofChannel: "SIP/my-trunk-name-0000001f"), "my-trunk-name")
        XCTAssertEqual(ImportSource.trunk(ofChannel: "gateway_b"), "gateway_b")
        XCTAssertEqual(ImportSource.trunk(ofChannel: ""), "")
    }

    /// The occurrence table counts every copy of a hash, across its growth, with the all-zero hash (its empty mark)
    /// and hashes that share their low bits (one slot chain) included.
    func testOccurrencesCountEveryCopyOfEachHash() {
        var random = seededRandom()
        let counter = OccurrenceCounter(capacity: 4)
        var expected: [ContentHash: Int] = [:]
        var hashes = (0..<3_000).map { _ in ContentHash(high: random.next(), low: random.next() & 0xFFFF_FFFF_0000_00FF) }
        hashes += [ContentHash(high: 0, low: 0), ContentHash(high: 0, low: 1), ContentHash(high: 1, low: 0)]
        for _ in 0..<12_000 {
            let hash = hashes[Int(random.next() % UInt64(hashes.count))]
            XCTAssertEqual(counter.next(hash), expected[hash, default: 0])
            expected[hash, default: 0] += 1
        }
    }

    func testContentHashesDifferForDifferentBytesAndAreStable() {
        XCTAssertEqual(ContentHash(of: "abc").description, ContentHash(of: Array("abc".utf8)).description)
        XCTAssertEqual(ContentHash(of: "abc").description.count, 32)
        var seen = Set<ContentHash>()
        // Every prefix of a text, and every one-byte change of it, hashes differently.
        let text = Array("\"\",\"test\",\"100\",\"context\",\"2009-01-14 23:51:15\",5,5,\"ANSWERED\"".utf8)
        for length in 0...text.count { seen.insert(ContentHash(of: text.prefix(length))) }
        for index in text.indices {
            var changed = text
            changed[index] ^= 1
            seen.insert(ContentHash(of: changed))
        }
        XCTAssertEqual(seen.count, text.count + 1 + text.count)
    }

    /// The FreeSWITCH sample end to end: every row stored, answered by answer stamp and billsec (not by
    /// NORMAL_CLEARING), the source's default carrier on every row, customers from non-empty account codes only.
    func testTheFreeSWITCHSampleImportsWithItsOwnCounts() throws {
        let bytes = try CDRSamples.bytes("freeswitch-example-15col.csv")
        let temporary = try TemporaryStore()
        let path = try write([String(decoding: bytes, as: UTF8.self)], in: temporary, name: "Master.csv")
        let source = ImportSource(name: "fs1", carrierField: nil, defaultCarrier: "gateway1")
        let report = try CDRImporter(store: temporary.store).importFile(at: path, source: source)
        // An independent count over the file's lines: 15 quoted fields, answer_stamp is the 6th, billsec the 9th,
        // accountcode the 13th.
        let lines = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
        let fields = lines.map { $0.dropFirst().dropLast().components(separatedBy: "\",\"") }
        XCTAssertEqual(fields.count, 82)
        XCTAssertEqual([report.read, report.accepted, report.rejected], [82, 82, 0])
        XCTAssertEqual(report.format, "freeswitch")
        let answered = fields.filter { !$0[5].isEmpty && (Int($0[8]) ?? 0) > 0 }.count
        XCTAssertEqual(try count("SELECT COUNT(*) FROM cdrs WHERE answer_at IS NOT NULL AND billsec > 0", temporary.store), answered)
        XCTAssertEqual(try count("SELECT SUM(answered) FROM rollup_carrier_day", temporary.store), answered)
        XCTAssertEqual(try count("SELECT SUM(billsec) FROM cdrs", temporary.store), fields.compactMap { Int($0[8]) }.reduce(0, +))
        XCTAssertEqual(try count("SELECT COUNT(*) FROM cdrs WHERE carrier_id = (SELECT id FROM carriers WHERE name = 'gateway1')", temporary.store), 82)
        let codes = Set(fields.map { $0[12] }.filter { !$0.isEmpty })
        XCTAssertEqual(Set(report.newCustomers), codes)
        XCTAssertEqual(try count("SELECT COUNT(*) FROM cdrs WHERE customer_id IS NULL", temporary.store),
                       fields.filter { $0[12].isEmpty }.count, "rows without an account code have no customer")
    }
}
