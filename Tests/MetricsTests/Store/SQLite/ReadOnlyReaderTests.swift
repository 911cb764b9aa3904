import Foundation
import GRDB
import XCTest
@testable import Metrics

/// The read-only reader on the file alone (what a user who cannot write the store's folder gets when no writer
/// runs), and its move to the WAL once a writer starts: a monitor left open sees the writer's rows.
final class ReadOnlyReaderTests: XCTestCase {
    func testTheFileAloneIsReadUntilAWriterStartsThenItsWAL() throws {
        // A folder name a URI must escape.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("td ?#%-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("store.db").path
        do {
            let store = try SQLiteStore(path: path)
            try store.addCarrier(name: "Telia", channelsConfigured: 30, rateCardID: nil)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"), "the writer closed and checkpointed")

        var configuration = Configuration()
        configuration.readonly = true
        let reader = try SQLiteReadOnlyReader(path: path, configuration: configuration, immutable: true)
        XCTAssertTrue(reader.isImmutable)
        XCTAssertEqual(try reader.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM carriers") }, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-shm"), "nothing written beside the file")

        let writer = try SQLiteStore(path: path)
        try writer.addCarrier(name: "Swisscom", channelsConfigured: 10, rateCardID: nil)
        XCTAssertEqual(try reader.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM carriers") }, 2)
        XCTAssertFalse(reader.isImmutable)
        withExtendedLifetime(writer) {}
    }
}
