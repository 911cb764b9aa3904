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
