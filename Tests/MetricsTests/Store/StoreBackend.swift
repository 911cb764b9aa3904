import Foundation
import Metrics
import ServerStore
import ServerTestSupport
import XCTest

/// A storage backend the conformance suite runs against: a name, and how to open an empty store of it in a folder
/// of its own. A new backend passes by adding itself to `all` and passing `StoreConformanceTests`.
struct StoreBackend: Sendable {
    var name: String
    var open: @Sendable (_ directory: URL) throws -> any MetricStore

    static let all: [StoreBackend] = [
        StoreBackend(name: "SQLite") { directory in try SQLiteStore(path: directory.appendingPathComponent("store.db").path) },
        // Each opens a new database of its own on the run's shared servers (Tests/ServerSupport).
        StoreBackend(name: "PostgreSQL + ClickHouse") { _ in try ServerStore(TestServers.settings(cluster: false)) },
        StoreBackend(name: "PostgreSQL + 2-shard ClickHouse") { _ in try ServerStore(TestServers.settings(cluster: true)) },
    ]

    /// Runs `body` on an empty store of each backend, each in a fresh temporary folder removed afterwards.
    static func eachEmptyStore(_ body: (_ backend: String, _ store: any MetricStore) throws -> Void) throws {
        for backend in all {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("td-conformance-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            try body(backend.name, try backend.open(directory))
        }
    }
}
