import Foundation
import Metrics
import TermDashTestSupport
import XCTest

/// `termdash invoice …` and `customer profile` as a billing admin runs them, on a store built here: two customers
/// (a Cyrillic and a Polish name) with rated calls around October 2026, figures checked against the raw records.
final class InvoiceEndToEndTests: StoreEndToEndTestCase {
    static let rates = [
        Rate(prefix: "41", description: "Switzerland", perMinute: Money(micros: 12_345), initialSeconds: 30,
             incrementSeconds: 6),
        Rate(prefix: "48", description: "Polska", perMinute: Money(micros: 77_777), initialSeconds: 1,
             incrementSeconds: 1),
    ]
    static let names = ["ООО «Москва Телеком»", "Łódź Żółć Sp. z o.o."]

    /// Builds the store at `db`; returns the records and the customers' ids.
    @discardableResult
    func buildStore(customers extra: Int = 0, calls: Int = 400, seed: UInt64 = 3) throws -> (records: [CallRecord], ids: [Int64]) {
        let store = try SQLiteStore(path: db)
        let card = try store.addRateCard(name: "sell", direction: .sell, currency: "EUR", rates: Self.rates)
        var ids: [Int64] = []
        for (index, name) in (Self.names + (0..<extra).map { "Extra \($0)" }).enumerated() {
            ids.append(try store.addCustomer(Accounts.NewCustomer(
                accountCode: index < 2 ? ["msk", "lodz"][index] : "x\(index)", name: name, channelsConfigured: 5,
                rateCardID: card), createdAt: 0))
        }
        var random = RandomSource(seed: seed)
        let table = RateTable(Self.rates)
        let from = Period.month(year: 2026, month: 9)!.from
        let to = Period.month(year: 2026, month: 11)!.to
        let records: [CallRecord] = (0..<calls).map { index in
            let start = Int64.random(in: from..<to, using: &random)
            let billsec = Int.random(in: 0..<4, using: &random) == 0 ? 0 : Int.random(in: 1...1_200, using: &random)
            let dst = ["41441234567", "48221234567"].randomElement(using: &random)!
            var record = CallRecord.make(
                key: "e\(index)", start: start, answerAfter: billsec > 0 ? 3 : nil, end: start + 3 + Int64(billsec),
                billsec: billsec, disposition: billsec > 0 ? .answered : .noAnswer,
                customer: ids.randomElement(using: &random)!,
                sell: table.match(dst).map { billsec > 0 ? $0.charge(billsec: billsec).micros : 0 })
            record.dst = dst
            return record
        }
        _ = try store.write { (session: any StoreWriteSession) in try session.insertCDRs(records) }
        try store.checkpoint()
        return (records, ids)
    }

    func termdash(_ arguments: [String]) throws -> EndToEnd.Result {
        try EndToEnd.termdash(arguments + ["--db", db], environment: ["HOME": directory.path, "PATH": "/usr/bin:/bin"])
    }

