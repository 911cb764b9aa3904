import Foundation
import LocalServers
import ServerStore
#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL and a ClickHouse server of one test's own, for a test that kills or restarts one of them (the
/// shared `TestServers` must stay up for the others): free loopback ports, data folders under a folder of their own,
/// stopped by PID when the test calls `stop` (or at process exit).
public final class PrivateServers {
    public let postgresPort: Int
    public let clickhousePort: Int
    public let folder: String
    private let clickhousePorts: (http: Int, tcp: Int, interserver: Int)
    private var postgresPID: pid_t?
    private var clickhousePID: pid_t?
    /// Every private server still running, stopped at process exit if its test could not stop it.
    private static let stopper: Stopper = {
        let stopper = Stopper()
        atexit { PrivateServers.stopper.stopAll() }
        return stopper
    }()

    public init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("td-private-\(getpid())-\(UUID().uuidString.prefix(6))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o755)
        postgresPort = try LocalServers.freePort()
        clickhousePorts = try LocalServers.clickHousePorts()
        clickhousePort = clickhousePorts.http
        postgresPID = try LocalServers.startPostgres(folder: folder + "/postgres", port: postgresPort, stopper: Self.stopper)
        try startClickHouse()
    }

    /// The store on these servers (database `termdash`), with `timeoutSeconds`.
    public func settings(timeoutSeconds: Int) -> ServerSettings {
        ServerSettings(postgres: "postgres://termdash@127.0.0.1:\(postgresPort)/termdash",
                       clickhouse: ["http://127.0.0.1:\(clickhousePort)"], timeoutSeconds: timeoutSeconds)
    }

    /// Starts ClickHouse on its ports and data folder (again, after `killClickHouse`) and waits until it answers.
    public func startClickHouse() throws {
        clickhousePID = try LocalServers.startClickHouse(folder: folder + "/clickhouse", ports: clickhousePorts,
                                                         shards: [clickhousePorts.tcp], stopper: Self.stopper)
        try LocalServers.waitForClickHouse(port: clickhousePort, name: "private clickhouse", folder: folder + "/clickhouse")
    }

    /// SIGKILL to ClickHouse, as a crash: no clean shutdown. Returns once it is gone.
    public func killClickHouse() {
        guard let pid = clickhousePID else { return }
        Self.stopper.remove(pid)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        clickhousePID = nil
    }

    /// PostgreSQL's immediate shutdown (SIGQUIT): no checkpoint, its backends cut off, WAL replayed at the next
    /// start, as after a crash. Returns once it is gone.
    public func crashPostgres() {
        guard let pid = postgresPID else { return }
        Self.stopper.remove(pid)
        kill(pid, SIGQUIT)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        postgresPID = nil
    }

    /// Starts PostgreSQL on its port and data folder (again, after `crashPostgres`); returns once it accepts
    /// connections.
    public func startPostgres() throws {
        postgresPID = try LocalServers.startPostgres(folder: folder + "/postgres", port: postgresPort, stopper: Self.stopper)
    }

    /// Stops both servers and removes their folder.
    public func stop() {
        var stopping: [(pid: pid_t, signal: Int32)] = postgresPID.map { [($0, SIGINT)] } ?? []
        if let pid = clickhousePID { stopping.append((pid, SIGTERM)) }
        stopping.forEach { Self.stopper.remove($0.pid) }
        clickhousePID = nil
        postgresPID = nil
        Stopper.stop(stopping)
        try? FileManager.default.removeItem(atPath: folder)
    }
}
