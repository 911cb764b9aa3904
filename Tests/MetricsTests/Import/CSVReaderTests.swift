import XCTest
@testable import Metrics
import TermDashTestSupport

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
    /// A NUL byte, quoted or not, spoils its record only, which names the field; the record's bytes stay whole.
    func testANULByteSpoilsItsRecordNamingTheField() {
        let records = Array(CSVReader(bytes: Array("a,b\u{0}c,d\n\"x\",\"y\u{0}\"\"z\"\n\"q\u{0}\",r\nok,fine\n".utf8)))
        XCTAssertEqual(records.map(\.error), [
            "field 2 holds a NUL byte, which TermDash does not store",
            "field 2 holds a NUL byte, which TermDash does not store",
            "field 1 holds a NUL byte, which TermDash does not store",
            nil,
        ])
        XCTAssertEqual(records.map(\.fieldCount), [0, 0, 0, 2])
        XCTAssertEqual(records.map(\.line), [1, 2, 3, 4])
        XCTAssertEqual(records[0].raw, "a,b\u{0}c,d")
    }

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

/// The reader (which scans eight bytes at a time) against a byte-at-a-time reference of the same rules, on random
/// inputs made of the bytes that matter: separators, quotes, line ends, spaces, other controls, non-ASCII.
final class CSVReaderReferenceTests: XCTestCase {
    private struct Expected: Equatable {
        var line: Int
        var lastLine: Int
        var fields: [[UInt8]]
        var raw: [UInt8]
        var error: Bool
    }

    private func reference(_ bytes: [UInt8]) -> [Expected] {
        let quote: UInt8 = 0x22, comma: UInt8 = 0x2C
        func isEnd(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
        func endsLine(_ index: Int) -> Bool {
            bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A))
        }
        var out: [Expected] = []
        var position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        while true {
            while position < bytes.count, isEnd(bytes[position]) {
                if endsLine(position) { line += 1 }
                position += 1
            }
            guard position < bytes.count else { return out }
            let start = position, startLine = line
            var fields: [[UInt8]] = [], field: [UInt8] = []
            var quoted = false, wasQuoted = false
            while position < bytes.count {
                let byte = bytes[position]
                if quoted {
                    if byte == quote {
                        if position + 1 < bytes.count, bytes[position + 1] == quote {
                            field.append(quote)
                            position += 2
                            continue
                        }
                        quoted = false
                    } else {
                        if endsLine(position) { line += 1 }
                        field.append(byte)
                    }
                    position += 1
                    continue
                }
                if byte == comma {
                    fields.append(field)
                    field = []
                    wasQuoted = false
                } else if isEnd(byte) {
                    break
                } else if byte == quote, !wasQuoted, field.allSatisfy({ $0 == 0x20 }) {
                    field = []
                    quoted = true
                    wasQuoted = true
                } else {
                    field.append(byte)
                }
                position += 1
            }
            if quoted {
                var end = start
                while end < bytes.count, !isEnd(bytes[end]) { end += 1 }
                position = end
                line = startLine
                out.append(Expected(line: startLine, lastLine: startLine, fields: [], raw: Array(bytes[start..<end]), error: true))
                continue
            }
            fields.append(field)
            // A NUL byte anywhere spoils the record (its text could not be stored as read).
            let nul = bytes[start..<position].contains(0)
            out.append(Expected(line: startLine, lastLine: line, fields: nul ? [] : fields, raw: Array(bytes[start..<position]), error: nul))
        }
    }

    func testRandomInputsReadAsTheReferenceReadsThem() {
        var random = seededRandom()
        let alphabet: [UInt8] = [0x61, 0x62, 0x2C, 0x2C, 0x22, 0x22, 0x0A, 0x0D, 0x20, 0x09, 0x0E, 0x0C, 0x00, 0x7F, 0x80, 0xC3, 0xA9, 0xFF]
        for round in 0..<4_000 {
            let length = round < 3_000 ? Int(random.next() % 40) : Int(random.next() % 400)
            // Runs of plain letters as well, so that fields are long enough for the eight-byte scan.
            var bytes: [UInt8] = []
            while bytes.count < length {
                if random.next() % 3 == 0 {
                    bytes += Array(repeating: 0x78, count: Int(random.next() % 20))
                } else {
                    bytes.append(alphabet[Int(random.next() % UInt64(alphabet.count))])
                }
            }
            let actual = Array(CSVReader(bytes: bytes)).map { record in
                Expected(line: record.line, lastLine: record.lastLine,
                         fields: (0..<record.fieldCount).map { index in record.withField(index) { Array($0) } },
                         raw: Array(record.rawBytes), error: record.error != nil)
            }
            let expected = reference(bytes)
            if actual != expected {
                XCTFail("input \(bytes) reads as \(actual), the reference as \(expected)")
                return
            }
        }
    }
}
