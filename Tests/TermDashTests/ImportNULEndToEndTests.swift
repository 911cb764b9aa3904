import Foundation
import Metrics
import XCTest

/// A NUL byte in a CDR field: SQLite's C strings would store the text cut short at it while the import printed it
/// whole. The row is rejected with its line and reason, kept whole among the rejects, and what is stored is what
/// was said.
final class ImportNULEndToEndTests: StoreEndToEndTestCase {
    func testARowWithANULByteIsRejectedAndTheStoredAccountsAreThosePrinted() throws {
        var lines = GeneratedMasterCSV.text(rows: 3).split(separator: "\n").map(String.init)
        // Line 2 names customer cust1 and caller "Caller": both get a NUL byte inside.
        lines[1] = lines[1].replacingOccurrences(of: "\"cust1\"", with: "\"AC\u{0}ME\"")
            .replacingOccurrences(of: "\"\"Caller\"\"", with: "\"\"Ca\u{0}ller\"\"")
        XCTAssertTrue(lines[1].hasPrefix("\"AC\u{0}ME\""))
        let file = try GeneratedMasterCSV.write(lines.joined(separator: "\n") + "\n", "nul.csv", in: directory)

        let run = try EndToEnd.termdash(["import", "--db", db, file])
        XCTAssertEqual(run.status, 3, run.stderr)
        XCTAssertEqual(run.stderr, "\(file):2: field 1 holds a NUL byte, which TermDash does not store\n")
        XCTAssertTrue(run.stdout.contains("\(file): 3 read, 2 accepted, 1 rejected (2 new; asterisk)"), run.stdout)
        let printed = run.stdout.split(separator: "\n").first { $0.contains("new customers") }
            .map { $0.components(separatedBy: ": ").last!.components(separatedBy: ", ") } ?? []

        let store = try SQLiteStore(path: db, readOnly: true)
        let stored = try store.accounts().customers.map(\.accountCode)
        XCTAssertEqual(stored, printed, "the customers stored are the customers the import named")
        XCTAssertEqual(stored, ["cust0", "cust2"])
        let entry = try XCTUnwrap(try store.fileEntries().first)
        XCTAssertEqual(try store.rejects(ofFile: entry.id).map(\.raw), [lines[1]], "the rejected row is kept whole")
    }
}
