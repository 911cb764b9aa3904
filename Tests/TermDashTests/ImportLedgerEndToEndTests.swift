import Foundation
import GRDB
import LocalServers
import XCTest

/// The file ledger as `termdash files` shows it, whatever happens to the imports: every run has its own entry with
/// true counts (copies, re-imports, imports of one content at the same time), the rows of a content point to the
/// entry that counts them, and an import that was killed is `interrupted` — on the checklist — until it is re-run.
final class ImportLedgerEndToEndTests: StoreEndToEndTestCase {
    /// `termdash files` as rows of named columns (CSV; no field here holds a comma).
    private func files() throws -> [[String: String]] {
        let run = try EndToEnd.termdash(["files", "--db", db, "--format", "csv"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        guard let header = lines.first?.components(separatedBy: ",") else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.components(separatedBy: ","))) }
    }

    /// How many CDRs point to each file id, counted over the raw table.
    private func cdrsPerFile() throws -> [String: Int] {
        let queue = try DatabaseQueue(path: db)
        return try queue.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT file_id, COUNT(*) FROM cdrs GROUP BY file_id") {
                counts[(row[0] as Int64?).map(String.init) ?? "NULL"] = row[1]
            }
            return counts
        }
    }

    /// The brute-force check: `new` adds up to the rows stored, and every CDR points to an entry that counts it.
    private func assertNewCountsMatchTheStoredRows(_ entries: [[String: String]], rows: Int,
                                                   file: StaticString = #filePath, line: UInt = #line) throws {
        let perFile = try cdrsPerFile()
        XCTAssertEqual(perFile.values.reduce(0, +), rows, "rows stored", file: file, line: line)
        XCTAssertEqual(entries.compactMap { Int($0["new"] ?? "") }.reduce(0, +), rows, "new adds up to the rows stored",
                       file: file, line: line)
        for (id, count) in perFile {
            let entry = entries.first { $0["id"] == id }
            XCTAssertNotNil(entry, "\(count) CDRs point to file \(id), which files does not list", file: file, line: line)
            XCTAssertEqual(entry?["new"], String(count), "file \(id) counts the CDRs that point to it", file: file, line: line)
        }
    }

    func testImportsOfOneContentAtOnceAndCopiesEachHaveTheirEntryWithTrueCounts() throws {
        let rows = 50_000
        let text = GeneratedMasterCSV.text(rows: rows)
        let a = try GeneratedMasterCSV.write(text, "a.csv", in: directory)
        let b = try GeneratedMasterCSV.write(text, "b.csv", in: directory)
        // Create the store first, so that the runs race on the ledger rather than on the first migration.
        XCTAssertEqual(try EndToEnd.termdash(["import", "--db", db, try GeneratedMasterCSV.write(
            GeneratedMasterCSV.text(rows: 1, from: 900_000), "seed.csv", in: directory)]).status, 0)

        // Three runs at once: two names of one content, and one of them twice.
        let paths = [a, b, a]
        let runs = ConcurrentRuns(count: paths.count)
        let db = self.db
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            runs.set(index, try? EndToEnd.termdash(["import", "--db", db, paths[index]]))
        }
        let results = runs.results
        for (index, result) in results.enumerated() {
            XCTAssertEqual(result?.status, 0, "run \(index) of \(paths[index]): \(result?.stderr ?? "did not run")")
        }

        var entries = try files()
        XCTAssertEqual(entries.count, 4, "one entry per run: \(entries)")
        for entry in entries where entry["name"] != "seed.csv" {
            XCTAssertEqual([entry["status"], entry["read"], entry["accepted"], entry["rejected"]],
                           ["success", "\(rows)", "\(rows)", "0"], "\(entry)")
        }
        let stored = entries.filter { $0["new"] == "\(rows)" }
        XCTAssertEqual(stored.count, 1, "one run stored the rows: \(entries)")
        let original = try XCTUnwrap(stored.first?["id"])
        for entry in entries where entry["id"] != original && entry["name"] != "seed.csv" {
            XCTAssertEqual(entry["new"], "0")
            XCTAssertEqual(entry["duplicate_of"], original, "a run that stored nothing names the one that did: \(entry)")
        }
        try assertNewCountsMatchTheStoredRows(entries, rows: rows + 1)
        // What each run said agrees with its entry.
        let said = results.compactMap { $0?.stdout }
        XCTAssertEqual(said.filter { $0.contains("(\(rows) new; asterisk)") }.count, 1, "\(said)")
        XCTAssertEqual(said.filter { $0.contains("a duplicate of") && $0.contains("#\(original)") }.count, 2, "\(said)")

        // A byte-identical copy under another name, imported alone: an entry of its own, noted as a duplicate.
        let c = try GeneratedMasterCSV.write(text, "c.csv", in: directory)
        let copy = try EndToEnd.termdash(["import", "--db", db, c])
        XCTAssertEqual(copy.status, 0, copy.stderr)
        entries = try files()
        let copyEntry = try XCTUnwrap(entries.first { $0["name"] == "c.csv" }, "\(entries)")
        XCTAssertEqual([copyEntry["status"], copyEntry["read"], copyEntry["accepted"], copyEntry["new"], copyEntry["duplicate_of"]],
                       ["success", "\(rows)", "\(rows)", "0", original])
        XCTAssertTrue(copy.stdout.contains("\(c): already imported as "), copy.stdout)
        XCTAssertTrue(copy.stdout.contains("nothing added (file #\(copyEntry["id"]!), a duplicate of #\(original))"), copy.stdout)

        // The same path and content again: recorded as a run of its own that added nothing.
        let again = try EndToEnd.termdash(["import", "--db", db, a])
        XCTAssertEqual(again.status, 0, again.stderr)
        // (Named after the run that stored the rows: a.csv, or b.csv if that run won the race.)
        let storedBy = entries.first { $0["id"] == original }?["name"] ?? ""
        XCTAssertTrue(again.stdout.contains("\(a): already imported\(storedBy == "a.csv" ? "" : " as \(storedBy)") "
            + "(\(rows) read, \(rows) accepted, 0 rejected); nothing added (file #"), again.stdout)
        XCTAssertTrue(again.stdout.contains(", a duplicate of #\(original))"), again.stdout)
        entries = try files()
        XCTAssertEqual(entries.count, 6)
        try assertNewCountsMatchTheStoredRows(entries, rows: rows + 1)
    }

    func testAKilledImportIsInterruptedOnTheChecklistAndARerunCompletesIt() throws {
        let rows = 120_000
        let file = try GeneratedMasterCSV.write(GeneratedMasterCSV.text(rows: rows), "Master.csv", in: directory)
        let pid = try EndToEnd.spawnTermdash(["import", "--db", db, file])
        // Kill it once its entry says it is processing (it then works through the rows in its transaction).
        let deadline = Date().addingTimeInterval(60)
        var seen = false
        while !seen, Date() < deadline {
            usleep(20_000)
            guard FileManager.default.fileExists(atPath: db) else { continue }
            seen = (try? DatabaseQueue(path: db).read { db in
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cdr_files WHERE status = 'processing')")
            }) == true
        }
        XCTAssertTrue(seen, "the import never began its file")
        kill(pid, SIGKILL)
        XCTAssertEqual(LocalServers.wait(pid), 128 + SIGKILL)

        let entries = try files()
        XCTAssertEqual(entries.count, 1)
        XCTAssertEqual(entries.first?["status"], "interrupted", "a killed import is not shown as running: \(entries)")
        XCTAssertEqual(entries.first?["new"], "0")
        try assertNewCountsMatchTheStoredRows(entries, rows: 0)

        let checklist = try EndToEnd.termdash(["snapshot", "--db", db, "--view", "checklist", "--width", "120", "--height", "30"])
        XCTAssertEqual(checklist.status, 0, checklist.stderr)
        XCTAssertTrue(checklist.stdout.contains("import of Master.csv interrupted"), checklist.stdout)

        let rerun = try EndToEnd.termdash(["import", "--db", db, file])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertTrue(rerun.stdout.contains("\(file): file #1's import was interrupted (process \(pid) ended before it finished); importing it again"),
                      rerun.stdout)
        XCTAssertTrue(rerun.stdout.contains("\(file): \(rows) read, \(rows) accepted, 0 rejected (\(rows) new; asterisk)"), rerun.stdout)
        let done = try files()
        XCTAssertEqual(done.count, 1, "the retry completes the interrupted entry: \(done)")
        XCTAssertEqual([done.first?["status"], done.first?["read"], done.first?["accepted"], done.first?["new"]],
                       ["success", "\(rows)", "\(rows)", "\(rows)"])
        try assertNewCountsMatchTheStoredRows(done, rows: rows)
        let after = try EndToEnd.termdash(["snapshot", "--db", db, "--view", "checklist", "--width", "120", "--height", "30"])
        XCTAssertFalse(after.stdout.contains("interrupted"), after.stdout)
    }
}
