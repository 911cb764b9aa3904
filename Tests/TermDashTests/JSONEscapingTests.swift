import Foundation
import XCTest

@testable import TermDash

/// JSON printed on a terminal: unsafe characters as `\uXXXX`, so the data survives and nothing drives the terminal.
final class JSONEscapingTests: XCTestCase {
    func testUnsafeCharactersAreEscapedAndDecodeBack() throws {
        let value = "a\u{7F}b\u{9B}31m\u{9D}0;t\u{9C}\u{202E}\u{2066}\u{200B}\u{FEFF}\u{2028}\u{E0001}ü中🙂\u{FE0F}"
        let data = try JSONSerialization.data(withJSONObject: ["name": value])
        let json = JSONEscaping.escapingUnsafe(String(decoding: data, as: UTF8.self))
        XCTAssertEqual(json, #"{"name":"a\u007fb\u009b31m\u009d0;t\u009c\u202e\u2066\u200b\ufeff\u2028\udb40\udc01ü中🙂\#u{FE0F}"}"#)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        XCTAssertEqual(decoded?["name"], value)
    }

    func testPlainJSONIsUnchanged() {
        XCTAssertEqual(JSONEscaping.escapingUnsafe(#"{"a": "Zürich \u001b", "b": [1, 2]}"#), #"{"a": "Zürich \u001b", "b": [1, 2]}"#)
    }
}
