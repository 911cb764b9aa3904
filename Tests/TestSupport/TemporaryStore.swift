import Foundation
import Metrics

/// A store in a fresh temporary directory, removed when the test ends.
public final class TemporaryStore {
    public let directory: URL
    public let store: SQLiteStore

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("termdash-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteStore(path: directory.appendingPathComponent("test.db").path)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}
