import XCTest
@testable import Metrics

final class CSVReaderTests: XCTestCase {
    private func read(_ text: String) -> [CSVReader.Record] { Array(CSVReader(text: text)) }

    func testQuotesNewlinesAndLineNumbers() {
        let records = read("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\n\"multi\nline\",x\nlast,,\n")
        XCTAssertEqual(records.map(\.fields), [["a", "b,c", "say \"hi\""], ["multi\nline", "x"], ["last", "", ""]])
        XCTAssertEqual(records.map(\.line), [1, 3, 5])
        XCTAssertTrue(records.allSatisfy { $0.error == nil })
    }

    func testAnUnclosedQuoteSpoilsOnlyItsOwnRecord() {
        let records = read("1,2\n3,\"never closed\n4,5\n")
        XCTAssertEqual(records.count, 3)
        XCTAssertEqual(records[1].error, "a quoted field is not closed")
        XCTAssertEqual(records[1].line, 2)
        XCTAssertEqual(records[1].raw, "3,\"never closed")
        XCTAssertEqual(records[2].fields, ["4", "5"])
        XCTAssertEqual(records[2].line, 3)
    }

    func testNonUTF8BytesAndByteOrderMark() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("M".utf8) + [0xFC] + Array("ller,1\n".utf8)
        let records = Array(CSVReader(bytes: bytes))
        XCTAssertEqual(records.first?.fields, ["M\u{FFFD}ller", "1"])
    }

    func testNoRecordsInEmptyOrBlankInput() {
        XCTAssertTrue(read("").isEmpty)
        XCTAssertTrue(read("\n\r\n\n").isEmpty)
    }
}

final class CSVReaderBytesTests: XCTestCase {
    /// FreeSWITCH's default template writes `, "${accountcode}"`: the space before the quote is not part of it.
    func testSpacesBeforeAnOpeningQuoteAreDropped() {
        let records = Array(CSVReader(text: "\"a\",\"b\", \"1008\",  \"x,y\"\n"))
        XCTAssertEqual(records.first?.fields, ["a", "b", "1008", "x,y"])
    }

    func testTextAfterAClosingQuoteIsKeptAndQuotesInsideUnquotedFieldsAreText() {
        let records = Array(CSVReader(text: "\"Bob\" <100>,ab\"c,\"\"\n"))
        XCTAssertEqual(records.first?.fields, ["Bob <100>", "ab\"c", ""])
    }

    func testRawBytesAreTheRecordExactlyAndLastLineFollowsEmbeddedNewlines() {
        let text = "x,\"two\nlines\",\"say \"\"hi\"\"\"\r\nnext,1\n"
        let records = Array(CSVReader(text: text))
        XCTAssertEqual(records.count, 2)
        XCTAssertEqual(String(decoding: records[0].rawBytes, as: UTF8.self), "x,\"two\nlines\",\"say \"\"hi\"\"\"")
        XCTAssertEqual(records[0].raw, "x,\"two\nlines\",\"say \"\"hi\"\"\"")
        XCTAssertEqual([records[0].line, records[0].lastLine], [1, 2])
        XCTAssertEqual([records[1].line, records[1].lastLine], [3, 3])
        XCTAssertEqual(records[0].fieldCount, 3)
        XCTAssertEqual(records[0].field(2), "say \"hi\"")
        XCTAssertFalse(records[1].isEmptyField(1))
        XCTAssertEqual(records[0].withField(1) { Array($0) }, Array("two\nlines".utf8))
    }

    func testARecordMadeOfFieldsReadsBackTheSame() {
        let fields = ["plain", "with,comma", "with \"quotes\"", "", "multi\nline"]
        let record = CSVReader.Record(line: 4, fields: fields)
        XCTAssertEqual(Array(record.fields), fields)
        XCTAssertEqual(Array(CSVReader(text: record.raw)).first?.fields, CSVFields(fields))
        XCTAssertTrue(record.isEmptyField(3))
        XCTAssertFalse(record.isEmptyField(0))
    }

    func testAQuoteLeftOpenBeforeTheEndSpoilsOnlyItsRecordEvenAtTheEnd() {
        let records = Array(CSVReader(text: "1,\"a\"\"\n2,3"))
        XCTAssertEqual(records.map(\.line), [1, 2])
        XCTAssertEqual(records[0].error, "a quoted field is not closed")
        XCTAssertEqual(records[1].fields, ["2", "3"])
    }
}

/// Inputs the fuzzer (`make fuzz`) found, kept as they were found.
final class CSVReaderFuzzRegressionTests: XCTestCase {
    /// A lone CR ends a line (old Mac files): both records were reported on line 1.
    func testALoneCarriageReturnEndsALine() {
        let found: [UInt8] = [0x6F, 0x0D, 0x2D]  // "o\r-", minimised from crash-c59e6946…
        XCTAssertEqual(Array(CSVReader(bytes: found)).map(\.line), [1, 2])
        XCTAssertEqual(Array(CSVReader(bytes: found)).map(\.fields), [["o"], ["-"]])
        let mixed = Array("a\rb\r\nc\n\r\rd,\"x\ry\"\re".utf8)
        // a | b | c | blank | blank | d,"x⏎y" over lines 6-7 | e
        XCTAssertEqual(Array(CSVReader(bytes: mixed)).map(\.line), [1, 2, 3, 6, 8])
        XCTAssertEqual(Array(CSVReader(bytes: mixed)).map(\.lastLine), [1, 2, 3, 7, 8])
    }
}
