import XCTest

@testable import TermDash

final class SanitizerTests: XCTestCase {
    func testPlainTextIsUnchanged() {
        XCTAssertEqual(Sanitizer.clean("Acme Telecom (EU) #1"), "Acme Telecom (EU) #1")
        XCTAssertEqual(Sanitizer.clean(""), "")
    }

    func testUnicodeTextIsUnchanged() {
        XCTAssertEqual(Sanitizer.clean("Zürich 中文客户 🙂 e\u{301}"), "Zürich 中文客户 🙂 e\u{301}")
    }

    func testReplacementCharacterIsKept() {
        // Invalid bytes were already decoded to U+FFFD; it is harmless and shows that something was wrong.
        XCTAssertEqual(Sanitizer.clean("caf\u{FFFD}"), "caf\u{FFFD}")
    }

    func testClearScreenSequenceIsRemovedWhole() {
        XCTAssertEqual(Sanitizer.clean("\u{1b}[2J"), "")
        XCTAssertEqual(Sanitizer.clean("before\u{1b}[2Jafter"), "beforeafter")
        XCTAssertEqual(Sanitizer.clean("\u{1b}[H\u{1b}[2J\u{1b}[3J"), "")
    }

    func testColourSequenceAndBellAreRemoved() {
        XCTAssertEqual(Sanitizer.clean("\u{1b}[31mEVIL\u{07}"), "EVIL")
        XCTAssertEqual(Sanitizer.clean("\u{1b}[38;2;255;0;0mred\u{1b}[0m"), "red")
    }

    func testOSCTerminatedByBellIsRemoved() {
        XCTAssertEqual(Sanitizer.clean("\u{1b}]0;pwned title\u{07}name"), "name")
    }

    func testOSCTerminatedByStringTerminatorIsRemoved() {
        XCTAssertEqual(Sanitizer.clean("\u{1b}]52;c;ZXZpbA==\u{1b}\\name"), "name")
    }

    func testHyperlinkKeepsOnlyItsText() {
        XCTAssertEqual(Sanitizer.clean("\u{1b}]8;;http://evil.example\u{1b}\\click\u{1b}]8;;\u{1b}\\"), "click")
    }

    func testUnterminatedOSCSwallowsTheRest() {
        // A terminal would treat the rest as part of the command too; nothing of it may be shown.
        XCTAssertEqual(Sanitizer.clean("ok\u{1b}]0;never ends"), "ok")
    }

    func testDeviceControlStringIsRemoved() {
        XCTAssertEqual(Sanitizer.clean("a\u{1b}P1$r\u{1b}\\b"), "ab")
    }

    func testShortEscapesAreRemoved() {
        XCTAssertEqual(Sanitizer.clean("a\u{1b}cb"), "ab")  // RIS, full reset
        XCTAssertEqual(Sanitizer.clean("a\u{1b}(Bb"), "ab")  // charset designation
        XCTAssertEqual(Sanitizer.clean("a\u{1b}7b\u{1b}8"), "ab")  // save and restore cursor
    }

    func testLoneEscapeIsDropped() {
        XCTAssertEqual(Sanitizer.clean("abc\u{1b}"), "abc")
        XCTAssertEqual(Sanitizer.clean("a\u{1b}ü"), "aü")
        XCTAssertEqual(Sanitizer.clean("a\u{1b}\u{1b}[1mb"), "ab")
    }

    func testMalformedControlSequenceKeepsWhatFollows() {
        XCTAssertEqual(Sanitizer.clean("a\u{1b}[12ü"), "aü")
    }

    func testC1ControlsAreRemoved() {
        XCTAssertEqual(Sanitizer.clean("a\u{9b}31mb"), "ab")  // 8-bit CSI with its parameters
        XCTAssertEqual(Sanitizer.clean("a\u{9d}0;title\u{9c}b"), "ab")  // 8-bit OSC ... ST
        XCTAssertEqual(Sanitizer.clean("a\u{80}\u{8d}\u{9f}\u{9c}b"), "ab")
    }

    func testNextLineBecomesASpace() {
        XCTAssertEqual(Sanitizer.clean("a\u{85}b"), "a b")
    }

    func testBidiOverridesAndIsolatesAreRemoved() {
        XCTAssertEqual(Sanitizer.clean("\u{202E}evil\u{202C}"), "evil")
        XCTAssertEqual(Sanitizer.clean("\u{202A}a\u{202B}b\u{202D}c"), "abc")
        XCTAssertEqual(Sanitizer.clean("\u{2066}x\u{2067}y\u{2068}z\u{2069}"), "xyz")
        XCTAssertEqual(Sanitizer.clean("a\u{200F}b\u{200E}c"), "abc")
    }

    func testZeroWidthAndOtherInvisibleCharactersAreRemoved() {
        XCTAssertEqual(Sanitizer.clean("Ac\u{200B}me\u{200C}\u{200D}\u{2060}\u{FEFF}\u{AD}"), "Acme")
        XCTAssertEqual(Sanitizer.clean("a\u{E0001}\u{E0041}b\u{FFF9}c\u{180E}"), "abc")
        XCTAssertEqual(Sanitizer.clean("\u{2764}\u{FE0F}"), "\u{2764}\u{FE0F}", "a variation selector picks how a heart looks")
    }

    func testUnsafeIsWhatCleanNeverLetsThrough() {
        for scalar in ["\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}", "\u{202E}", "\u{2069}", "\u{200B}", "\u{FEFF}", "\u{2028}"]
            .map({ $0.unicodeScalars.first! }) {
            XCTAssertTrue(Sanitizer.isUnsafe(scalar), "U+\(String(scalar.value, radix: 16))")
        }
        for scalar in ["a", " ", "~", "ü", "中", "\u{FE0F}", "\u{FFFD}", "\u{2800}"].map({ $0.unicodeScalars.first! }) {
            XCTAssertFalse(Sanitizer.isUnsafe(scalar), "U+\(String(scalar.value, radix: 16))")
        }
    }

    func testCleanLinesKeepsLineBreaks() {
        XCTAssertEqual(Sanitizer.cleanLines("Error: a\u{1B}[2Jb\nUsage: x\u{9B}1m"), "Error: ab\nUsage: x")
    }

    func testLineBreaksAndTabsBecomeSpaces() {
        XCTAssertEqual(Sanitizer.clean("a\tb\nc\r\nd"), "a b c  d")
        XCTAssertEqual(Sanitizer.clean("a\u{2028}b"), "a b")
    }

    func testOtherC0AndDeleteAreRemoved() {
        XCTAssertEqual(Sanitizer.clean("a\u{00}b\u{08}c\u{7f}d\u{1f}"), "abcd")
    }

    /// Whatever goes in, nothing that can steer a terminal comes out.
    func testNoControlCharacterSurvivesRandomInput() {
        let pool: [Unicode.Scalar] = [
            "\u{1b}", "[", "]", "\\", "\u{07}", "\u{9b}", "\u{9d}", "\u{9c}", "\u{85}", "\u{7f}", "\u{00}", "\n",
            "P", "0", ";", "m", "a", "ü", "中", "\u{202E}", "\u{2066}", "\u{301}", "\u{FFFD}", "(", " ", "\u{200B}",
            "\u{FEFF}",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...24, using: &generator) { s.append(pool.randomElement(using: &generator)!) }
            let cleaned = Sanitizer.clean(String(s))
            for scalar in cleaned.unicodeScalars {
                XCTAssertFalse(Self.isForbidden(scalar), "U+\(String(scalar.value, radix: 16)) in \(cleaned.debugDescription)")
            }
        }
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF: return true
        default: return false
        }
    }
}
