import Foundation
import XCTest
@testable import Metrics
import TermDashTestSupport

final class AsteriskCSVTests: XCTestCase {
    private let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/cdr-samples")
    private let utc = LocalTimeParser(zone: TimeZone(identifier: "UTC")!)

    private func rows(_ file: String, time: LocalTimeParser? = nil) throws -> [Result<SwitchRow, RowError>] {
        let url = samples.appendingPathComponent(file)
        try XCTSkipUnless(FileManager.default.fileExists(atPath: url.path), "shared/cdr-samples is not beside the checkout")
        return CSVReader(bytes: Array(try Data(contentsOf: url))).map { RowParser(layout: .asterisk(), time: time ?? utc).parse($0) }
    }

    /// What the Asterisk test suite expects of its own sample: 5 records, the first ANSWERED, the second with
    /// billsec 7 over a duration of 5; all five share one uniqueid.
    func testTheGoodSampleParsesToFiveRecords() throws {
        let parsed = try rows("asterisk-18col-good.csv").map { try $0.get() }
        XCTAssertEqual(parsed.count, 5)
        XCTAssertEqual(parsed[0].disposition, .answered)
        XCTAssertEqual(parsed[1].billsec, 7)
        XCTAssertEqual(parsed[1].duration, 5)
        XCTAssertEqual(parsed.map(\.disposition), [.answered, .answered, .failed, .noAnswer, .busy])
        XCTAssertEqual(Set(parsed.compactMap(\.legID)), ["1231977075.0"])
        XCTAssertEqual(parsed[0].fields[4], "\"Test User\" <test>")
        XCTAssertEqual(parsed[0].startAt, 1_231_977_075, "2009-01-14 23:51:15 UTC")
        XCTAssertEqual(parsed[0].endAt - parsed[0].startAt, 5)
    }

    func testTheBrokenQuoteSampleIsRejectedWithItsLine() throws {
        let parsed = try rows("asterisk-broken-quote.csv")
        XCTAssertEqual(parsed.count, 1)
        guard case .failure(let error) = parsed[0] else { return XCTFail("a never-closed quote must not parse") }
        XCTAssertEqual(error, RowError(1, "a quoted field is not closed"))
    }

    func testLocalTimeIsReadInTheSourcesZone() throws {
        let zurich = LocalTimeParser(zone: TimeZone(identifier: "Europe/Zurich")!)
        let parsed = try rows("asterisk-18col-good.csv", time: zurich).map { try $0.get() }
        XCTAssertEqual(parsed[0].startAt, 1_231_977_075 - 3_600, "23:51:15 CET is 22:51:15 UTC")
        // Summer time: 2024-07-01 12:00:00 in Zurich is 10:00:00 UTC.
        XCTAssertEqual(zurich.seconds(from: "2024-07-01 12:00:00"), 1_719_828_000)
        for bad in ["2024-02-30 12:00:00", "2024-13-01 00:00:00", "2024-01-01 24:00:00", "2024-01-01T00:00:00", "", "2024-1-01 00:00:00"] {
            XCTAssertNil(utc.seconds(from: Substring(bad)), bad)
        }
        XCTAssertNotNil(utc.seconds(from: "2024-02-29 23:59:59"))
    }

    func testBadRowsSayWhy() {
        func reason(_ line: String) -> String? {
            guard let record = Array(CSVReader(text: line)).first, case .failure(let error) = RowParser(layout: .asterisk(), time: utc).parse(record)
            else { return nil }
            return error.reason
        }
        let good = #""","1000","2000","ctx","A <1000>","SIP/a-1","SIP/carrierA-2","Dial","x","2024-01-01 10:00:00","2024-01-01 10:00:05","2024-01-01 10:01:05",65,60,"ANSWERED","DOCUMENTATION""#
        XCTAssertNil(reason(good), "16 columns are enough")
        XCTAssertEqual(reason("a,b,c"), "3 columns; Asterisk cdr_csv has 16 to 21")
        XCTAssertEqual(reason(good.replacingOccurrences(of: "\"ANSWERED\"", with: "\"MAYBE\"")),
                       "disposition \"MAYBE\" is not ANSWERED, NO ANSWER, BUSY, FAILED or CONGESTION")
        XCTAssertEqual(reason(good.replacingOccurrences(of: ",65,", with: ",-1,")), "duration \"-1\" is not a whole number of seconds")
        XCTAssertEqual(reason(good.replacingOccurrences(of: "\"2024-01-01 10:01:05\"", with: "\"2024-01-01 09:00:00\"")),
                       "end is before start")
        XCTAssertEqual(reason(good.replacingOccurrences(of: "\"2024-01-01 10:00:00\"", with: "\"yesterday\"")),
                       "start \"yesterday\" is not a YYYY-MM-DD HH:MM:SS time")
    }
}
