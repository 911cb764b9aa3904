import Foundation
import XCTest

/// `--db` as a user gets it wrong: the message names the path and the mistake, and the command exits non-zero.
final class StoreOptionTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.binary),
                          "build first: \(EndToEnd.binary) is missing")
    }

    func testADirectoryIsNotAStoreFile() throws {
        let directory = try EndToEnd.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for arguments in [["report"], ["files"], ["rates", "list"], ["snapshot"], ["import", "x.csv"]] {
            let result = try EndToEnd.termdash(arguments + ["--db", directory.path])
            XCTAssertEqual(result.status, 1, "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stderr, "Error: \(directory.path): is a directory, not a store file\n", "\(arguments)")
        }
    }
}
