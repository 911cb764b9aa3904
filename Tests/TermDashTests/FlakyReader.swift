import Foundation
import Metrics
import ServerStore

/// A store that stops answering when told to: every read then fails as a servers store's does when a server is
/// down (`ServerStoreError.unreachable`), until it is told to answer again.
final class FlakyReader: StoreReader, @unchecked Sendable {
    private let base: any StoreReader
    private let lock = NSLock()
    private var down = false

    init(_ base: any StoreReader) { self.base = base }

    var location: String { base.location }

    var isDown: Bool {
        get { lock.withLock { down } }
        set { lock.withLock { down = newValue } }
    }

    func read<T>(_ body: (any StoreReadSession) throws -> T) throws -> T {
        if isDown { throw ServerStoreError.unreachable(server: "clickhouse http://127.0.0.1:9", reason: "connection refused") }
        return try base.read(body)
    }
}
