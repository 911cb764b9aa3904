import Foundation
import GRDB
@testable import Metrics
import XCTest
@testable import TermDash

/// Names from the store, file names and values from files reach the terminal through every command's output:
/// none of them may carry a byte that drives it (escape sequences, C0 and C1 controls, DEL, bidi controls,
/// zero-width characters). Table and CSV show them sanitised; JSON escapes them and keeps the data.
final class OutputSafetyTests: XCTestCase {
    /// OSC 52 (sets the clipboard), a clear screen, an 8-bit CSI, a right-to-left override, a zero-width space,
    /// NUL, DEL, NEL, an 8-bit OSC, isolates, a BOM, and a comma and quotes for CSV.
    /// (NUL last: SQLite's text ends at it.)
    static let hostile = "Acme\u{1b}]52;c;SGVsbG8=\u{07}\u{1b}[2J\u{9b}31m\u{202e}gpj.exe\u{200b}\u{7f}\u{85}"
        + "\u{9d}0;title\u{9c}\u{2066}x\u{2069}\u{feff}\u{ad}, \"East\"\u{0}"
    /// What `Sanitizer.clean` leaves of it: sequences removed whole, NEL a space, the rest dropped.
    static let hostileShown = "Acmegpj.exe x, \"East\""

    private var directory: URL!
    private var db: String { directory.appendingPathComponent("store.db").path }

    override func setUpWithError() throws {
        directory = try EndToEnd.temporaryDirectory()
    }

    override func tearDown() {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// The scalars of `text` a terminal must not get: controls but line ends, DEL, C1, bidi and invisible
    /// characters, and U+FFFD (what invalid UTF-8 decodes to). Listed by hand, not by the code under test.
    static func unsafe(in text: String) -> [String] {
        text.unicodeScalars.compactMap { scalar -> String? in
            switch scalar.value {
            case 0x0A, 0x0D: return nil
            case 0x00...0x1F, 0x7F...0x9F, 0x00AD, 0x061C, 0x180E, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064,
                 0x2066...0x206F, 0xFEFF, 0xFFF9...0xFFFB, 0xFFFD, 0xE0000...0xE007F:
                return "U+" + String(scalar.value, radix: 16, uppercase: true)
            default: return nil
            }
        }
    }

    private func assertSafe(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Self.unsafe(in: text), [], "\(what): \(text.debugDescription)", file: file, line: line)
    }

    /// A store with one customer (name and account code hostile) that made calls an hour ago and has one in
    /// progress, so every report kind lists it.
    private func makeStore() throws {
        let store = try SQLiteStore(path: db)
        let now = Int64(Date().timeIntervalSince1970)
        try store.write { db in
            let customer = try Accounts.addCustomer(
                .init(accountCode: Self.hostile, name: Self.hostile, channelsConfigured: 10, rateCardID: nil), createdAt: 0, in: db)
            let carrier = try Accounts.addCarrier(name: "Carrier " + Self.hostile, channelsConfigured: 30, rateCardID: nil, in: db)
            let calls = (1...2).map { index in
                CallRecord(source: "t", rowKey: RowKey("\(index)"), startAt: now - 3_600 - Int64(index) * 60, answerAt: now - 3_595,
                           endAt: now - 3_500, duration: 100, billsec: 95, disposition: .answered, customerID: customer,
                           carrierID: carrier, dtmfDigits: 1, sell: Money(micros: 1_000_000), buy: Money(micros: 500_000))
            }
            try CDRWriter.insert(calls, in: db)
            try db.execute(sql: "INSERT INTO calls_in_progress (call_key, source, start_at, customer_id, carrier_id) VALUES ('x', 't', ?, ?, ?)",
                           arguments: [now - 10, customer, carrier])
        }
    }

