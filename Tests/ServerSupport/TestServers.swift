import Foundation
import LocalServers
import ServerStore
#if canImport(Glibc)
import Glibc
#endif

/// The database servers of one test run (`LocalServers`): started once per test process, on first use, and
/// stopped by PID when it exits.
public enum TestServers {
    public typealias Running = LocalServers.Running

    private static let stopper = Stopper()

    /// The servers, started on first use (a `static let` is initialised once, thread-safely).
    public static let running: Result<Running, LocalServerError> = Result {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("td-servers-\(getpid())-\(UUID().uuidString.prefix(6))").path
        atexit { TestServers.stopper.stopAll() }
        return try LocalServers.start(folder: folder, stopper: stopper)
    }.mapError { $0 as? LocalServerError ?? LocalServerError(String(describing: $0)) }

    /// Settings for an empty store of its own (a new database) on PostgreSQL and one ClickHouse server, or on
    /// PostgreSQL and the two-shard cluster.
    public static func settings(cluster: Bool) throws -> ServerSettings {
        let servers = try running.get()
        let database = "td_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        return ServerSettings(postgres: servers.postgres(database: database),
                              clickhouse: servers.clickhouse(cluster: cluster), timeoutSeconds: 30)
    }
}
