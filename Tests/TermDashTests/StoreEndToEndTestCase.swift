import Foundation
import XCTest

/// An end-to-end test of the built binary on a store of its own: a fresh folder per test (removed after it), the
/// store's path in it, and a skip with the reason when the binary has not been built.
class StoreEndToEndTestCase: XCTestCase {
    var directory: URL!
    var db: String { directory.appendingPathComponent("store.db").path }

    override func setUpWithError() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: EndToEnd.binary),
                          "build first: \(EndToEnd.binary) is missing")
        directory = try EndToEnd.temporaryDirectory()
    }

    override func tearDown() {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }
}