    /// Records of an RFC 4180 text: fields unquoted, quotes undoubled. Fails on a stray quote.
    private func csvRecords(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false, afterQuote = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false; afterQuote = true }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                XCTAssertTrue(field.isEmpty && !afterQuote, "a quote inside an unquoted field: \(text.debugDescription)", file: file, line: line)
                quoted = true
            case ",":
                record.append(field); field = ""; afterQuote = false
            case "\r":
                XCTAssertEqual(scalars.popFirst(), "\n", "CR without LF", file: file, line: line)
                record.append(field); records.append(record); record = []; field = ""; afterQuote = false
            default:
                XCTAssertFalse(afterQuote, "text after a closing quote", file: file, line: line)
                field.unicodeScalars.append(scalar)
            }
        }
        XCTAssertFalse(quoted, "an unterminated quote", file: file, line: line)
        XCTAssertTrue(record.isEmpty && field.isEmpty, "the last record has no CRLF", file: file, line: line)
        return records
    }

    // MARK: report

    func testReportTableCSVAndJSONOfHostileNames() throws {
        try makeStore()
        let engine = MetricsEngine(store: try SQLiteStore(path: db, readOnly: true))
        let now = Int64(Date().timeIntervalSince1970)
        for kind in ["summary", "customers", "carriers", "channels"] {
            let report = try ReportCommand.parse([kind, "--period", "daily"]).build(engine: engine, at: now)
            XCTAssertFalse(report.rows.isEmpty, kind)

            let table = report.table()
            assertSafe(table, "\(kind) table")
            XCTAssertTrue(table.contains(Self.hostileShown), table)

            let csv = report.csv()
            assertSafe(csv, "\(kind) CSV")
            let records = csvRecords(csv)
            XCTAssertEqual(records.count, report.rows.count + 1, csv)
            XCTAssertTrue(records.allSatisfy { $0.count == report.columns.count }, "every record has every column:\n\(csv)")
            XCTAssertTrue(records.contains { $0.contains(Self.hostileShown) || $0.contains("Carrier " + Self.hostileShown) }, csv)

            let json = try report.json(version: "v", generatedAt: Date())
            assertSafe(json, "\(kind) JSON")
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let rows = try XCTUnwrap(object["rows"] as? [[String: Any]])
            let column = report.columns.firstIndex { ["customer", "carrier", "name"].contains($0) }!
            for (row, decoded) in zip(report.rows, rows) {
                guard case .text(let stored) = row[column] else { return XCTFail("\(row)") }
                XCTAssertTrue(stored.contains("Acme\u{1b}]52;c;SGVsbG8=\u{07}\u{1b}[2J\u{9b}31m\u{202e}"), stored.debugDescription)
                XCTAssertEqual(decoded[report.columns[column]] as? String, stored, "JSON gives the stored name back exactly")
            }
        }
    }

    func testReportCommandPrintsOnlySafeBytes() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.binary), "build first: \(EndToEnd.binary) is missing")
        try makeStore()
        for format in ["table", "csv", "json"] {
            for kind in ["summary", "customers", "channels"] {
                let result = try EndToEnd.termdash(["report", kind, "--format", format, "--db", db])
                XCTAssertEqual(result.status, 0, result.stderr)
                assertSafe(result.stdout, "report \(kind) --format \(format)")
                XCTAssertTrue(result.stdout.contains("Acme"), result.stdout)
            }
        }
    }

    // MARK: files, import

    func testFilesAndImportOutputOfAHostileFileAndRows() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.binary), "build first: \(EndToEnd.binary) is missing")
        // Without the NUL: no file name can hold one.
        let text = String(Self.hostile.dropLast())
        let field = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let row = { (index: Int, billsec: String) in
            "\(field),\"100\",\"4412345\",\"ctx\",\"\"\"Caller\"\" <100>\",\"SIP/in-1\",\"SIP/carrier-0000abcd\",\"Dial\",\"x\","
                + "\"2025-11-21 10:00:00\",\"2025-11-21 10:00:02\",\"2025-11-21 10:01:02\",62,\(billsec),\"ANSWERED\","
                + "\"DOCUMENTATION\",\"1.\(index)\",\"\"\n"
        }
        let name = "cdrs-" + text.replacingOccurrences(of: "/", with: "") + ".csv"
        let path = directory.appendingPathComponent(name).path
        // Three good rows (the format is detected from them) and a bad one whose reason quotes the value.
        let rows = ["60", "61", "62", "\"zz\(text.replacingOccurrences(of: "\"", with: "\"\""))\""].enumerated().map(row).joined()
        try Data(rows.utf8).write(to: URL(fileURLWithPath: path))

        let imported = try EndToEnd.termdash(["import", "--db", db, path])
        XCTAssertEqual(imported.status, 3, "one row rejected: \(imported.stdout)\(imported.stderr)")
        assertSafe(imported.stdout, "import's stdout")
        assertSafe(imported.stderr, "import's stderr")
        XCTAssertTrue(imported.stdout.contains("cdrs-Acmegpj.exe x"), imported.stdout)

        for format in ["table", "csv", "json"] {
            for arguments in [[], ["--rejects", "1"]] {
                let result = try EndToEnd.termdash(["files", "--db", db, "--format", format] + arguments)
                XCTAssertEqual(result.status, 0, result.stderr)
                assertSafe(result.stdout, "files \(arguments) --format \(format)")
                if format == "csv" { _ = csvRecords(result.stdout) }
                if format == "json" {
                    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
                    let first = try XCTUnwrap((object["rows"] as? [[String: Any]])?.first)
                    if arguments.isEmpty {
                        XCTAssertEqual(first["name"] as? String, name, "JSON keeps the file's name exactly")
                    } else {
                        XCTAssertTrue((first["raw"] as? String)?.contains(field) ?? false, "JSON keeps the raw row exactly: \(first)")
                    }
                }
            }
        }
    }

    // MARK: rates

    func testRatesImportAndListOfAHostileCardName() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.binary), "build first: \(EndToEnd.binary) is missing")
        try makeStore()
        let card = directory.appendingPathComponent("card.csv")
        try "prefix,rate\n44,0.01\n".write(to: card, atomically: true, encoding: .utf8)
        let name = String(Self.hostile.dropLast())
        let imported = try EndToEnd.termdash(["rates", "import", card.path, "--card", name, "--db", db])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        assertSafe(imported.stdout, "rates import")
        XCTAssertTrue(imported.stdout.contains("Loaded rate card \"\(Self.hostileShown)\""), imported.stdout)

        let list = try EndToEnd.termdash(["rates", "list", "--db", db])
        XCTAssertEqual(list.status, 0, list.stderr)
        assertSafe(list.stdout, "rates list")
        XCTAssertTrue(list.stdout.contains(Self.hostileShown), list.stdout)

        let bad = directory.appendingPathComponent("bad.csv")
        try "prefix,rate\n44,\(name.filter { $0 != "," && $0 != "\"" })\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try EndToEnd.termdash(["rates", "import", bad.path, "--card", "B", "--db", db])
        XCTAssertNotEqual(refused.status, 0)
        assertSafe(refused.stderr, "rates import's errors")
    }

    // MARK: errors

    func testErrorMessagesThatQuoteDataAreSanitised() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.binary), "build first: \(EndToEnd.binary) is missing")
        let name = String(Self.hostile.dropLast())
        let missing = directory.appendingPathComponent(name).appendingPathComponent("store.db").path
        let noStore = try EndToEnd.termdash(["report", "--db", missing])
        XCTAssertNotEqual(noStore.status, 0)
        assertSafe(noStore.stderr, "no store")
        XCTAssertTrue(noStore.stderr.contains("Acmegpj.exe x"), noStore.stderr)

        let unknownSource = try EndToEnd.termdash(["import", "--db", db, "--source", name, "x.csv"])
        XCTAssertNotEqual(unknownSource.status, 0)
        assertSafe(unknownSource.stderr, "unknown source")
        XCTAssertTrue(unknownSource.stderr.contains("--source Acmegpj.exe x"), unknownSource.stderr)
    }
}
