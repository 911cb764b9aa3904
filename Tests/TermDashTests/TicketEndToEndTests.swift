import Foundation
import XCTest
@testable import Metrics

/// `termdash ticket open | list | close` as a support desk runs them: the support block attached is the one
/// `termdash version` prints, subjects are shown sanitised, mistakes exit non-zero with a message.
final class TicketEndToEndTests: StoreEndToEndTestCase {
    func testOpenListCloseWithTheSupportBlock() throws {
        let store = try SQLiteStore(path: db)
        try store.addCustomer(.init(accountCode: "ACME", name: "Acme Telecom", channelsConfigured: 1, rateCardID: nil),
                              createdAt: 0)

        let opened = try EndToEnd.termdash(["ticket", "open", "Invoice for May is short", "--customer", "ACME",
                                            "--db", db, "--tz", "Europe/Zurich"])
        XCTAssertEqual(opened.status, 0, opened.stderr)
        XCTAssertTrue(opened.stdout.hasPrefix("Opened ticket 1\n"), opened.stdout)
        let version = try EndToEnd.termdash(["version", "--tz", "Europe/Zurich"])
        for line in version.stdout.split(separator: "\n") {
            XCTAssertTrue(opened.stdout.contains(line), "the support block carries \(line):\n\(opened.stdout)")
        }
        XCTAssertTrue(opened.stdout.contains("Store \(db)"), opened.stdout)
        XCTAssertNotNil(opened.stdout.range(of: #"Time \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC"#, options: .regularExpression))

        let hostile = try EndToEnd.termdash(["ticket", "open", "\u{1B}]52;c;ZXZpbA==\u{07}Help\u{1B}[2J", "--db", db])
        XCTAssertEqual(hostile.status, 0, hostile.stderr)

        let table = try EndToEnd.termdash(["ticket", "list", "--db", db])
        XCTAssertEqual(table.status, 0, table.stderr)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, table.stdout)
        XCTAssertTrue(lines[0].hasPrefix("id  status"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("2   open") && lines[1].hasSuffix("Help"), lines[1])
        XCTAssertFalse(table.stdout.contains("\u{1B}"), "no escape reaches the terminal")
        XCTAssertTrue(lines[2].contains("Acme Telecom") && lines[2].hasSuffix("Invoice for May is short"), lines[2])

        let closed = try EndToEnd.termdash(["ticket", "close", "1", "--db", db])
        XCTAssertEqual(closed.status, 0, closed.stderr)
        XCTAssertEqual(closed.stdout, "Closed ticket 1: Invoice for May is short\n")

        let json = try EndToEnd.termdash(["ticket", "list", "--format", "json", "--db", db])
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = try XCTUnwrap(object["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["id"] as? Int }, [2, 1])
        XCTAssertEqual(rows.map { $0["status"] as? String }, ["open", "closed"])
        XCTAssertEqual(rows[0]["subject"] as? String, "\u{1B}]52;c;ZXZpbA==\u{07}Help\u{1B}[2J", "JSON keeps the data, escaped")
        XCTAssertFalse(json.stdout.contains("\u{1B}"))
        XCTAssertTrue((rows[1]["support"] as? String)?.contains("Zone Europe/Zurich") == true)

        let openOnly = try EndToEnd.termdash(["ticket", "list", "--open", "--db", db])
        XCTAssertEqual(openOnly.stdout.split(separator: "\n").count, 2, openOnly.stdout)
    }

    func testMistakesExitNonZeroWithAMessage() throws {
        _ = try SQLiteStore(path: db)
        let empty = try EndToEnd.termdash(["ticket", "open", " ", "--db", db])
        XCTAssertEqual(empty.status, 64, empty.stderr)
        XCTAssertTrue(empty.stderr.contains("the subject is empty"), empty.stderr)

        let stranger = try EndToEnd.termdash(["ticket", "open", "x", "--customer", "NOPE", "--db", db])
        XCTAssertEqual(stranger.status, 1)
        XCTAssertTrue(stranger.stderr.contains("--customer \"NOPE\": no customer with that account code or name"),
                      stranger.stderr)

        let unknown = try EndToEnd.termdash(["ticket", "close", "7", "--db", db])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("ticket close 7: no ticket 7"), unknown.stderr)

        XCTAssertEqual(try EndToEnd.termdash(["ticket", "close", "0", "--db", db]).status, 64)
        XCTAssertEqual(try EndToEnd.termdash(["ticket", "list", "--format", "xml", "--db", db]).status, 64)
        XCTAssertEqual(try EndToEnd.termdash(["ticket", "list", "--db", db]).stdout, "id  status  opened_at  closed_at  customer  subject\n")
    }
}
