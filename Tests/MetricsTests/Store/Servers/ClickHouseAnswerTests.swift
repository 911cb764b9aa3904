@testable import ServerStore
import XCTest

/// A TSV answer read in place: the same rows and fields as splitting its text, and integers as Swift reads them
/// (Decimal sums' ".0" ignored), with overflow told from text that is no number.
final class ClickHouseAnswerTests: XCTestCase {
    private func answer(_ text: String) -> ClickHouseAnswer {
        ClickHouseAnswer(server: "clickhouse http://127.0.0.1:1", bytes: Array(text.utf8))
    }

    private func fields(_ answer: ClickHouseAnswer) -> [[String]] {
        (0..<answer.count).map { row in (0..<answer.width(row)).map { answer.text(row, $0) } }
    }

    func testRowsAndFieldsAreTheTextSplitByLinesAndTabs() {
        for text in ["", "\n", "1\t2\n", "1\t2", "a\t\tb\n\nc\n", "\t\n", "x\n\n\ny\tz\t\n", "é\t電話\n"] {
            let expected = text.split(separator: "\n").map {
                $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            }
            XCTAssertEqual(fields(answer(text)), expected, "answer \(text.debugDescription)")
        }
    }

    func testAnswersJoinedAreTheirRowsInOrder() {
        let joined = ClickHouseAnswer(joining: [answer("1\t2\n3\t4\n"), answer(""), answer("5\n6\t7\t8")])
        XCTAssertEqual(fields(joined), [["1", "2"], ["3", "4"], ["5"], ["6", "7", "8"]])
        XCTAssertEqual(joined.integer(3, 2), .value(8))
        XCTAssertEqual(ClickHouseAnswer(joining: []).count, 0)
    }

    func testIntegersAreReadAsSwiftReadsThem() {
        let values: [Int64] = [0, 7, -1, 10, -10, 1_796_395_043, .max, .min, .min + 1, .max - 1]
        let read = answer(values.map(String.init).joined(separator: "\t"))
        XCTAssertEqual((0..<read.width(0)).map { read.integer(0, $0) }, values.map { .value($0) })
        let cases: [(String, ClickHouseAnswer.Integer)] = [
            ("12.0", .value(12)), ("-3.000", .value(-3)), ("+4", .value(4)), ("007", .value(7)),
            ("9223372036854775808", .overflow), ("-9223372036854775809", .overflow),
            ("123456789012345678901234567890", .overflow), ("-99999999999999999999.0", .overflow),
            ("", .invalid), ("-", .invalid), (".5", .invalid), ("1e3", .invalid), ("12a", .invalid), (" 1", .invalid),
            ("\\N", .invalid), ("nan", .invalid),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(answer(text + "\t1").integer(0, 0), expected, "field \(text.debugDescription)")
            // The reference: what the reader did before, Swift's own parse of the part before any ".".
            let digits = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let reference: ClickHouseAnswer.Integer = Int64(digits).map { .value($0) }
                ?? (Int128(digits) != nil ? .overflow : .invalid)
            XCTAssertEqual(expected, reference, "reference for \(text.debugDescription)")
        }
    }

    func testArbitraryBytesNeverCrashTheReader() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789-+.\t\n\\Na é".utf8)
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let read = ClickHouseAnswer(server: "s", bytes: bytes)
            for row in 0..<read.count {
                for column in 0..<read.width(row) {
                    _ = read.integer(row, column)
                    _ = read.text(row, column)
                }
            }
            let expected = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map {
                $0.split(separator: "\t", omittingEmptySubsequences: false).count
            }
            XCTAssertEqual((0..<read.count).map { read.width($0) }, expected)
        }
    }
}
