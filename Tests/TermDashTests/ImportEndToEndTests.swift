import Foundation
import GRDB
import LocalServers
import XCTest

/// `termdash import` and `termdash files` as a billing admin runs them: counts, messages, exit codes, and the
/// promise that a killed import re-run leaves each CDR exactly once.
final class ImportEndToEndTests: StoreEndToEndTestCase {
    /// An Asterisk Master.csv of `count` rows, row i answered for i % 200 seconds; `bad` lines (1-based) get a
    /// billsec that is not a number.
    private func masterCSV(_ name: String, rows count: Int, bad: Set<Int> = [], from first: Int = 0) throws -> String {
        var text = ""
        text.reserveCapacity(count * 200)
        for index in first..<(first + count) {
            let start = 1_763_700_000 + index
            let billsec = index % 200
            let line = index - first + 1
            let stamp = { (seconds: Int) -> String in
                let date = Date(timeIntervalSince1970: TimeInterval(seconds))
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = TimeZone(identifier: "UTC")!
                let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
                return String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
            }
            let answered = billsec > 0
            text += "\"cust\(index % 7)\",\"100\",\"4412345\(index % 1000)\",\"ctx\",\"\"\"Caller\"\" <100>\",\"SIP/in-1\","
                + "\"SIP/carrier\(index % 3)-0000abcd\",\"Dial\",\"x\",\"\(stamp(start))\","
                + (answered ? "\"\(stamp(start + 2))\"" : "") + ",\"\(stamp(start + 2 + billsec))\",\(2 + billsec),"
                + (bad.contains(line) ? "zz" : "\(billsec)") + ",\"\(answered ? "ANSWERED" : "NO ANSWER")\",\"DOCUMENTATION\","
                + "\"\(start).1\",\"\"\n"
        }
        let path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func storedCDRs() throws -> (count: Int, attempts: Int, billsec: Int) {
        let queue = try DatabaseQueue(path: db)
        return try queue.read { db in
            // Killed while the store was being created: its schema is not all there yet, so nothing is stored.
            for table in ["cdrs", "rollup_carrier_day", "rollup_customer_hour"] where try !db.tableExists(table) {
                return (0, 0, 0)
            }
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM cdrs), (SELECT COALESCE(SUM(attempts), 0) FROM rollup_carrier_day),
                       (SELECT COALESCE(SUM(billsec), 0) FROM rollup_customer_hour)
                """)!
            return (row[0], row[1], row[2])
        }
    }

    func testImportReportsCountsRejectsAndExitCodes() throws {
        let good = try masterCSV("good.csv", rows: 50)
        let first = try EndToEnd.termdash(["import", "--db", db, good])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout.split(separator: "\n").last, "50 read, 50 accepted, 0 rejected")
        XCTAssertTrue(first.stdout.contains("\(good): 50 read, 50 accepted, 0 rejected (50 new; asterisk)"), first.stdout)
        XCTAssertTrue(first.stdout.contains("new customers (unverified, on the checklist): cust0, cust1"), first.stdout)
        XCTAssertFalse(first.stderr.contains("\u{1B}"), "no progress bar when stderr is not a terminal")

        let again = try EndToEnd.termdash(["import", "--db", db, good])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stdout.contains("already imported"), again.stdout)
        XCTAssertEqual(try storedCDRs().count, 50)

        let mixed = try masterCSV("mixed.csv", rows: 30, bad: [4, 17], from: 1_000)
        let partly = try EndToEnd.termdash(["import", "--db", db, mixed])
        XCTAssertEqual(partly.status, 3, "some rows rejected: \(partly.stderr)")
        XCTAssertTrue(partly.stderr.contains("\(mixed):4: billsec \"zz\""), partly.stderr)
        XCTAssertTrue(partly.stderr.contains("\(mixed):17: billsec \"zz\""), partly.stderr)
        XCTAssertEqual(partly.stdout.split(separator: "\n").last, "30 read, 28 accepted, 2 rejected")

        let allBad = try masterCSV("bad.csv", rows: 2, bad: [1, 2], from: 5_000)
        let failed = try EndToEnd.termdash(["import", "--db", db, allBad])
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.contains("Error: \(allBad): nothing imported (2 read, 0 accepted, 2 rejected): unknown format"), failed.stderr)
        XCTAssertTrue(failed.stderr.contains("billsec \"zz\" is not a whole number of seconds"), failed.stderr)

        let missing = directory.appendingPathComponent("absent.csv").path
        let unreadable = try EndToEnd.termdash(["import", "--db", db, missing])
        XCTAssertEqual(unreadable.status, 1)
        XCTAssertTrue(unreadable.stderr.contains("\(missing): cannot read the file: No such file or directory"), unreadable.stderr)

        let quiet = try EndToEnd.termdash(["import", "--quiet", "--db", db, try masterCSV("q.csv", rows: 5, from: 9_000)])
        XCTAssertEqual(quiet.status, 0)
        XCTAssertEqual(quiet.stdout, "")

        let files = try EndToEnd.termdash(["files", "--db", db, "--format", "csv"])
        XCTAssertEqual(files.status, 0, files.stderr)
        let lines = files.stdout.split(separator: "\r\n").map(String.init)
        XCTAssertEqual(lines.first, "id,name,source,status,format,size,read,accepted,rejected,new,finished_at,first_error,duplicate_of")
        // The second run of good.csv has an entry of its own (2), a duplicate of the first.
        XCTAssertTrue(lines.contains { $0.hasPrefix("2,good.csv,import,success,asterisk,") && $0.contains(",50,50,0,0,") && $0.hasSuffix(",1") }, files.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("3,mixed.csv,import,success,asterisk,") && $0.contains(",30,28,2,28,") }, files.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("4,bad.csv,import,error,,404,2,0,2,0,") }, files.stdout)
        let rejects = try EndToEnd.termdash(["files", "--db", db, "--rejects", "3", "--format", "csv"])
        XCTAssertEqual(rejects.stdout.split(separator: "\r\n").map { $0.split(separator: ",").first.map(String.init) ?? "" },
                       ["line", "4", "17"], rejects.stdout)
        XCTAssertTrue(rejects.stdout.contains("17,\"billsec \"\"zz\"\" is not a whole number of seconds\""), rejects.stdout)
    }

    func testAnImportKilledAtAnyMomentThenRerunLeavesEachCDROnce() throws {
        let rows = 60_000
        let file = try masterCSV("Master.csv", rows: rows)
        let expectedBillsec = (0..<rows).map { $0 % 200 }.reduce(0, +)
        // Kill it at several moments: while opening, while reading, while writing, near the end.
        for delay in [0.01, 0.15, 0.4, 0.8, 1.5] {
            let pid = try EndToEnd.spawnTermdash(["import", "--db", db, file])
            usleep(useconds_t(delay * 1_000_000))
            kill(pid, SIGKILL)
            let status = LocalServers.wait(pid)
            let stored = try FileManager.default.fileExists(atPath: db) ? storedCDRs() : (count: 0, attempts: 0, billsec: 0)
            // A file is one transaction: all of it or nothing, never part.
            XCTAssertTrue(stored.count == 0 || stored.count == rows, "after a kill at \(delay)s (status \(status)): \(stored)")
            XCTAssertEqual(stored.attempts, stored.count, "rollups match the CDRs after a kill at \(delay)s")
        }
        let rerun = try EndToEnd.termdash(["import", "--db", db, file])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        let stored = try storedCDRs()
        XCTAssertEqual(stored.count, rows)
        XCTAssertEqual(stored.attempts, rows)
        XCTAssertEqual(stored.billsec, expectedBillsec)
        let again = try EndToEnd.termdash(["import", "--db", db, file])
        XCTAssertEqual(again.status, 0)
        XCTAssertEqual(try storedCDRs().count, rows)
    }

    func testWatchImportsCompleteFilesAndMovesThem() throws {
        let spool = directory.appendingPathComponent("spool")
        try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
        let first = try masterCSV("a.csv", rows: 10)
        // A file name the switch's side chose, with an escape sequence in it: the log shows it without.
        let hostile = "a\u{1B}[31m\u{1B}]0;owned\u{07}.csv"
        try FileManager.default.moveItem(atPath: first, toPath: spool.appendingPathComponent(hostile).path)
        let bad = try masterCSV("b.csv", rows: 1, bad: [1], from: 100)
        try FileManager.default.moveItem(atPath: bad, toPath: spool.appendingPathComponent("b.csv").path)
        // Files at rest for longer than the interval are complete: --once takes them and exits.
        sleep(1)
        let run = try EndToEnd.termdash(["import", "--db", db, "--watch", spool.path, "--once", "--interval", "0.5"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: spool.appendingPathComponent("processed/\(hostile)").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: spool.appendingPathComponent("failed/b.csv").path))
        XCTAssertEqual(try storedCDRs().count, 10)
        // Everything is a log line on stderr, with journald's level prefix (<6> info, <4> a rejected row).
        XCTAssertEqual(run.stdout, "")
        XCTAssertFalse(run.stderr.contains("\u{1B}"), run.stderr)
        XCTAssertFalse(run.stderr.contains("owned"), run.stderr)
        XCTAssertTrue(run.stderr.contains("<6>\(spool.path)/a.csv: 10 read, 10 accepted, 0 rejected"), run.stderr)
        XCTAssertTrue(run.stderr.contains("<4>\(spool.path)/b.csv:1: "), run.stderr)
        XCTAssertTrue(run.stderr.contains("<3>\(spool.path)/b.csv: nothing imported"), run.stderr)
        XCTAssertTrue(run.stderr.hasSuffix("<6>11 read, 10 accepted, 1 rejected\n"), run.stderr)
        for line in run.stderr.split(separator: "\n") {
            XCTAssertTrue(line.range(of: #"^<[3-7]>"#, options: .regularExpression) != nil, "no level: \(line)")
        }
    }
}