    func json(_ result: EndToEnd.Result, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                             result.stdout, file: file, line: line)
    }

    func micros(_ text: Any?) -> Int64 { Money(decimal: text as? String ?? "x")?.micros ?? Int64.min }

    func testAMonthInvoicedExportedAndPaidMatchesTheRawCalls() throws {
        let (records, ids) = try buildStore()
        XCTAssertEqual(try termdash(["customer", "profile", "lodz", "--currency", "PLN", "--tax", "VAT:23%",
                                     "--due-days", "14", "--zone", "Europe/Warsaw"]).status, 0)
        let auto = try json(try termdash(["invoice", "auto", "--month", "2026-10", "--format", "json"]))
        let created = try XCTUnwrap(auto["created"] as? [[String: Any]])
        XCTAssertEqual(created.count, 2)
        // A second run finds both invoiced.
        let again = try termdash(["invoice", "auto", "--month", "2026-10"])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stdout.contains("0 drafts created for 2026-10; skipped 2 already invoiced"), again.stdout)

        for (index, customer) in ids.enumerated() {
            let zone = index == 1 ? TimeZone(identifier: "Europe/Warsaw")! : TimeZone.utc
            let period = Period.month(year: 2026, month: 10, in: zone)!
            let expected = records.filter {
                $0.customerID == customer && period.contains($0.startAt) && $0.billsec > 0
            }.reduce(Int64(0)) { $0 + $1.sell!.micros }
            let draft = try XCTUnwrap(created.first { ($0["customer"] as? [String: Any])?["id"] as? Int64 == customer })
            let id = try XCTUnwrap(draft["id"] as? Int64)
            XCTAssertEqual(micros(draft["subtotal"]), expected, "customer \(index)")
            XCTAssertEqual((draft["period"] as? [String: Any])?["from"] as? String, Period.utcText(period.from))

            let issued = try json(try termdash(["invoice", "issue", String(id), "--format", "json"]))
            let number = try XCTUnwrap(issued["number"] as? String)
            XCTAssertEqual(number, "INV-00000\(index + 1)")
            let pdf = directory.appendingPathComponent("\(index).pdf").path
            let csv = directory.appendingPathComponent("\(index).csv").path
            let config = directory.appendingPathComponent("config.toml").path
            try """
                [company]
                name = "Alpen Telecom AG"
                address = "Bahnhofstrasse 1\\n8001 Zürich"
                tax_id = "CHE-123.456.789"
                email = "billing@alpen.example"
                phone = "+41445550000"
                paypal = "pay@alpen.example"
                """.write(toFile: config, atomically: true, encoding: .utf8)
            let export = try termdash(["invoice", "export", number, "--pdf", pdf, "--csv", csv, "--config", config])
            XCTAssertEqual(export.status, 0, export.stderr)
            // The CSV: exactly the CDRs behind it, their charges adding up to the subtotal.
            let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\r\n").dropFirst()
            XCTAssertEqual(rows.count, records.filter {
                $0.customerID == customer && period.contains($0.startAt) && $0.billsec > 0
            }.count)
            XCTAssertEqual(rows.reduce(Int64(0)) { $0 + micros(String($1.split(separator: ",").last!)) }, expected)
            // The PDF, as text.
            let text = try EndToEnd.run("/usr/bin/pdftotext", ["-layout", pdf, "-"])
            XCTAssertEqual(text.status, 0, text.stderr)
            let total = Money(micros: micros(issued["total"])).formatted(decimals: 2)
            for wanted in [Self.names[index], "Invoice \(number)", total, "Due date", "Alpen Telecom AG", "8001 Zürich",
                           "Tax ID CHE-123.456.789", "billing@alpen.example", "+41445550000",
                           "PayPal pay@alpen.example",
                           index == 1 ? "VAT 23%" : "Rounding", index == 1 ? "PLN" : "USD",
                           index == 1 ? "2026-10-01 – 2026-10-31 (Europe/Warsaw)" : "2026-10-01 – 2026-10-31 (UTC)"] {
                XCTAssertTrue(text.stdout.contains(wanted), "PDF lacks \(wanted):\n\(text.stdout)")
            }
        }
        // Partly paid, then paid; the balance the status bar shows moves with it.
        let lodz = try json(try termdash(["invoice", "show", "INV-000002", "--format", "json"]))
        let total = micros(lodz["total"])
        let part = Money(micros: total / 2 / 10_000 * 10_000).formatted(decimals: 2)
        let paid = try termdash(["invoice", "pay", "INV-000002", "--amount", part, "--date", "2026-11-20"])
        XCTAssertEqual(paid.status, 0, paid.stderr)
        XCTAssertTrue(paid.stdout.contains("partly paid"), paid.stdout)
        let left = Money(micros: total - Money(decimal: part)!.micros).formatted(decimals: 2)
        XCTAssertTrue(paid.stdout.contains("\(left) left"), paid.stdout)
        let shown = try termdash(["invoice", "show", "INV-000002"])
        XCTAssertTrue(shown.stdout.range(of: "Left +PLN +\(left)\n", options: .regularExpression) != nil, shown.stdout)
        let store = try SQLiteStore(path: db, readOnly: true)
        let balance = try store.read { try $0.customers() }.first { $0.id == ids[1] }!.balance
        XCTAssertEqual(balance.micros, -(total - Money(decimal: part)!.micros))

        let list = try json(try termdash(["invoice", "list", "--status", "issued", "--format", "json"]))
        XCTAssertEqual((list["invoices"] as? [[String: Any]])?.count, 2)
        let table = try termdash(["invoice", "list", "--customer", "lodz"])
        XCTAssertTrue(table.stdout.contains("INV-000002"), table.stdout)
        XCTAssertTrue(table.stdout.contains("partly paid"), table.stdout)
        XCTAssertFalse(table.stdout.contains("INV-000001"), table.stdout)
    }

    /// Two processes issuing at once get consecutive numbers, no gap, none twice.
    func testProcessesIssuingAtOnceGetConsecutiveNumbers() throws {
        let (_, ids) = try buildStore(customers: 6, calls: 600)
        var drafts: [Int64] = []
        for customer in ids {
            let created = try json(try termdash(["invoice", "create", "--customer", String(customer),
                                                 "--from", "2026-09-01", "--to", "2026-11-01", "--format", "json"]))
            drafts.append(try XCTUnwrap(created["id"] as? Int64))
        }
        let runs = ConcurrentRuns(count: drafts.count)
        let db = self.db
        let draftIDs = drafts
        DispatchQueue.concurrentPerform(iterations: drafts.count) { index in
            runs.set(index, try? EndToEnd.termdash(["invoice", "issue", String(draftIDs[index]), "--db", db,
                                                   "--format", "json"]))
        }
        var numbers: [String] = []
        for (index, result) in runs.results.enumerated() {
            XCTAssertEqual(result?.status, 0, "run \(index): \(result?.stderr ?? "did not run")")
            let object = try JSONSerialization.jsonObject(with: Data((result?.stdout ?? "").utf8)) as? [String: Any]
            numbers.append(object?["number"] as? String ?? "?")
        }
        XCTAssertEqual(numbers.sorted(), (1...drafts.count).map { "INV-00000\($0)" })
    }

    func testUsageMistakesExit64AndRefusalsSayWhy() throws {
        try buildStore()
        for arguments in [["invoice", "create", "--customer", "msk"],
                          ["invoice", "create", "--customer", "msk", "--month", "2026-13"],
                          ["invoice", "create", "--customer", "msk", "--from", "2026-10-01"],
                          ["invoice", "create", "--customer", "msk", "--from", "2026-10-05", "--to", "2026-10-01"],
                          ["invoice", "create", "--customer", "msk", "--month", "2026-10", "--to", "2026-10-01"],
                          ["invoice", "pay", "1", "--amount", "-5"],
                          ["invoice", "list", "--status", "unpaid"],
                          ["customer", "profile", "msk", "--tax", "23"],
                          ["customer", "profile", "msk", "--zone", "Mars/Olympus"],
                          ["report", "customers", "--month", "2026-1"],
                          ["report", "channels", "--month", "2026-10"],
                          ["rates", "rate-unrated"]] {
            let result = try termdash(arguments)
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
            XCTAssertFalse(result.stderr.isEmpty, "\(arguments) says why")
        }
        XCTAssertEqual(try termdash(["invoice", "create", "--customer", "msk", "--month", "2026-10"]).status, 0)
        let issued = try termdash(["invoice", "issue", "1"])
        XCTAssertEqual(issued.status, 0, issued.stderr)
        let overlap = try termdash(["invoice", "create", "--customer", "msk", "--from", "2026-10-31", "--to", "2026-11-02"])
        XCTAssertEqual(overlap.status, 1)
        XCTAssertTrue(overlap.stderr.contains("overlaps invoice INV-000001"), overlap.stderr)
        let unknown = try termdash(["invoice", "create", "--customer", "nobody", "--month", "2026-10"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("no customer nobody"), unknown.stderr)
        let over = try termdash(["invoice", "pay", "INV-000001", "--amount", "999999"])
        XCTAssertEqual(over.status, 1)
        XCTAssertTrue(over.stderr.contains("has only"), over.stderr)
        let twice = try termdash(["invoice", "issue", "1"])
        XCTAssertEqual(twice.status, 1)
        XCTAssertTrue(twice.stderr.contains("invoice INV-000001 is issued: it cannot be issued"), twice.stderr)
        let quiet = try termdash(["invoice", "create", "--customer", "lodz", "--month", "2030-01"])
        XCTAssertEqual(quiet.status, 1)
        XCTAssertTrue(quiet.stderr.contains("has no billable calls"), quiet.stderr)
    }

    /// `report --month` covers that month whatever the date: totals per customer equal the raw calls in it.
    func testReportOverAMonthOfHistory() throws {
        let (records, ids) = try buildStore()
        let october = Period.month(year: 2026, month: 10)!
        let report = try json(try termdash(["report", "customers", "--month", "2026-10", "--format", "json"]))
        XCTAssertEqual(report["from"] as? String, "2026-10-01T00:00:00Z")
        XCTAssertEqual(report["to"] as? String, "2026-11-01T00:00:00Z")
        let rows = try XCTUnwrap(report["rows"] as? [[String: Any]])
        for (index, customer) in ids.enumerated() {
            let mine = records.filter { $0.customerID == customer && october.contains($0.startAt) }
            let row = try XCTUnwrap(rows.first { $0["customer"] as? String == Self.names[index] })
            XCTAssertEqual(row["attempts"] as? Int, mine.count)
            XCTAssertEqual(micros(row["spend"]), mine.reduce(Int64(0)) { $0 + ($1.sell?.micros ?? 0) })
        }
        let days = try json(try termdash(["report", "summary", "--period", "daily", "--from", "2026-10-30T12:00:00Z",
                                          "--to", "2026-11-02", "--format", "json"]))
        let buckets = Set((days["rows"] as? [[String: Any]] ?? []).compactMap { $0["bucket_utc"] as? String })
        XCTAssertTrue(buckets.isSubset(of: ["2026-10-30T12:00:00Z", "2026-10-31T00:00:00Z", "2026-11-01T00:00:00Z"]),
                      "\(buckets)")
        XCTAssertFalse(buckets.isEmpty)
    }
}
