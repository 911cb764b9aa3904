import Metrics
import XCTest

@testable import TermDash

/// Every portal string in every language, with the same placeholders; data put in is sanitised.
final class PortalStringsTests: XCTestCase {
    func testEveryKeyHasEveryLanguageWithTheSamePlaceholders() {
        func marks(_ text: String) -> [String] {
            (1...9).map { "%\($0)" }.filter(text.contains)
        }
        for (key, texts) in PortalStrings.table {
            for language in PortalLanguage.allCases {
                let text = texts[language]
                XCTAssertFalse(text?.isEmpty ?? true, "\(key) has no \(language) text")
                XCTAssertEqual(marks(text ?? ""), marks(texts[.english] ?? ""), "\(key) in \(language)")
            }
        }
        XCTAssertGreaterThan(PortalStrings.table.count, 20)
    }

    func testLookupFillsPlaceholdersWithSanitisedData() {
        XCTAssertEqual(PortalStrings.text("blocks.in_use", .polish, "3", "1000"), "3 z 1000 w użyciu")
        XCTAssertEqual(PortalStrings.text("blocks.in_use", .english, "3", "1000"), "3 of 1000 in use")
        XCTAssertFalse(PortalStrings.text("profile.invalid", .english, "\u{1B}[2J", "x").contains("\u{1B}"))
        XCTAssertEqual(PortalStrings.text("no.such.key", .polish), "no.such.key")
    }
}
