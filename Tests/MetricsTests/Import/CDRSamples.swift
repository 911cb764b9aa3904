import Foundation
import XCTest
@testable import Metrics
import TermDashTestSupport

/// The real CDR files of shared/cdr-samples (beside the checkout), and helpers to read CDR text in tests.
enum CDRSamples {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/cdr-samples")

    /// The bytes of a sample file; skips the test when shared/cdr-samples is not beside the checkout.
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = directory.appendingPathComponent(name)
        try XCTSkipUnless(FileManager.default.fileExists(atPath: url.path), "shared/cdr-samples is not beside the checkout")
        return Array(try Data(contentsOf: url))
    }

    static let utc = TimeZone(identifier: "UTC")!

    /// Every record of `bytes` parsed in `layout`, the header skipped for native files.
    static func parse(_ bytes: [UInt8], _ layout: ColumnLayout, zone: TimeZone = utc) -> [Result<SwitchRow, RowError>] {
        let parser = RowParser(layout: layout, zone: zone)
        return CSVReader(bytes: bytes).dropFirst(layout.hasHeader ? 1 : 0).map { parser.parse($0) }
    }

    static func parse(_ text: String, _ layout: ColumnLayout, zone: TimeZone = utc) -> [Result<SwitchRow, RowError>] {
        parse(Array(text.utf8), layout, zone: zone)
    }

    /// The reason the only record of `text` is rejected, nil when it parses.
    static func reason(_ text: String, _ layout: ColumnLayout) -> String? {
        guard let result = parse(text, layout).first, case .failure(let error) = result else { return nil }
        return error.reason
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
