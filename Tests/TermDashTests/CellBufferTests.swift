import TermDashTestSupport
import XCTest

@testable import TermDash

final class CellBufferTests: XCTestCase {
    func testNewBufferIsBlank() {
        let buffer = CellBuffer(width: 3, height: 2)
        assertScreen(buffer.lines(), ["   ", "   "])
        XCTAssertEqual(buffer[1, 1], Cell.blank)
    }

    func testZeroByZeroBufferAcceptsEveryOperation() {
        var buffer = CellBuffer(width: 0, height: 0)
        XCTAssertEqual(buffer.put("hello", x: 0, y: 0), 0)
        buffer.fill(Rect(x: 0, y: 0, width: 10, height: 10), style: Style(.alarm))
        buffer[0, 0] = Cell("x")
        XCTAssertEqual(buffer[0, 0], Cell.blank)
        assertScreen(buffer.lines(), [])
    }

    func testNegativeSizesBecomeEmpty() {
        let buffer = CellBuffer(width: -3, height: -1)
        XCTAssertEqual(buffer.width, 0)
        XCTAssertEqual(buffer.height, 0)
    }

    func testPutClipsAtTheRightEdge() {
        var buffer = CellBuffer(width: 5, height: 1)
        XCTAssertEqual(buffer.put("abcdefg", x: 2, y: 0), 3)
        assertScreen(buffer.lines(), ["  abc"])
    }

    func testPutHonoursMaxWidth() {
        var buffer = CellBuffer(width: 6, height: 1)
        XCTAssertEqual(buffer.put("abcdef", x: 1, y: 0, maxWidth: 3), 3)
        assertScreen(buffer.lines(), [" abc  "])
    }

    func testPutLeftOfTheBufferShowsOnlyTheVisiblePart() {
        var buffer = CellBuffer(width: 4, height: 1)
        XCTAssertEqual(buffer.put("abcd", x: -2, y: 0), 2)
        assertScreen(buffer.lines(), ["cd  "])
    }

    func testPutOutsideTheRowsWritesNothing() {
        var buffer = CellBuffer(width: 4, height: 1)
        XCTAssertEqual(buffer.put("abcd", x: 0, y: 1), 0)
        XCTAssertEqual(buffer.put("abcd", x: 0, y: -1), 0)
        XCTAssertEqual(buffer.put("abcd", x: 4, y: 0), 0)
        assertScreen(buffer.lines(), ["    "])
    }

    func testPutKeepsTheStyle() {
        var buffer = CellBuffer(width: 3, height: 1)
        buffer.put("ab", x: 0, y: 0, style: Style(.alarm, bold: true))
        XCTAssertEqual(buffer[0, 0].style, Style(.alarm, bold: true))
        XCTAssertEqual(buffer[1, 0].style, Style(.alarm, bold: true))
        XCTAssertEqual(buffer[2, 0].style, .normal)
    }

    func testWideCharacterTakesTwoCells() {
        var buffer = CellBuffer(width: 4, height: 1)
        XCTAssertEqual(buffer.put("中a", x: 0, y: 0), 3)
        XCTAssertEqual(buffer[0, 0].text, "中")
        XCTAssertFalse(buffer[0, 0].isContinuation)
        XCTAssertTrue(buffer[1, 0].isContinuation)
        XCTAssertEqual(buffer[2, 0].text, "a")
        assertScreen(buffer.lines(), ["中a "])
    }

    func testEmojiIsWide() {
        var buffer = CellBuffer(width: 3, height: 1)
        XCTAssertEqual(buffer.put("🙂", x: 0, y: 0), 2)
        XCTAssertTrue(buffer[1, 0].isContinuation)
    }

    func testWideCharacterIsDroppedRatherThanSplitAtTheEdge() {
        var buffer = CellBuffer(width: 3, height: 1)
        XCTAssertEqual(buffer.put("ab中", x: 0, y: 0), 2)
        assertScreen(buffer.lines(), ["ab "])
        XCTAssertFalse(buffer[2, 0].isContinuation)
    }

    func testWideCharacterIsDroppedAtMaxWidth() {
        var buffer = CellBuffer(width: 6, height: 1)
        XCTAssertEqual(buffer.put("a中b", x: 0, y: 0, maxWidth: 2), 1)
        assertScreen(buffer.lines(), ["a     "])
    }

    func testCombiningMarksStayWithTheirCharacter() {
        var buffer = CellBuffer(width: 3, height: 1)
        XCTAssertEqual(buffer.put("e\u{301}x", x: 0, y: 0), 2)
        XCTAssertEqual(buffer[0, 0].text, "e\u{301}")
        XCTAssertEqual(buffer[1, 0].text, "x")
    }

