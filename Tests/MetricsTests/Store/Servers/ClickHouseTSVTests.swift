@testable import ServerStore
import XCTest

/// The bytes a writer sends ClickHouse for each CDR: integers as decimal text, strings with the escapes of
/// `ClickHouseText.escaped` (which the rest of the store uses for literals), whatever bytes the text holds.
final class ClickHouseTSVTests: XCTestCase {
    func testIntegersAndEscapedTextAreWhatClickHouseTextWrites() {
        let integers: [Int64] = [0, 7, -1, 10, -10, 1_709_303_843, Int64.max, Int64.min, Int64.min + 1]
        let texts = ["", "plain", "a\tb", "line\nbreak\r", "back\\slash", "quote's", "nul\0byte", "é 電話 🎧\t'"]
        var tsv = ClickHouseTSV(capacity: 0)
        for value in integers {
            tsv.int(value)
            tsv.tab()
        }
        for text in texts {
            tsv.text(text)
            tsv.tab()
        }
        tsv.flag(true)
        tsv.flag(false)
        tsv.endRow()
        let expected = integers.map { String($0) + "\t" }.joined() + texts.map { ClickHouseText.escaped($0) + "\t" }.joined()
            + "10\n"
        XCTAssertEqual(String(decoding: tsv.bytes, as: UTF8.self), expected)
    }
}
