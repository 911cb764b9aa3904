import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

/// The ledger's CDR files through `StoreLedger` and an import's transaction: one entry per file however often it is
/// seen, retried or moved, and rejected rows kept by line.
final class FileLedgerTests: XCTestCase {
    private let hash = ContentHash(of: "the file").description

    func testAWaitingFileBecomesTheProcessingOneThenFinishesAndMoves() throws {
        let temporary = try TemporaryStore()
        let store: any ImportSink = temporary.store
        try store.noteWaiting(source: "pbx", path: "/spool/Master.csv", name: "Master.csv", size: 10, at: 100)
        try store.noteWaiting(source: "pbx", path: "/spool/Master.csv", name: "Master.csv", size: 25, at: 102)
        let waiting = try store.fileEntries()
        XCTAssertEqual(waiting.map(\.status), [.waiting])
        XCTAssertEqual(waiting.first?.size, 25)
        XCTAssertEqual(waiting.first?.discoveredAt, 100)
        XCTAssertNil(waiting.first?.contentHash)

        let id = try store.beginFile(
            source: "pbx", path: "/spool/Master.csv", name: "Master.csv", size: 30, contentHash: hash, at: 105)
        XCTAssertEqual(id, waiting.first?.id, "the waiting entry becomes the processing one")
        let processing = try XCTUnwrap(try store.fileEntry(source: "pbx", contentHash: hash))
        XCTAssertEqual([processing.status], [.processing])
        XCTAssertEqual([processing.size, processing.startedAt], [30, 105])
        XCTAssertNil(try store.fileEntry(source: "other", contentHash: hash))

        let outcome = FileLedger.Outcome(
            format: "asterisk", read: 5, accepted: 4, rejected: 1, new: 3, firstError: "line 2: x")
        try store.finishFile(id, outcome, at: 110)
        try store.noteMoved(id, to: "/spool/processed/Master.csv")
        let done = try XCTUnwrap(try store.fileEntry(id: id))
        XCTAssertEqual(done.status, .success)
        XCTAssertEqual([done.rowsRead, done.rowsAccepted, done.rowsRejected, done.rowsNew], [5, 4, 1, 3])
        XCTAssertEqual(done.format, "asterisk")
        XCTAssertEqual(done.firstError, "line 2: x")
        XCTAssertEqual(done.finishedAt, 110)
        XCTAssertEqual(done.path, "/spool/processed/Master.csv")
        XCTAssertEqual(try store.fileEntries().count, 1)
        XCTAssertNil(try store.fileEntry(id: id + 1))
    }

    func testARetriedFileKeepsItsEntryAndTheNewestComesFirst() throws {
        let temporary = try TemporaryStore()
        let store: any ImportSink = temporary.store
        let first = try store.beginFile(source: "pbx", path: "/a/x.csv", name: "x.csv", size: 3, contentHash: hash, at: 1)
        let failed = FileLedger.Outcome(format: nil, read: 1, accepted: 0, rejected: 1, new: 0, firstError: "bad")
        try store.finishFile(first, failed, at: 2)
        XCTAssertEqual(try store.fileEntry(id: first)?.status, .error)
        let other = try store.beginFile(
            source: "pbx", path: "/a/y.csv", name: "y.csv", size: 3, contentHash: ContentHash(of: "y").description, at: 3)
        let retried = try store.beginFile(source: "pbx", path: "/b/x.csv", name: "x2.csv", size: 3, contentHash: hash, at: 4)
        XCTAssertEqual(retried, first)
        let entry = try XCTUnwrap(try store.fileEntry(id: first))
        XCTAssertEqual(entry.status, .processing)
        XCTAssertEqual([entry.path, entry.name], ["/b/x.csv", "x2.csv"])
        XCTAssertNil(entry.finishedAt)
        XCTAssertEqual(try store.fileEntries().map(\.id), [other, first])
        XCTAssertEqual(try store.fileEntries(limit: 1).map(\.id), [other])
    }

    /// Rejects are kept by line (a retry replaces a line's report), the first row's key and start are remembered for
    /// the zone check, and nothing of a transaction that throws is kept.
    func testAnImportTransactionKeepsRejectsAndFirstRowsOrNothing() throws {
        let temporary = try TemporaryStore()
        let store: any ImportSink = temporary.store
        let file = try store.beginFile(source: "pbx", path: "/x.csv", name: "x.csv", size: 1, contentHash: hash, at: 1)
        let key = RowKey("f:first")
        try store.importTransaction { transaction in
            try transaction.addRejects(
                [.init(line: 7, raw: "b", reason: "late"), .init(line: 2, raw: "a", reason: "early")], toFile: file)
            try transaction.noteFirstRow(ofFile: file, key: key, start: 1_000)
            let outcome = FileLedger.Outcome(format: "native", read: 3, accepted: 1, rejected: 2, new: 1, firstError: nil)
            try transaction.finishFile(file, outcome, at: 5)
        }
        try store.importTransaction { transaction in
            try transaction.addRejects([.init(line: 7, raw: "b2", reason: "again")], toFile: file)
        }
        XCTAssertEqual(try store.rejects(ofFile: file).map(\.line), [2, 7])
        XCTAssertEqual(try store.rejects(ofFile: file).last, .init(line: 7, raw: "b2", reason: "again"))
        XCTAssertEqual(try store.rejects(ofFile: file, limit: 1).map(\.raw), ["a"])

        let other = try store.beginFile(
            source: "pbx", path: "/y.csv", name: "y.csv", size: 1, contentHash: ContentHash(of: "y").description, at: 6)
        try store.importTransaction { transaction in
            let earlier = try transaction.earlierStart(ofFirstRow: key, start: 4_600, excludingFile: other)
            XCTAssertEqual(earlier?.name, "x.csv")
            XCTAssertEqual(earlier?.start, 1_000)
            XCTAssertNil(try transaction.earlierStart(ofFirstRow: key, start: 1_000, excludingFile: other), "same start")
            XCTAssertNil(try transaction.earlierStart(ofFirstRow: key, start: 4_600, excludingFile: file), "itself")
            XCTAssertNil(try transaction.earlierStart(ofFirstRow: RowKey("f:other"), start: 4_600, excludingFile: other))
        }

        struct Boom: Error {}
        XCTAssertThrowsError(try store.importTransaction { transaction in
            try transaction.addRejects([.init(line: 1, raw: "c", reason: "gone")], toFile: other)
            try transaction.createAccounts([.carrier(id: 1, name: "K")], firstSeenIn: other, at: 6)
            throw Boom()
        }) { XCTAssertTrue($0 is Boom) }
        XCTAssertEqual(try store.rejects(ofFile: other), [])
        XCTAssertEqual(try temporary.store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM carriers") }, 0)
        XCTAssertEqual(try temporary.store.write { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") }, 1)
    }
}
