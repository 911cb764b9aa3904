import Foundation
import GRDB

/// Reads a store with read access only (a support desk's account, a monitor on a NOC wall).
///
/// A WAL store is read through its `-shm` index, which SQLite creates beside the file when no writer has the store
/// open: a user who cannot write the folder then gets "attempt to write a readonly database". When a writer runs,
/// its `-shm` and `-wal` exist and a reader that can read them uses them as usual. When none runs and neither file
/// exists, the last writer checkpointed everything into the file and removed them: the file alone is the whole
/// store, and it is read as `immutable` (no `-shm`, no locks). Before each read in that mode the reader looks for a
/// `-wal` again: a writer that started since is then read through its files as usual (until then a long-lived
/// reader such as the monitor would not see its writes).
final class SQLiteReadOnlyReader: @unchecked Sendable {
    private let path: String
    private let configuration: Configuration
    /// Guards `reader` and `immutable`.
    private let lock = NSLock()
    private var reader: any DatabaseReader
    private var immutable: Bool

    /// Whether reads go to the file alone.
    var isImmutable: Bool { lock.withLock { immutable } }

    /// - Parameter immutable: start on the file alone even where the -shm could be made (tests, which run as root
    ///   and so are never refused it).
    init(path: String, configuration: Configuration, immutable startImmutable: Bool = false) throws {
        self.path = path
        self.configuration = configuration
        do {
            if startImmutable { throw DatabaseError(resultCode: .SQLITE_READONLY) }
            reader = try DatabasePool(path: path, configuration: configuration)
            immutable = false
        } catch let error as DatabaseError
            where [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode)
                && !FileManager.default.fileExists(atPath: path + "-wal")
                && !FileManager.default.fileExists(atPath: path + "-shm")
        {
            reader = try DatabaseQueue(path: Self.immutableURI(path), configuration: configuration)
            immutable = true
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try current().read(body)
    }

    /// The reader to use now: the immutable one becomes a WAL reader once a writer has created its files.
    private func current() -> any DatabaseReader {
        lock.withLock {
            if immutable, FileManager.default.fileExists(atPath: path + "-wal"),
                let pool = try? DatabasePool(path: path, configuration: configuration)
            {
                reader = pool
                immutable = false
            }
            return reader
        }
    }

    /// `file:PATH?immutable=1`, the path escaped where a URI needs it.
    static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let escaped = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return "file:\(escaped)?immutable=1"
    }
}
