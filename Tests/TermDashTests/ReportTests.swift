import Foundation
import GRDB
@testable import Metrics
import XCTest
@testable import TermDash

final class ReportTests: XCTestCase {
    private var directory: URL!
    private var engine: MetricsEngine!
    /// 2024-03-01 10:20:00 UTC.
    private let now: Int64 = 1_709_288_400

    override func setUpWithError() throws {
        directory = try EndToEnd.temporaryDirectory()
        let store = try SQLiteStore(path: directory.appendingPathComponent("r.db").path)
        try store.write { db in
            let acme = try Accounts.addCustomer(.init(accountCode: "A", name: "Acme, \"East\"", channelsConfigured: 10, rateCardID: nil), createdAt: 0, in: db)
            try Accounts.addCustomer(.init(accountCode: "B", name: "Quiet Ltd", channelsConfigured: 5, rateCardID: nil), createdAt: 0, in: db)
            let telia = try Accounts.addCarrier(name: "Telia", channelsConfigured: 30, rateCardID: nil, in: db)
            func call(_ key: String, start: Int64, billsec: Int?, disposition: Disposition, sell: Int64?, buy: Int64?) -> CallRecord {
                CallRecord(source: "t", rowKey: RowKey(key), startAt: start, answerAt: billsec.map { _ in start + 5 },
                           endAt: start + 5 + Int64(billsec ?? 0), duration: 5 + (billsec ?? 0), billsec: billsec ?? 0,
                           disposition: disposition, customerID: acme, carrierID: telia, dtmfDigits: billsec == nil ? nil : 2,
                           sell: sell.map { Money(micros: $0) }, buy: buy.map { Money(micros: $0) })
            }
            // 10:00 hour: two answered (60 s and 30 s), one busy. 09:00 hour: one answered with billsec 0, unrated.
            try CDRWriter.insert([
                call("1", start: now - 900, billsec: 60, disposition: .answered, sell: 1_234_567, buy: 1_000_000),
                call("2", start: now - 600, billsec: 30, disposition: .answered, sell: 500_000, buy: 250_001),
                call("3", start: now - 300, billsec: nil, disposition: .busy, sell: 0, buy: 0),
                call("4", start: now - 4_000, billsec: 0, disposition: .answered, sell: nil, buy: 0),
            ], in: db)
            try db.execute(sql: "INSERT INTO calls_in_progress (call_key, source, start_at, customer_id, carrier_id) VALUES ('x', 't', ?, ?, ?)",
                           arguments: [now - 10, acme, telia])
        }
        engine = MetricsEngine(store: store)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private func report(_ arguments: [String]) throws -> ReportTable {
        try ReportCommand.parse(arguments).build(engine: engine, at: now)
    }

    func testSummaryCSVHasOneRowPerCustomerAndHourWithExactMoney() throws {
        let csv = try report(["summary", "--period", "live", "--format", "csv"]).csv()
        // Worked by hand: 09:00 holds the billsec-0 "answered" row (not answered, unrated sell); 10:00 the rest.
        XCTAssertEqual(csv, #"""
            customer,bucket_utc,attempts,answered,busy,no_answer,failed,asr_percent,acd_seconds,dtmf_share_percent,dtmf_digits,dtmf_unknown,spend,provider_cost,profit,unrated_sell,unrated_buy\#r
            "Acme, ""East""",2024-03-01T09:00:00Z,1,0,0,1,0,0.00,N/A,N/A,0,0,0.000000,0.000000,0.000000,1,0\#r
            "Acme, ""East""",2024-03-01T10:00:00Z,3,2,1,0,0,66.67,45.0,100.00,4,0,1.734567,1.250001,0.484566,0,0\#r

            """#)
    }

    func testJSONKeepsMoneyExactAndNAAsNull() throws {
        let text = try report(["customers", "--period", "daily", "--format", "json"])
            .json(version: "0.1.0+test", generatedAt: Date(timeIntervalSince1970: TimeInterval(now)))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(object["report"] as? String, "customers")
        XCTAssertEqual(object["period"] as? String, "daily")
        XCTAssertEqual(object["generated_at"] as? String, "2024-03-01T10:20:00Z")
        let rows = try XCTUnwrap(object["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.count, 1, "Quiet Ltd made no calls")
        XCTAssertEqual(rows[0]["customer"] as? String, "Acme, \"East\"")
        XCTAssertEqual(rows[0]["attempts"] as? Int, 4)
        XCTAssertEqual(rows[0]["asr_percent"] as? Double, 50)
        XCTAssertEqual(rows[0]["spend"] as? String, "1.734567")
        XCTAssertEqual(rows[0]["profit"] as? String, "0.484566")
        XCTAssertEqual(rows[0]["unrated_sell"] as? Int, 1)

        let empty = try report(["carriers", "--period", "live", "--format", "json"])
        XCTAssertEqual(empty.rows.count, 1)
        let summaryJSON = try report(["summary", "--format", "json"]).json(version: "v", generatedAt: Date())
        let summary = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(summaryJSON.utf8)) as? [String: Any])
        let first = try XCTUnwrap((summary["rows"] as? [[String: Any]])?.first)
        XCTAssertTrue(first["acd_seconds"] is NSNull, "N/A is null, never 0")
    }

    func testChannelsAndTableOutput() throws {
        let channels = try report(["channels"])
        XCTAssertEqual(channels.rows, [
            [.text("customer"), .text("Acme, \"East\""), .integer(1), .integer(10)],
            [.text("customer"), .text("Quiet Ltd"), .integer(0), .integer(5)],
            [.text("carrier"), .text("Telia"), .integer(1), .integer(30)],
        ])
        XCTAssertEqual(channels.table(), """
            kind      name          in_use  configured
            customer  Acme, "East"       1          10
            customer  Quiet Ltd          0           5
            carrier   Telia              1          30

            """)
    }
}

/// The import progress bar's line: percentage, rows, rate, ETA and name, fitted to the width.
final class ImportProgressLineTests: XCTestCase {
    func testTheBarShowsProgressRateAndETAWithinTheWidth() {
        let progress = ImportProgress(bytesRead: 50_000_000, bytesTotal: 200_000_000, rows: 250_000)
        let line = ImportOutput.barLine(progress, elapsed: 1.25, name: "Master.csv", width: 100)
        XCTAssertEqual(line, "[███████░░░░░░░░░░░░░░░░░░░░░░░]  25%  250,000 rows  200,000 rows/s  ETA 4s  Master.csv")
        XCTAssertLessThan(DisplayWidth.of(ImportOutput.barLine(progress, elapsed: 1.25, name: "Master.csv", width: 40)), 40)
        let done = ImportOutput.barLine(ImportProgress(bytesRead: 10, bytesTotal: 10, rows: 3), elapsed: 1, name: "a\u{1B}[2Jb", width: 80)
        XCTAssertTrue(done.contains("100%") && done.contains("ETA -") && !done.contains("\u{1B}"), done)
        XCTAssertEqual(ImportOutput.duration(75), "1m15s")
        XCTAssertEqual(ImportOutput.duration(3_725), "1h02m")
    }
}
