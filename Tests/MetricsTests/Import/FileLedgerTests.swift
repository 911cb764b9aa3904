import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

/// The ledger's CDR files through `StoreLedger` and an import's transaction: an entry per run (a failed or
/// interrupted one retried in place, a waiting one taken when the file is complete), copies noted as duplicates,
/// the importing process recorded, and rejected rows kept by line — on every backend (`StoreBackend.all`).
final class FileLedgerTests: XCTestCase {
    private let hash = ContentHash(of: "the file").description

    func testAWaitingFileBecomesTheProcessingOneThenFinishesAndMoves() throws {
        try StoreBackend.eachEmptyStore { _, store in
            try store.noteWaiting(source: "pbx", path: "/spool/Master.csv", name: "Master.csv", size: 10, at: 100)
            try store.noteWaiting(source: "pbx", path: "/spool/Master.csv", name: "Master.csv", size: 25, at: 102)
            let waiting = try store.fileEntries()
            XCTAssertEqual(waiting.map(\.status), [.waiting])
            XCTAssertEqual(waiting.first?.size, 25)
            XCTAssertEqual(waiting.first?.discoveredAt, 100)
            XCTAssertNil(waiting.first?.contentHash)

            let id = try store.beginFile(
                source: "pbx", path: "/spool/Master.csv", name: "Master.csv", size: 30, contentHash: hash, at: 105).id
            XCTAssertEqual(id, waiting.first?.id, "the waiting entry becomes the processing one")
            let processing = try XCTUnwrap(try store.fileEntry(id: id))
            XCTAssertEqual([processing.status], [.processing])
            XCTAssertEqual([processing.size, processing.startedAt], [30, 105])
            XCTAssertEqual(processing.owner, .current)
            XCTAssertNil(try store.fileEntry(source: "pbx", contentHash: hash), "not imported yet")

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
            XCTAssertEqual(try store.fileEntry(source: "pbx", contentHash: hash)?.id, id)
            XCTAssertNil(try store.fileEntry(source: "other", contentHash: hash))
            XCTAssertNil(try store.fileEntry(id: id + 1))
        }
    }

    func testARetriedFileKeepsItsEntryAndTheNewestComesFirst() throws {
        try StoreBackend.eachEmptyStore { _, store in
            let first = try store.beginFile(source: "pbx", path: "/a/x.csv", name: "x.csv", size: 3, contentHash: hash, at: 1).id
            try store.importTransaction { try $0.addRejects([.init(line: 1, raw: "r", reason: "bad")], toFile: first) }
            let failed = FileLedger.Outcome(format: nil, read: 1, accepted: 0, rejected: 1, new: 0, firstError: "bad")
            try store.finishFile(first, failed, at: 2)
            XCTAssertEqual(try store.fileEntry(id: first)?.status, .error)
            let other = try store.beginFile(
                source: "pbx", path: "/a/y.csv", name: "y.csv", size: 3, contentHash: ContentHash(of: "y").description, at: 3).id
            // The retry comes from a spool that noted its path waiting first: that placeholder goes.
            try store.noteWaiting(source: "pbx", path: "/b/x.csv", name: "x2.csv", size: 1, at: 3)
            let retried = try store.beginFile(source: "pbx", path: "/b/x.csv", name: "x2.csv", size: 3, contentHash: hash, at: 4)
            XCTAssertEqual(retried.id, first)
            XCTAssertEqual(retried.retried?.status, .error)
            XCTAssertEqual(retried.retried?.firstError, "bad")
            let entry = try XCTUnwrap(try store.fileEntry(id: first))
            XCTAssertEqual(entry.status, .processing)
            XCTAssertEqual([entry.path, entry.name], ["/b/x.csv", "x2.csv"])
            XCTAssertEqual([entry.rowsRead, entry.rowsRejected], [0, 0])
            XCTAssertNil(entry.firstError)
            XCTAssertNil(entry.finishedAt)
            XCTAssertEqual(try store.rejects(ofFile: first), [], "the failed run's rejects go with it")
            XCTAssertEqual(try store.fileEntries().map(\.id), [other, first])
            XCTAssertEqual(try store.fileEntries(limit: 1).map(\.id), [other])
        }
    }

