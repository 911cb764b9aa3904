import Foundation
import XCTest
@testable import Metrics
import TermDashTestSupport

/// What real switch files contain (DESIGN.md), read through `RowParser` as Asterisk cdr_csv.
final class RowRobustnessTests: XCTestCase {
    private let layout = ColumnLayout.asterisk()

    private func line(billsec: String = "60", duration: String = "65", disposition: String = "ANSWERED",
                      clid: String = #""Alice" <1000>"#, uniqueid: String = "1714557600.1",
                      start: String = "2024-05-01 10:00:00", end: String = "2024-05-01 10:01:05", linkedid: String? = nil) -> String {
        let clidField = "\"" + clid.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        var fields = [#""acct""#, #""1000""#, #""0041442000000""#, #""from-internal""#, clidField, #""SIP/1000-0001""#,
                      #""SIP/carrierA-0002""#, #""Dial""#, #""SIP/carrierA/0041442000000,60""#, "\"\(start)\"",
                      #""2024-05-01 10:00:05""#, "\"\(end)\"", duration, billsec, "\"\(disposition)\"", #""DOCUMENTATION""#,
                      "\"\(uniqueid)\"", #""""#]
        if let linkedid { fields += [#""""#, "\"\(linkedid)\"", "7"] }
        return fields.joined(separator: ",")
    }

    func testAnAsteriskRowInFull() throws {
        let row = try CDRSamples.parse(line(linkedid: "1714557600.0"), layout)[0].get()
        XCTAssertEqual(row.accountCode, "acct")
        XCTAssertEqual(row.src, "1000")
        XCTAssertEqual(row.dst, "0041442000000")
        XCTAssertEqual(row.callerName, "Alice")
        XCTAssertEqual(row.channel, "SIP/1000-0001")
        XCTAssertEqual(row.dstChannel, "SIP/carrierA-0002")
        XCTAssertEqual(row.startAt, 1_714_557_600)
        XCTAssertEqual(row.answerAt, 1_714_557_605)
        XCTAssertEqual(row.endAt, 1_714_557_665)
        XCTAssertEqual(row.disposition, .answered)
        XCTAssertEqual(row.legID, "1714557600.1")
        XCTAssertEqual(row.callKey, "1714557600.0", "linkedid groups the legs of a call")
        XCTAssertNil(row.hangupCause)
        XCTAssertNil(row.dtmfDigits, "cdr_csv does not record DTMF")
        XCTAssertNil(row.customer)
        XCTAssertEqual(row.fields.count, 21)
        XCTAssertEqual(ColumnLayout.asterisk().value(of: "sequence", in: row.fields), "7")
        XCTAssertEqual(row.rawText, line(linkedid: "1714557600.0"))
        XCTAssertEqual(try CDRSamples.parse(line(), layout)[0].get().callKey, "1714557600.1", "without linkedid, the uniqueid")
    }

    func testCallerNamesFromTheCallerID() throws {
        func name(_ clid: String) throws -> String { try CDRSamples.parse(line(clid: clid), layout)[0].get().callerName }
        XCTAssertEqual(try name(#""Alice Smith" <1000>"#), "Alice Smith")
        XCTAssertEqual(try name("Bob <1001>"), "Bob")
        XCTAssertEqual(try name(#""" <1002>"#), "")
        XCTAssertEqual(try name("<1003>"), "")
        XCTAssertEqual(try name("Reception"), "Reception")
    }

    func testBillsecOverDurationAndAnsweredAtZeroBillsecAreAccepted() throws {
        let longer = try CDRSamples.parse(line(billsec: "70", duration: "65"), layout)[0].get()
        XCTAssertEqual([longer.billsec, longer.duration], [70, 65])
        let zero = try CDRSamples.parse(line(billsec: "0"), layout)[0].get()
        XCTAssertEqual(zero.disposition, .answered, "the switch's word is kept")
        XCTAssertFalse(zero.isAnswered, "but it is not answered by DESIGN.md's definition")
    }

    func testNonUTF8CallerNamesAreReplacedNotRejected() throws {
        var bytes = Array(line(clid: "M\u{1}ller <1000>").utf8)
        bytes[bytes.firstIndex(of: 0x01)!] = 0xFC  // Latin-1 ü
        let row = try CDRSamples.parse(bytes, layout)[0].get()
        XCTAssertEqual(row.callerName, "M\u{FFFD}ller")
        XCTAssertEqual(Array(row.rawBytes), bytes, "the raw bytes stay as they were, for the row key")
    }

    func testRepeatedUniqueIDsAreSeparateRows() throws {
        let text = [line(billsec: "60"), line(billsec: "7"), line(billsec: "60")].joined(separator: "\n")
        let rows = try CDRSamples.parse(text, layout).map { try $0.get() }
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(Set(rows.compactMap(\.legID)), ["1714557600.1"])
        XCTAssertEqual(rows.map(\.line), [1, 2, 3])
    }

    func testBadRecordsAreRejectedWithTheirLineAndTheRestStillReads() {
        let text = [
            line(),
            line(billsec: #""abc""#),
            line(duration: "-5"),
            line(start: "2024-05-01 10:02:00"),
            String(line().dropLast()),  // the last field's quote left open: it runs into the next line
            line(),
            line(disposition: "MAYBE"),
            line(uniqueid: "last"),
        ].joined(separator: "\n")
        let results = CDRSamples.parse(text, layout)
        XCTAssertEqual(results.compactMap(\.failure).map(\.description), [
            #"line 2: billsec "abc" is not a whole number of seconds"#,
            #"line 3: duration "-5" is not a whole number of seconds"#,
            "line 4: end is before start",
            "line 5: 35 columns; Asterisk cdr_csv has 16 to 21 (the record runs on to line 6: a quote left open joins lines)",
            #"line 7: disposition "MAYBE" is not ANSWERED, NO ANSWER, BUSY, FAILED or CONGESTION"#,
        ])
        XCTAssertEqual(results.compactMap { try? $0.get() }.map(\.line), [1, 8])
    }

    /// Numbers no call has: a CDR of thousands of years (its occupancy would span billions of minutes), seconds or
    /// digits whose sums would leave 64 bits. Rejected with the reason; the rows around them stand.
    func testCallsBeyondThirtyOneDaysAndAbsurdCountsAreRejected() {
        let text = [
            line(),
            line(end: "9999-12-31 23:59:59"),
            line(billsec: "999999999999999999"),
            line(duration: "2678401"),
            line(billsec: "2678395", duration: "2678400", end: "2024-06-01 10:00:00"),
        ].joined(separator: "\n")
        let results = CDRSamples.parse(text, layout)
        XCTAssertEqual(results.compactMap(\.failure).map(\.description), [
            "line 2: the call lasts 2913052 days from start to end; a CDR of more than 31 days is not one call",
            #"line 3: billsec "999999999999999999" is more than 31 days of seconds"#,
            #"line 4: duration "2678401" is more than 31 days of seconds"#,
        ])
        XCTAssertEqual(results.compactMap { try? $0.get() }.map(\.line), [1, 5], "31 days exactly is a call")
    }

    func testAQuoteNeverClosedAtTheEndOfTheFileIsRejectedAndEarlierRowsStand() throws {
        let bytes = try CDRSamples.bytes("asterisk-broken-quote.csv")
        let text = line() + "\n" + String(decoding: bytes, as: UTF8.self)
        let results = CDRSamples.parse(text, layout)
        XCTAssertEqual(results.count, 2)
        XCTAssertNotNil(try? results[0].get())
        XCTAssertEqual(results[1].failure, RowError(2, "a quoted field is not closed"))
    }

    func testValuesInReasonsAreShortAndCannotGarbleTheTerminal() {
        let reason = CDRSamples.reason(line(billsec: "\"\u{1B}[2J" + String(repeating: "9x", count: 40) + "\""), layout)
        XCTAssertEqual(reason, "billsec \"?[2J" + String(repeating: "9x", count: 18) + "…\" is not a whole number of seconds")
        XCTAssertEqual(CDRSamples.reason(line(billsec: "\"1\u{202E}0\u{85}\""), layout),
                       #"billsec "1?0?" is not a whole number of seconds"#, "bidi override and C1 control")
    }
}
