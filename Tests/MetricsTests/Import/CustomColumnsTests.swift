import Foundation
import XCTest
@testable import Metrics
import TermDashTestSupport

/// Asterisk cdr_custom: the sample 19-column mapping and mappings declared in the config.
final class CustomColumnsTests: XCTestCase {
    /// A line in the order of the sample mapping of cdr_custom.conf.sample (sequence written unquoted).
    private let sampleLine = #""""Alice"" <1000>","1000","0041442000000","from-internal","SIP/1000-01","SIP/carrierA-02","Dial","SIP/carrierA/0041442000000","2024-05-01 10:00:00","2024-05-01 10:00:05","2024-05-01 10:01:05","65","60","ANSWERED","DOCUMENTATION","acct","1714557600.1","",12"#

    func testTheSampleMapping() throws {
        let layout = try ColumnLayout.asteriskCustom().get()
        XCTAssertEqual(layout.columns.count, 19)
        XCTAssertEqual(layout.columns.first, "clid")
        XCTAssertEqual(layout.columns.last, "sequence")
        let row = try CDRSamples.parse(sampleLine, layout)[0].get()
        XCTAssertEqual(row.callerName, "Alice")
        XCTAssertEqual(row.src, "1000")
        XCTAssertEqual(row.dst, "0041442000000")
        XCTAssertEqual(row.channel, "SIP/1000-01")
        XCTAssertEqual(row.dstChannel, "SIP/carrierA-02")
        XCTAssertEqual(row.accountCode, "acct")
        XCTAssertEqual([row.startAt, row.answerAt, row.endAt], [1_714_557_600, 1_714_557_605, 1_714_557_665])
        XCTAssertEqual([row.duration, row.billsec], [65, 60])
        XCTAssertEqual(row.disposition, .answered)
        XCTAssertEqual(row.legID, "1714557600.1")
        XCTAssertEqual(row.callKey, "1714557600.1")
        XCTAssertEqual(layout.value(of: "sequence", in: row.fields), "12")
        XCTAssertEqual(CDRSamples.reason(sampleLine + ",extra", layout), "20 columns; the cdr_custom mapping has 19")
    }

    /// A declared mapping in Asterisk's advanced syntax: qualifiers dropped, case and spaces ignored, times as
    /// Unix seconds (`start(int64)`), dispositions as numbers (`disposition(int64)`), unknown names kept by name.
    func testADeclaredMapping() throws {
        let layout = try ColumnLayout.asteriskCustom(
            ["start(int64)", " End(int64) ", "BILLSEC", "disposition(int64)", "src", "dst", "ds_type(uservar)", "uniqueid(noquote)"]).get()
        XCTAssertEqual(layout.columns, ["start", "end", "billsec", "disposition", "src", "dst", "ds_type", "uniqueid"])
        let rows = try CDRSamples.parse("1714557600,1714557665.250,60,8,1000,2000,gold,u1\n1714557600,1714557630,0,4,1000,2001,,u2\n", layout)
            .map { try $0.get() }
        XCTAssertEqual(rows.map(\.disposition), [.answered, .busy])
        XCTAssertEqual(rows[0].endAt, 1_714_557_665, "fractions of a second dropped")
        XCTAssertEqual(rows[0].answerAt, nil, "the mapping has no answer column")
        XCTAssertEqual(rows[0].duration, 65)
        XCTAssertEqual(rows.map(\.dst), ["2000", "2001"])
        XCTAssertEqual(layout.value(of: "ds_type", in: rows[0].fields), "gold")
        XCTAssertEqual(rows.map(\.legID), ["u1", "u2"])
        XCTAssertEqual(rows[0].accountCode, "", "no accountcode column")
        XCTAssertEqual(CDRSamples.reason("1714557600,1714557665,60,3,1000,2000,,u1", layout),
                       #"disposition "3" is not ANSWERED, NO ANSWER, BUSY, FAILED or CONGESTION"#)
        XCTAssertEqual(CDRSamples.reason("soon,1714557665,60,8,1000,2000,,u1", layout),
                       #"start "soon" is not a YYYY-MM-DD HH:MM:SS time or Unix seconds"#)
    }

    func testWithoutADispositionColumnTheAnswerDecides() throws {
        let layout = try ColumnLayout.asteriskCustom(["src", "dst", "start", "answer", "end", "billsec"]).get()
        let rows = try CDRSamples.parse("""
            1000,2000,2024-05-01 10:00:00,2024-05-01 10:00:05,2024-05-01 10:01:05,60
            1000,2000,2024-05-01 10:00:00,,2024-05-01 10:00:30,0
            """, layout).map { try $0.get() }
        XCTAssertEqual(rows.map(\.disposition), [.answered, .noAnswer])
        XCTAssertEqual(rows[1].duration, 30, "no duration column: end − start")
    }

    func testAnUnusableMappingSaysWhatIsWrong() {
        XCTAssertEqual(ColumnLayout.asteriskCustom(["src", "dst", "start", "billsec"]).failure?.message,
                       "the cdr_custom mapping lacks end, disposition or answer; it needs start, end, billsec, and disposition or answer")
        XCTAssertEqual(ColumnLayout.asteriskCustom(["start", "end", "billsec", "answer", "Start"]).failure?.message,
                       #"the cdr_custom mapping names "start" twice"#)
        XCTAssertEqual(ColumnLayout.asteriskCustom(["start", " ", "end", "billsec", "answer"]).failure?.message,
                       "the cdr_custom mapping has an empty column name (column 2)")
        XCTAssertEqual(ColumnLayout.asteriskCustom(["start", "end", "billsec", "answer"]).failure, nil)
        XCTAssertEqual(FormatDetection.detect([CSVReader.Record(line: 1, fields: ["x"])], customColumns: ["src"]).failure?.kind,
                       .badMapping, "detection reports a bad declared mapping rather than guessing")
    }
}