    /// Rejects are kept by line (a retry replaces a line's report), the first row's key and start are remembered for
    /// the zone check, and nothing of a transaction that throws is kept.
    func testAnImportTransactionKeepsRejectsAndFirstRowsOrNothing() throws {
        try StoreBackend.eachEmptyStore { backend, store in
            let file = try store.beginFile(source: "pbx", path: "/x.csv", name: "x.csv", size: 1, contentHash: hash, at: 1).id
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
                source: "pbx", path: "/y.csv", name: "y.csv", size: 1, contentHash: ContentHash(of: "y").description, at: 6).id
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
            XCTAssertEqual(try store.read { try $0.carriers() }.count, 0, backend)
            if let sqlite = store as? SQLiteStore {
                XCTAssertEqual(try sqlite.write { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") }, 1)
            }
        }
    }

    /// An import prices its CDRs by the rate cards as stored when it runs: its transaction reads them on every backend.
    func testAnImportTransactionReadsTheStoredRateCards() throws {
        try StoreBackend.eachEmptyStore { backend, store in
            let rates = [Rate(prefix: "41", description: "Switzerland", perMinute: Money(micros: 123_457), initialSeconds: 30,
                              incrementSeconds: 6)]
            XCTAssertEqual(try store.importTransaction { try $0.rateTables() }.count, 0, backend)
            let card = try store.addRateCard(name: "retail", direction: .sell, currency: "CHF", rates: rates)
            let tables = try store.importTransaction { try $0.rateTables() }
            XCTAssertEqual(Array(tables.keys), [card], backend)
            XCTAssertEqual(tables[card]?.match("41441234567")?.charge(billsec: 61).micros,
                           rates[0].charge(billsec: 61).micros, backend)
            XCTAssertNil(tables[card]?.match("33123"), backend)
        }
    }

    /// A run of a content another process is importing gets an entry of its own; one whose process is gone (killed,
    /// a pid reused by another process, another boot) is `interrupted`, and the next run retries it in its place.
    /// On the servers a process recorded on another boot is another machine's, judged by its connection (here this
    /// test's own, open: still running; ServerStoreTests closes one).
    func testAnEntryIsInterruptedWhenItsProcessIsGoneAndOnlyThenRetried() throws {
        try StoreBackend.eachEmptyStore { backend, store in
            let running = try store.beginFile(source: "pbx", path: "/x.csv", name: "x.csv", size: 1, contentHash: hash, at: 1)
            XCTAssertNil(running.retried)
            let alongside = try store.beginFile(source: "pbx", path: "/x.csv", name: "x.csv", size: 1, contentHash: hash, at: 2)
            XCTAssertNotEqual(alongside.id, running.id, "an entry still being processed is never taken")
            XCTAssertEqual(try store.fileEntries().map(\.status), [.processing, .processing])

            let current = FileLedger.Owner.current
            XCTAssertTrue(current.isRunning)
            XCTAssertTrue(current.start.hasSuffix("/" + (current.start.split(separator: "/").last ?? "")))
            let anotherBoot = FileLedger.Owner(
                pid: current.pid, start: "another-boot/" + (current.start.split(separator: "/").last ?? ""))
            XCTAssertTrue(current.isOnThisBoot)
            XCTAssertFalse(anotherBoot.isOnThisBoot)
            XCTAssertFalse(anotherBoot.isRunning)
            if backend != "SQLite" {
                let elsewhere = try store.beginFile(
                    source: "pbx", path: "/e.csv", name: "e.csv", size: 1, contentHash: "elsewhere", owner: anotherBoot, at: 3)
                XCTAssertEqual(try store.fileEntry(id: elsewhere.id)?.status, .processing, backend)
                XCTAssertEqual(try store.read { try $0.importsInProgress() }.last?.isInterrupted, false, backend)
            }
            for gone in [
                FileLedger.Owner(pid: current.pid, start: current.start + "0"),  // the pid, reused by another process
                FileLedger.Owner(pid: Int32.max, start: current.start),  // no such process
            ] + (backend == "SQLite" ? [anotherBoot] : []) {
                XCTAssertFalse(gone.isRunning, "\(gone)")
                let content = ContentHash(of: "\(gone)").description
                let killed = try store.beginFile(
                    source: "pbx", path: "/k.csv", name: "k.csv", size: 1, contentHash: content, owner: gone, at: 3)
                XCTAssertEqual(try store.read { try $0.importsInProgress() }.first { $0.id == killed.id }?.isInterrupted,
                               true, backend)
                XCTAssertEqual(try store.fileEntry(id: killed.id)?.status, .interrupted)
                XCTAssertEqual(try store.fileEntry(id: killed.id)?.owner, gone)
                let retry = try store.beginFile(
                    source: "pbx", path: "/k2.csv", name: "k2.csv", size: 1, contentHash: content, at: 4)
                XCTAssertEqual(retry.id, killed.id, "the interrupted entry becomes the retry's")
                XCTAssertEqual(retry.retried?.status, .interrupted)
                XCTAssertEqual(retry.retried?.owner, gone)
                XCTAssertEqual(try store.fileEntry(id: killed.id)?.status, .processing)
                XCTAssertEqual(try store.fileEntry(id: killed.id)?.owner, current)
            }
        }
    }

    /// A process that ends is no longer running: its entries read `interrupted`.
    func testAnOwnerEndsWithItsProcess() throws {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sleep")
        child.arguments = ["30"]
        try child.run()
        let start = try XCTUnwrap(FileLedger.Owner.startIdentifier(of: child.processIdentifier))
        let owner = FileLedger.Owner(pid: child.processIdentifier, start: start)
        XCTAssertTrue(owner.isRunning)
        child.terminate()
        child.waitUntilExit()
        XCTAssertFalse(owner.isRunning)
    }

    /// A copy of content imported before: an entry of its own, with the original's counts and rejects, nothing new,
    /// noted as its duplicate; the original stays the content's first import.
    func testACopyIsAnEntryOfItsOwnNotedAsADuplicate() throws {
        try StoreBackend.eachEmptyStore { _, store in
            let original = try store.beginFile(source: "pbx", path: "/a.csv", name: "a.csv", size: 9, contentHash: hash, at: 1).id
            try store.importTransaction { transaction in
                try transaction.addRejects([.init(line: 2, raw: "x\u{0}y", reason: "field 1 holds a NUL byte")], toFile: original)
                XCTAssertNil(try transaction.firstImport(ofSameContentAs: original))
                try transaction.finishFile(
                    original, .init(format: "asterisk", read: 3, accepted: 2, rejected: 1, new: 2, firstError: "line 2: x"), at: 2)
            }
            let first = try XCTUnwrap(try store.fileEntry(source: "pbx", contentHash: hash))
            XCTAssertEqual(first.id, original)
            XCTAssertEqual(try store.rejects(ofFile: original).map(\.raw), ["x\u{0}y"], "kept whole")

            let copy = try store.recordCopy(of: first, path: "/b.csv", name: "b.csv", size: 9, at: 5)
            XCTAssertNotEqual(copy.id, original)
            XCTAssertNil(copy.retried)
            let entry = try XCTUnwrap(try store.fileEntry(id: copy.id))
            XCTAssertEqual([entry.name, entry.path, entry.format], ["b.csv", "/b.csv", "asterisk"])
            XCTAssertEqual(entry.status, .success)
            XCTAssertEqual([entry.rowsRead, entry.rowsAccepted, entry.rowsRejected, entry.rowsNew], [3, 2, 1, 0])
            XCTAssertEqual(entry.duplicateOf, original)
            XCTAssertEqual(try store.rejects(ofFile: copy.id), try store.rejects(ofFile: original))
            XCTAssertEqual(try store.fileEntry(source: "pbx", contentHash: hash)?.id, original, "a copy is never the first import")

            // A run that read the content and stored nothing finds the first import from inside its transaction.
            let alongside = try store.beginFile(source: "pbx", path: "/c.csv", name: "c.csv", size: 9, contentHash: hash, at: 6).id
            try store.importTransaction { transaction in
                XCTAssertEqual(try transaction.firstImport(ofSameContentAs: alongside)?.id, original)
                try transaction.finishFile(
                    alongside, .init(format: "asterisk", read: 3, accepted: 2, rejected: 1, new: 0, firstError: nil,
                                     duplicateOf: original), at: 7)
            }
            XCTAssertEqual(try store.fileEntry(id: alongside)?.duplicateOf, original)
            XCTAssertEqual(try store.fileEntries().count, 3)
        }
    }
}