    func testLeadingCombiningMarkIsDropped() {
        var buffer = CellBuffer(width: 2, height: 1)
        XCTAssertEqual(buffer.put("\u{301}a", x: 0, y: 0), 1)
        assertScreen(buffer.lines(), ["a "])
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.put("中中", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0)
        assertScreen(buffer.lines(), [" x中"])
        XCTAssertFalse(buffer[0, 0].isContinuation)
        XCTAssertFalse(buffer[1, 0].isContinuation)

        buffer.put("y", x: 2, y: 0)  // the left half of the second one
        assertScreen(buffer.lines(), [" xy "])
        XCTAssertFalse(buffer[3, 0].isContinuation)
    }

    func testControlCharactersNeverReachACell() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.put("a\u{1b}[2Jb\u{07}\u{80}c", x: 0, y: 0)
        assertScreen(buffer.lines(), ["abc   "])
    }

    func testFillIsClippedToTheBuffer() {
        var buffer = CellBuffer(width: 3, height: 3)
        buffer.put("abc", x: 0, y: 0)
        buffer.fill(Rect(x: -1, y: -1, width: 3, height: 3), style: Style(.selection))
        assertScreen(buffer.lines(), ["  c", "   ", "   "])
        XCTAssertEqual(buffer[1, 1].style, Style(.selection))
        XCTAssertEqual(buffer[2, 1].style, .normal)
        XCTAssertEqual(buffer[2, 0].style, .normal)
    }

    func testFillOverHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.put("中中", x: 0, y: 0)
        buffer.fill(Rect(x: 1, y: 0, width: 2, height: 1))
        assertScreen(buffer.lines(), ["    "])
        XCTAssertTrue((0..<4).allSatisfy { !buffer[$0, 0].isContinuation })
    }

    func testRestyleKeepsText() {
        var buffer = CellBuffer(width: 3, height: 1)
        buffer.put("abc", x: 0, y: 0)
        buffer.restyle(Rect(x: 1, y: 0, width: 5, height: 1), style: Style(.selection))
        assertScreen(buffer.lines(), ["abc"])
        XCTAssertEqual(buffer[0, 0].style, .normal)
        XCTAssertEqual(buffer[2, 0].style, Style(.selection))
    }

    func testPathologicalCombiningStackIsCapped() {
        var buffer = CellBuffer(width: 2, height: 1)
        buffer.put("a" + String(repeating: "\u{301}", count: 50), x: 0, y: 0)
        XCTAssertEqual(buffer[0, 0].text.unicodeScalars.count, CellBuffer.maxScalarsPerCell)
    }

    func testSimpleScalarsAreWholeSingleColumnCharactersTheSanitiserKeeps() {
        // What lets put skip sanitising and measuring them: the general path would place them the same way.
        let simple = (0...0xFFFF).compactMap(Unicode.Scalar.init).filter(CellBuffer.isSimple)
        XCTAssertGreaterThan(simple.count, 900)
        for scalar in simple {
            let text = String(scalar)
            XCTAssertEqual(Sanitizer.clean(text), text, "U+\(String(scalar.value, radix: 16))")
            XCTAssertEqual(DisplayWidth.of(Character(scalar)), 1, "U+\(String(scalar.value, radix: 16))")
            XCTAssertEqual((text + text + "a" + text).count, 4, "U+\(String(scalar.value, radix: 16))")
        }
        for value: UInt32 in [0x1F, 0x7F, 0x85, 0x9B, 0xAD, 0x300, 0x200B, 0x200D, 0x200E, 0x2028, 0x202E, 0x25FD, 0x25FE, 0xFE0F] {
            XCTAssertFalse(CellBuffer.isSimple(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))")
        }
    }

    func testSimpleTextIsOneCellPerScalarAndMixedTextStillMeasured() {
        var buffer = CellBuffer(width: 12, height: 2)
        XCTAssertEqual(buffer.put("┌ Málaga ⣿█…", x: 0, y: 0, style: Style(.title)), 12)
        XCTAssertEqual((0..<12).map { buffer[$0, 0].text }, ["┌", " ", "M", "á", "l", "a", "g", "a", " ", "⣿", "█", "…"])
        XCTAssertEqual(buffer[11, 0].style, Style(.title))
        // One wide character among them: the general path, which gives it two cells.
        XCTAssertEqual(buffer.put("─中─", x: -1, y: 1, maxWidth: 4), 3)
        XCTAssertEqual(buffer.lines()[1], "中─" + String(repeating: " ", count: 9))
        // Overwriting half of it still blanks the other half.
        buffer.put("x", x: 1, y: 1)
        XCTAssertEqual(buffer.lines()[1], " x─" + String(repeating: " ", count: 9))
    }
}
