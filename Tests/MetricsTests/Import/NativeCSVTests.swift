import Foundation
import XCTest
@testable import Metrics
import TermDashTestSupport

final class NativeCSVTests: XCTestCase {
    private let zurich = TimeZone(identifier: "Europe/Zurich")!

    /// The example of docs/native-csv.md, read as documented.
    func testTheDocumentedCallsExample() throws {
        let text = """
            call_id,leg_id,start,answer,end,billsec,src,dst,caller_name,disposition,hangup_cause,dtmf_digits,customer,carrier,did
            c-1001,c-1001-a,2024-05-01T10:00:00Z,2024-05-01T10:00:07Z,2024-05-01T10:01:07Z,60,1000,0041442000000,Alice,answered,NORMAL_CLEARING,3,acme,carrierA,
            c-1002,c-1002-a,2024-05-01 12:00:00+02:00,,2024-05-01 12:00:30+02:00,0,1001,0041442000001,,busy,USER_BUSY,,acme,carrierA,
            """
        let layout = try FormatDetection.detect(bytes: Array(text.utf8)).get()
        XCTAssertEqual(layout.format, .native)
        XCTAssertEqual(layout.content, .calls)
        XCTAssertTrue(layout.hasHeader)
        let rows = try CDRSamples.parse(text, layout).map { try $0.get() }
        XCTAssertEqual(rows.map(\.line), [2, 3])
        XCTAssertEqual(rows[0].startAt, 1_714_557_600)
        XCTAssertEqual(rows[0].answerAt, 1_714_557_607)
        XCTAssertEqual(rows[0].duration, 67, "no duration column: end − start")
        XCTAssertEqual(rows[0].dtmfDigits, 3)
        XCTAssertNil(rows[1].dtmfDigits, "empty is unknown, not zero")
        XCTAssertEqual(rows.map(\.customer), ["acme", "acme"])
        XCTAssertEqual(rows.map(\.carrier), ["carrierA", "carrierA"])
        XCTAssertEqual(rows.map(\.did), [nil, nil])
        XCTAssertEqual(rows.map(\.callKey), ["c-1001", "c-1002"])
        XCTAssertEqual(rows.map(\.legID), ["c-1001-a", "c-1002-a"])
        XCTAssertEqual(rows.map(\.disposition), [.answered, .busy])
        XCTAssertEqual(rows[1].hangupCause, "USER_BUSY")
        XCTAssertEqual(rows[1].startAt, 1_714_557_600, "12:00+02:00 is 10:00Z")
        XCTAssertEqual(rows[0].callerName, "Alice")
    }

    func testTimeForms() throws {
        let layout = try NativeColumns.layout(header: CSVReader.Record(line: 1, fields: ["start", "end", "billsec", "dst"])).get()
        func start(_ text: String, zone: TimeZone = CDRSamples.utc) -> Result<Int64, RowError> {
            CDRSamples.parse("h\n\"\(text)\",1714600000,0,1", layout, zone: zone)[0].map(\.startAt)
        }
        let tenZ: Int64 = 1_714_557_600  // 2024-05-01T10:00:00Z
        for text in ["2024-05-01T10:00:00Z", "2024-05-01t10:00:00z", "2024-05-01 10:00:00Z", "2024-05-01T12:00:00+02:00",
                     "2024-05-01T12:00:00+0200", "2024-05-01T12:00:00+02", "2024-05-01 12:00:00 +02:00",
                     "2024-05-01T07:30:00-02:30", "2024-05-01T10:00:00.999Z", "1714557600", "1714557600.75",
                     "2024-05-01 10:00:00", " 2024-05-01T10:00:00Z "] {
            XCTAssertEqual(try start(text).get(), tenZ, text)
        }
        XCTAssertEqual(try start("2024-05-01 12:00:00", zone: zurich).get(), tenZ, "no zone: the source's zone")
        XCTAssertEqual(try start("2024-05-01T10:00:00Z", zone: zurich).get(), tenZ, "a zone given wins")
        for bad in ["2024-05-01T10:00:00+25:00", "2024-05-01T10:00:00Q", "2024-05-01T10:00", "2024-02-30T10:00:00Z",
                    "yesterday", "", "2024-05-01T10:00:00.Z", "-1714557600", "1714557600x"] {
            XCTAssertEqual(start(bad).failure?.reason,
                           "start \(quoted(bad)) is not an ISO 8601 time (e.g. 2024-05-01T10:00:00Z), YYYY-MM-DD HH:MM:SS or Unix seconds", bad)
        }
    }

