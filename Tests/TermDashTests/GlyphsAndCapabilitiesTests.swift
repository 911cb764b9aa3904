import XCTest

@testable import TermDash

final class GlyphsAndCapabilitiesTests: XCTestCase {
    private struct Case {
        var environment: [String: String]
        var codeset: String
        var colors: Int
        var unicode: Bool
        var depth: ColorDepth
        var line: UInt
    }

    func testDetect() {
        let cases: [Case] = [
            Case(environment: ["TERM": "xterm-256color"], codeset: "UTF-8", colors: 256, unicode: true, depth: .palette256, line: #line),
            Case(environment: ["TERM": "tmux-256color"], codeset: "UTF-8", colors: 256, unicode: true, depth: .palette256, line: #line),
            Case(environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"], codeset: "UTF-8", colors: 256,
                 unicode: true, depth: .truecolor, line: #line),
            Case(environment: ["TERM": "xterm-256color", "COLORTERM": "24bit"], codeset: "UTF-8", colors: 256,
                 unicode: true, depth: .truecolor, line: #line),
            // COLORTERM alone does not invent colours the terminal lacks.
            Case(environment: ["TERM": "xterm", "COLORTERM": "truecolor"], codeset: "UTF-8", colors: 0,
                 unicode: true, depth: .none, line: #line),
            Case(environment: ["TERM": "xterm"], codeset: "UTF-8", colors: 8, unicode: true, depth: .basic16, line: #line),
            Case(environment: ["TERM": "xterm-16color"], codeset: "UTF-8", colors: 16, unicode: true, depth: .basic16, line: #line),
            Case(environment: ["TERM": "xterm-256color", "NO_COLOR": "1"], codeset: "UTF-8", colors: 256,
                 unicode: true, depth: .none, line: #line),
            Case(environment: ["TERM": "xterm-256color", "NO_COLOR": "1", "COLORTERM": "truecolor"], codeset: "UTF-8",
                 colors: 256, unicode: true, depth: .none, line: #line),
            // An empty NO_COLOR does not count (no-color.org).
            Case(environment: ["TERM": "xterm-256color", "NO_COLOR": ""], codeset: "UTF-8", colors: 256,
                 unicode: true, depth: .palette256, line: #line),
            Case(environment: ["TERM": "vt100"], codeset: "UTF-8", colors: 8, unicode: false, depth: .none, line: #line),
            Case(environment: ["TERM": "vt220"], codeset: "UTF-8", colors: 0, unicode: false, depth: .none, line: #line),
            Case(environment: ["TERM": "dumb"], codeset: "UTF-8", colors: 0, unicode: false, depth: .none, line: #line),
            Case(environment: ["TERM": "linux"], codeset: "UTF-8", colors: 8, unicode: false, depth: .basic16, line: #line),
            Case(environment: ["TERM": "xterm-256color"], codeset: "ANSI_X3.4-1968", colors: 256, unicode: false,
                 depth: .palette256, line: #line),
            Case(environment: ["TERM": "xterm-256color"], codeset: "ISO-8859-1", colors: 256, unicode: false,
                 depth: .palette256, line: #line),
            Case(environment: ["TERM": "xterm-256color"], codeset: "utf8", colors: 256, unicode: true, depth: .palette256, line: #line),
            Case(environment: [:], codeset: "UTF-8", colors: 0, unicode: true, depth: .none, line: #line),
            Case(environment: ["TERM": "screen"], codeset: "UTF-8", colors: 2, unicode: true, depth: .none, line: #line),
        ]
        for c in cases {
            let detected = TerminalCapabilities.detect(environment: c.environment, codeset: c.codeset, terminalColors: c.colors)
            XCTAssertEqual(detected, TerminalCapabilities(unicode: c.unicode, colors: c.depth), line: c.line)
        }
    }

    func testGlyphSetFollowsCapabilities() {
        let unicode = TerminalCapabilities(unicode: true, colors: .palette256)
        let ascii = TerminalCapabilities(unicode: false, colors: .none)
        XCTAssertEqual(GlyphSet.for(unicode), .unicodeBlock)
        XCTAssertEqual(GlyphSet.for(ascii), .ascii)
        XCTAssertEqual(GlyphSet.for(unicode, graphStyle: .braille).graphStyle, .braille)
        XCTAssertEqual(GlyphSet.for(ascii, graphStyle: .braille), .ascii)
        XCTAssertEqual(GlyphSet.choose("auto", capabilities: unicode), .unicodeBlock)
        XCTAssertEqual(GlyphSet.choose("braille", capabilities: unicode), .unicodeBraille)
        XCTAssertEqual(GlyphSet.choose("ascii", capabilities: unicode).graphStyle, .ascii)
        XCTAssertEqual(GlyphSet.choose("ascii", capabilities: unicode).sparkLevels, GlyphSet.ascii.sparkLevels)
        XCTAssertEqual(GlyphSet.choose("block", capabilities: ascii), .ascii)
    }

    func testAsciiGlyphsAreAscii() {
        let set = GlyphSet.ascii
        let all = [set.horizontal, set.vertical, set.topLeft, set.topRight, set.bottomLeft, set.bottomRight, set.ellipsis,
                   set.separator, set.ok, set.warning, set.alarm, set.barFull, set.barEmpty, set.times, set.unlimited]
            + set.sparkLevels
        for glyph in all {
            XCTAssertTrue(glyph.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 }, glyph)
        }
    }

    func testGlyphsAreOneColumnWide() {
        for set in [GlyphSet.unicodeBlock, .ascii] {
            for glyph in [set.horizontal, set.vertical, set.topLeft, set.topRight, set.bottomLeft, set.bottomRight,
                          set.separator, set.ok, set.warning, set.alarm, set.barFull, set.barEmpty] + set.sparkLevels {
                XCTAssertEqual(DisplayWidth.of(glyph), 1, glyph)
            }
        }
    }

    func testBlockSparkLevels() {
        XCTAssertEqual(GlyphSet.unicodeBlock.sparkLevels.joined(), " ▁▂▃▄▅▆▇█")
        XCTAssertEqual(GlyphSet.unicodeBlock.levelsPerCell, 8)
        XCTAssertEqual(GlyphSet.ascii.levelsPerCell, 7)
        XCTAssertEqual(GlyphSet.unicodeBraille.levelsPerCell, 4)
        XCTAssertEqual(GlyphSet.unicodeBraille.samplesPerCell, 2)
    }

    func testBraillePatterns() {
        XCTAssertEqual(GlyphSet.braille(left: 0, right: 0), "\u{2800}")
        XCTAssertEqual(GlyphSet.braille(left: 1, right: 0), "\u{2840}")  // dot 7, bottom left
        XCTAssertEqual(GlyphSet.braille(left: 0, right: 1), "\u{2880}")  // dot 8, bottom right
        XCTAssertEqual(GlyphSet.braille(left: 4, right: 0), "\u{2847}")  // dots 1 2 3 7
        XCTAssertEqual(GlyphSet.braille(left: 0, right: 4), "\u{28B8}")  // dots 4 5 6 8
        XCTAssertEqual(GlyphSet.braille(left: 4, right: 4), "\u{28FF}")
        XCTAssertEqual(GlyphSet.braille(left: 9, right: -1), "\u{2847}")  // clamped
    }

    // MARK: Themes

    func testThemesByName() {
        XCTAssertEqual(Theme.named("default"), .default)
        XCTAssertEqual(Theme.named("high-contrast"), .highContrast)
        XCTAssertEqual(Theme.named("High-Contrast"), .highContrast)
        XCTAssertEqual(Theme.named("monochrome"), .monochrome)
        XCTAssertNil(Theme.named("solarized"))
        XCTAssertNil(Theme.named(""))
    }

    func testEveryThemeDefinesEveryRole() {
        for theme in Theme.all {
            for role in StyleRole.allCases {
                XCTAssertNotNil(theme.entries[role], "\(theme.name) lacks \(role)")
            }
        }
    }

    func testMonochromeUsesNoColourAndReverseVideo() {
        for entry in Theme.monochrome.entries.values {
            XCTAssertEqual(entry.fg, .terminalDefault)
            XCTAssertEqual(entry.bg, .terminalDefault)
        }
        XCTAssertTrue(Theme.monochrome.entry(for: .selection).reverse)
        XCTAssertTrue(Theme.monochrome.entry(for: .statusBar).reverse)
        XCTAssertTrue(Theme.monochrome.entry(for: .title).bold)
    }

    func testHighContrastIsBrightOnBlackWithBoldValues() {
        let theme = Theme.highContrast
        XCTAssertEqual(theme.entry(for: .normal).bg, .black)
        XCTAssertEqual(theme.entry(for: .normal).fg, .brightWhite)
        XCTAssertTrue(theme.entry(for: .value).bold)
    }

    func testWithoutColourAnyThemeFallsBackToMonochromeAttributes() {
        let resolved = Theme.default.resolved(for: .none, colorCount: 0)
        XCTAssertEqual(resolved[.selection], ResolvedStyle(fg: -1, bg: -1, bold: false, reverse: true, dim: false, underline: false))
        XCTAssertEqual(resolved[.statusBar]?.reverse, true)
        XCTAssertEqual(resolved[.alarm]?.fg, -1)
    }

    /// NO_COLOR, a terminal without colours or the monochrome theme: colour is never started, so the terminal
    /// keeps its own foreground and background.
    func testColourIsUsedOnlyByAColourThemeOnAColourTerminal() {
        func depth(_ environment: [String: String], colors: Int = 256) -> ColorDepth {
            TerminalCapabilities.detect(environment: environment, codeset: "UTF-8", terminalColors: colors).colors
        }
        XCTAssertFalse(Theme.default.usesColor(on: depth(["TERM": "xterm-256color", "NO_COLOR": "1"])))
        XCTAssertFalse(Theme.highContrast.usesColor(on: depth(["TERM": "xterm-256color", "NO_COLOR": "1"])))
        XCTAssertFalse(Theme.default.usesColor(on: depth(["TERM": "xterm"], colors: 0)))
        XCTAssertFalse(Theme.default.usesColor(on: depth(["TERM": "vt100"], colors: 8)))
        XCTAssertFalse(Theme.monochrome.usesColor(on: depth(["TERM": "xterm-256color"])))
        XCTAssertTrue(Theme.default.usesColor(on: depth(["TERM": "xterm-256color"])))
        XCTAssertTrue(Theme.highContrast.usesColor(on: depth(["TERM": "xterm"], colors: 8)))
        XCTAssertTrue(Theme.default.usesColor(on: depth(["TERM": "xterm-256color", "NO_COLOR": ""])), "an empty NO_COLOR does not count")
    }

    func testBrightColoursBecomeBoldOnEightColourTerminals() {
        let eight = Theme.highContrast.resolved(for: .basic16, colorCount: 8)
        XCTAssertEqual(eight[.normal]?.fg, 7)  // bright white -> white
        XCTAssertEqual(eight[.normal]?.bold, true)
        XCTAssertEqual(eight[.selection]?.bg, 3)  // bright yellow background -> yellow, no bold for a background
        let sixteen = Theme.highContrast.resolved(for: .basic16, colorCount: 16)
        XCTAssertEqual(sixteen[.normal]?.fg, 15)
        XCTAssertEqual(sixteen[.normal]?.bold, false)
        XCTAssertEqual(sixteen[.normal]?.bg, 0)
    }

    func testPaletteColoursAreDowngradedWhenThePaletteIsMissing() {
        XCTAssertEqual(Theme.paletteIndex(.indexed(196), depth: .palette256, colorCount: 256).index, 196)
        XCTAssertEqual(Theme.paletteIndex(.indexed(196), depth: .basic16, colorCount: 16).index, 9)  // pure red -> bright red
        XCTAssertEqual(Theme.paletteIndex(.indexed(196), depth: .basic16, colorCount: 8).index, 1)
        XCTAssertEqual(Theme.paletteIndex(.terminalDefault, depth: .palette256, colorCount: 256).index, -1)
        XCTAssertEqual(ThemeColor.nearestBasic(toPaletteIndex: 4), 4)
        XCTAssertEqual(ThemeColor.nearestBasic(toPaletteIndex: 16), 0)  // cube black
        XCTAssertEqual(ThemeColor.nearestBasic(toPaletteIndex: 231), 15)  // cube white
        XCTAssertEqual(ThemeColor.nearestBasic(toPaletteIndex: 28), 2)  // (0,135,0): green, not grey
        XCTAssertEqual(ThemeColor.nearestBasic(toPaletteIndex: 232), 0)  // darkest grey
        XCTAssertEqual(ThemeColor.nearestBasic(toPaletteIndex: 244), 8)
        XCTAssertEqual(ThemeColor.nearestBasic(toPaletteIndex: 250), 7)
        XCTAssertEqual(ThemeColor.nearestBasic(toPaletteIndex: 255), 7)  // grey 238 is nearer white (229) than 255
        XCTAssertEqual(ThemeColor.nearestBasic(toPaletteIndex: 21), 4)  // (0,0,255): blue (0,0,238), not (92,92,255)
        XCTAssertEqual(ThemeColor.nearestBasic(toPaletteIndex: 33), 6)  // (0,135,255): cyan is 7,400 away, bright blue 10,313
    }

    // MARK: Keys

    func testKeyCodes() {
        // Values of <curses.h>: KEY_UP 0403, KEY_SF 0520, KEY_SR 0521, KEY_SLEFT 0611, KEY_SRIGHT 0622, KEY_F0 0410.
        XCTAssertEqual(NcursesTerminal.key(forKeyCode: 0o403), .up)
        XCTAssertEqual(NcursesTerminal.key(forKeyCode: 0o402), .down)
        XCTAssertEqual(NcursesTerminal.key(forKeyCode: 0o521), .shiftUp)
        XCTAssertEqual(NcursesTerminal.key(forKeyCode: 0o520), .shiftDown)
        XCTAssertEqual(NcursesTerminal.key(forKeyCode: 0o611), .shiftLeft)
        XCTAssertEqual(NcursesTerminal.key(forKeyCode: 0o622), .shiftRight)
        XCTAssertEqual(NcursesTerminal.key(forKeyCode: 0o410 + 1), .function(1))
        XCTAssertEqual(NcursesTerminal.key(forKeyCode: 0o410 + 12), .function(12))
        XCTAssertEqual(NcursesTerminal.key(forKeyCode: 0o541), .backTab)
        XCTAssertEqual(NcursesTerminal.key(forKeyCode: 0o522), .pageDown)
        XCTAssertEqual(NcursesTerminal.key(forKeyCode: 0o523), .pageUp)
        XCTAssertNil(NcursesTerminal.key(forKeyCode: 0o410))  // KEY_F0 does not exist on keyboards
    }

    func testCharacterCodes() {
        XCTAssertEqual(NcursesTerminal.key(forCharacter: 0x0D), .enter)  // nonl(): Enter arrives as CR
        XCTAssertEqual(NcursesTerminal.key(forCharacter: 0x0A), .enter)
        XCTAssertEqual(NcursesTerminal.key(forCharacter: 0x09), .tab)
        XCTAssertEqual(NcursesTerminal.key(forCharacter: 0x1B), .escape)
        XCTAssertEqual(NcursesTerminal.key(forCharacter: 0x7F), .backspace)
        XCTAssertEqual(NcursesTerminal.key(forCharacter: 0x71), .character("q"))
        XCTAssertEqual(NcursesTerminal.key(forCharacter: 0x0C), .character("\u{0C}"))  // Ctrl-L
        XCTAssertEqual(NcursesTerminal.key(forCharacter: 0xFC), .character("ü"))
        XCTAssertNil(NcursesTerminal.key(forCharacter: 0xD800))  // a lone surrogate is no character
    }
}