    func testColumnOrderIsFreeAndOptionalColumnsDefault() throws {
        let text = """
             DST , Billsec,End,Start,duration,disposition,answer,hangup_cause
            2000,0,2024-05-01 10:01:00,2024-05-01 10:00:00,,,,
            2001,0,2024-05-01 10:01:00,2024-05-01 10:00:00,50,,,NO_ANSWER
            2002,0,2024-05-01 10:01:00,2024-05-01 10:00:00,,,,SWITCH_CONGESTION
            2003,30,2024-05-01 10:01:00,2024-05-01 10:00:00,,,2024-05-01 10:00:30,
            2004,0,2024-05-01 10:01:00,2024-05-01 10:00:00,,Answered,2024-05-01 10:00:30,
            """
        let layout = try FormatDetection.detect(bytes: Array(text.utf8)).get()
        XCTAssertEqual(layout.columns, ["dst", "billsec", "end", "start", "duration", "disposition", "answer", "hangup_cause"])
        let rows = try CDRSamples.parse(text, layout).map { try $0.get() }
        XCTAssertEqual(rows.map(\.dst), ["2000", "2001", "2002", "2003", "2004"])
        XCTAssertEqual(rows.map(\.duration), [60, 50, 60, 60, 60])
        XCTAssertEqual(rows.map(\.disposition), [.noAnswer, .noAnswer, .congestion, .answered, .answered])
        XCTAssertEqual(rows.map(\.isAnswered), [false, false, false, true, false])
        XCTAssertEqual(rows.map(\.src), ["", "", "", "", ""])
        XCTAssertEqual(rows.map(\.callKey), [nil, nil, nil, nil, nil])
        XCTAssertEqual(rows.map(\.customer), [nil, nil, nil, nil, nil])
    }

    func testATrailingCommaIsAnUnreadColumn() throws {
        let text = "start,end,billsec,dst,\n1714557600,1714557660,0,2000,\n"
        let layout = try FormatDetection.detect(bytes: Array(text.utf8)).get()
        XCTAssertEqual(layout.columns, ["start", "end", "billsec", "dst", ""])
        XCTAssertEqual(try CDRSamples.parse(text, layout)[0].get().dst, "2000")
    }

    func testBadHeadersNameTheirProblem() {
        func message(_ header: String) -> String? { FormatDetection.detect(bytes: Array((header + "\n").utf8)).failure?.message }
        XCTAssertEqual(message("start,end,billsec,dst,dtmf,customer_name"),
                       #"line 1: native header: unknown columns "dtmf", "customer_name" (a native calls file knows call_id, leg_id, start, answer, end, duration, billsec, src, dst, caller_name, account_code, channel, dst_channel, disposition, hangup_cause, dtmf_digits, customer, carrier, did)"#)
        XCTAssertEqual(message("start,end,dst,src"), "line 1: native header: missing required column billsec")
        XCTAssertEqual(message("start,end,billsec,dst,DST"), "line 1: native header: column named twice: dst")
        XCTAssertEqual(message("at,customer"), "line 1: native header: missing required column registrations")
        XCTAssertEqual(message("at,registrations,start"),
                       #"line 1: native header: unknown column "start" (a native registrations file knows at, registrations, customer)"#)
        XCTAssertEqual(FormatDetection.layout(for: .native, sample: FormatDetection.sample(Array("1,2,3\n".utf8))).failure?.message,
                       "line 1: a native file starts with a header row such as start,end,billsec,dst; this line is not one")
    }

    func testBadValuesSayWhichColumn() {
        let header = "start,end,billsec,dst,dtmf_digits,disposition,duration\n"
        func reason(_ row: String) -> String? {
            CDRSamples.parse(header + row, try! FormatDetection.detect(bytes: Array(header.utf8)).get()).first?.failure?.description
        }
        XCTAssertNil(reason("1714557600,1714557660,0,2000,,,"))
        XCTAssertEqual(reason("1714557600,1714557660,0,2000,two,,"), #"line 2: dtmf_digits "two" is not a whole number of digits"#)
        XCTAssertEqual(reason("1714557600,1714557660,0,2000,,hung up,"),
                       #"line 2: disposition "hung up" is not answered, no_answer, busy, failed or congestion"#)
        XCTAssertEqual(reason("1714557600,1714557660,-3,2000,,,"), #"line 2: billsec "-3" is not a whole number of seconds"#)
        XCTAssertEqual(reason("1714557600,1714557660,0,2000,,,6.5"), #"line 2: duration "6.5" is not a whole number of seconds"#)
        XCTAssertEqual(reason("1714557600,1714557500,0,2000,,,"), "line 2: end is before start")
        XCTAssertEqual(reason("1714557600,1714557660,0,2000"), "line 2: 4 columns; the header has 7")
    }

    func testRegistrationsFile() throws {
        let text = "at,registrations,customer\n2024-05-01T10:00:00Z,412,\n2024-05-01 12:00:00,37,acme\n2024-05-01T10:05:00Z,many,\n"
        guard case .success(var reader) = CDRFileReader.open(bytes: Array(text.utf8), zone: zurich) else {
            return XCTFail("a registrations file opens")
        }
        XCTAssertEqual(reader.parser.layout.content, .registrations)
        var items: [CDRFileReader.Item] = []
        while let item = reader.next() { items.append(item) }
        XCTAssertEqual(items.count, 3, "the header is not a record")
        XCTAssertEqual(items[0], .registration(RegistrationSample(line: 2, at: 1_714_557_600, customer: nil, registrations: 412)))
        XCTAssertEqual(items[1], .registration(RegistrationSample(line: 3, at: 1_714_557_600, customer: "acme", registrations: 37)))
        guard case .rejected(let error, let record) = items[2] else { return XCTFail("a bad count is rejected") }
        XCTAssertEqual(error.description, #"line 4: registrations "many" is not a whole number"#)
        XCTAssertEqual(record.raw, "2024-05-01T10:05:00Z,many,")
    }
}
