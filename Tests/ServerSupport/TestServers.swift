import Foundation
import ServerStore
#if canImport(Glibc)
import Glibc
#endif

/// The database servers of one test run, from Debian's packages: one PostgreSQL and two ClickHouse servers on
/// free 127.0.0.1 ports, each with its own data folder under one temporary folder. The first ClickHouse server is
/// the "one server" setup; with the second it forms the two-shard cluster `termdash` (both configs declare it).
/// Started once, on first use, waited on until they answer; stopped by PID when the test process exits.
public enum TestServers {
    public struct Running: Sendable {
        public var postgresPort: Int
        public var clickhousePorts: [Int]
        public var folder: String
    }

    /// The servers, started on first use (a `static let` is initialised once, thread-safely).
    public static let running: Result<Running, TestServerError> = Result { try start() }
        .mapError { $0 as? TestServerError ?? TestServerError(String(describing: $0)) }

    /// Settings for an empty store of its own (a new database) on PostgreSQL and one ClickHouse server, or on
    /// PostgreSQL and the two-shard cluster.
    public static func settings(cluster: Bool) throws -> ServerSettings {
        let servers = try running.get()
        let database = "td_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let clickhouse = (cluster ? servers.clickhousePorts : [servers.clickhousePorts[0]]).map { "http://127.0.0.1:\($0)" }
        return ServerSettings(postgres: "postgres://termdash@127.0.0.1:\(servers.postgresPort)/\(database)",
                              clickhouse: clickhouse, timeoutSeconds: 30)
    }

    // MARK: Starting

    private static func start() throws -> Running {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("td-servers-\(getpid())-\(UUID().uuidString.prefix(6))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o755)
        Stopper.shared.folder = folder
        let postgresPort = try freePort()
        Stopper.shared.add(try startPostgres(folder: folder + "/postgres", port: postgresPort), signal: SIGINT)
        let ports = try (0..<2).map { _ in try clickHousePorts() }
        for (index, port) in ports.enumerated() {
            Stopper.shared.add(try startClickHouse(folder: folder + "/clickhouse\(index + 1)", ports: port,
                                                   shards: ports.map(\.tcp)), signal: SIGTERM)
        }
        for (index, port) in ports.enumerated() {
            try waitForClickHouse(port: port.http, name: "clickhouse \(index + 1)", folder: folder + "/clickhouse\(index + 1)")
        }
        return Running(postgresPort: postgresPort, clickhousePorts: ports.map(\.http), folder: folder)
    }

    /// Ports for one ClickHouse server: HTTP, native TCP (what the shards talk over) and interserver.
    static func clickHousePorts() throws -> (http: Int, tcp: Int, interserver: Int) {
        (http: try freePort(), tcp: try freePort(), interserver: try freePort())
    }

    /// Waits until the ClickHouse server on `port` answers /ping.
    static func waitForClickHouse(port: Int, name: String, folder: String) throws {
        try waitUntil("\(name) on port \(port)", log: folder + "/stdout.log") {
            run("/usr/bin/curl", ["-sf", "-o", "/dev/null", "http://127.0.0.1:\(port)/ping"]) == 0
        }
    }

    /// PostgreSQL refuses to run as root: when the tests run as root, the server runs as `nobody`, which owns its
    /// data folder. Returns its PID once it accepts connections (stop it with SIGINT, a fast shutdown).
    static func startPostgres(folder: String, port: Int) throws -> pid_t {
        let bin = "/usr/lib/postgresql/15/bin"
        guard FileManager.default.isExecutableFile(atPath: bin + "/postgres") else {
            throw TestServerError("PostgreSQL 15 is not installed (make deps installs Debian's postgresql)")
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var prefix: [String] = []
        if getuid() == 0 {
            guard let nobody = getpwnam("nobody") else { throw TestServerError("no user nobody to run PostgreSQL as") }
            chown(folder, nobody.pointee.pw_uid, nobody.pointee.pw_gid)
            prefix = ["--reuid=\(nobody.pointee.pw_uid)", "--regid=\(nobody.pointee.pw_gid)", "--clear-groups"]
        }
        func asOwner(_ program: String, _ arguments: [String]) -> (String, [String]) {
            prefix.isEmpty ? (program, arguments) : ("/usr/bin/setpriv", prefix + [program] + arguments)
        }
        let data = folder + "/data"
        let (initdb, initArguments) = asOwner(bin + "/initdb", ["-D", data, "-U", "termdash", "--auth=trust", "-E", "UTF8", "--no-sync"])
        guard run(initdb, initArguments, log: folder + "/initdb.log") == 0 else {
            throw TestServerError("initdb failed: see \(folder)/initdb.log")
        }
        let (postgres, arguments) = asOwner(bin + "/postgres", [
            "-D", data, "-h", "127.0.0.1", "-p", String(port), "-k", folder, "-c", "fsync=off",
            "-c", "max_connections=200", "-c", "logging_collector=off",
        ])
        let pid = try spawn(postgres, arguments, log: folder + "/server.log")
        try waitUntil("postgres on port \(port)", log: folder + "/server.log") {
            run(bin + "/pg_isready", ["-q", "-h", "127.0.0.1", "-p", String(port)]) == 0
        }
        return pid
    }

    /// Starts a ClickHouse server whose config (written anew, the same for the same arguments) lists `shards` in the
    /// cluster `termdash`; returns its PID without waiting for it (`waitForClickHouse`). Stop it with SIGTERM.
    static func startClickHouse(folder: String, ports: (http: Int, tcp: Int, interserver: Int), shards: [Int]) throws
        -> pid_t
    {
        // Debian installs it in /usr/sbin.
        guard let server = ["/usr/sbin/clickhouse-server", "/usr/bin/clickhouse-server"]
            .first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw TestServerError("clickhouse-server is not installed (make deps installs Debian's clickhouse-server)")
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let replicas = shards.map {
            "<shard><internal_replication>false</internal_replication><replica><host>127.0.0.1</host><port>\($0)</port></replica></shard>"
        }.joined()
        let config = """
            <yandex>
              <logger><level>warning</level><log>\(folder)/server.log</log><errorlog>\(folder)/error.log</errorlog></logger>
              <listen_host>127.0.0.1</listen_host>
              <http_port>\(ports.http)</http_port><tcp_port>\(ports.tcp)</tcp_port>
              <interserver_http_port>\(ports.interserver)</interserver_http_port>
              <path>\(folder)/data/</path><tmp_path>\(folder)/tmp/</tmp_path><user_files_path>\(folder)/files/</user_files_path>
              <users_config>\(folder)/users.xml</users_config>
              <timezone>UTC</timezone>
              <mark_cache_size>5368709</mark_cache_size>
              <default_profile>default</default_profile><default_database>default</default_database>
              <remote_servers><termdash>\(replicas)</termdash></remote_servers>
            </yandex>
            """
        let users = """
            <yandex>
              <profiles><default><max_memory_usage>2000000000</max_memory_usage></default></profiles>
              <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                <profile>default</profile><quota>default</quota></default></users>
              <quotas><default></default></quotas>
            </yandex>
            """
        try config.write(toFile: folder + "/config.xml", atomically: true, encoding: .utf8)
        try users.write(toFile: folder + "/users.xml", atomically: true, encoding: .utf8)
        return try spawn(server, ["--config-file=\(folder)/config.xml"], log: folder + "/stdout.log")
    }

    // MARK: Processes

    /// A free TCP port on 127.0.0.1: bound to port 0, read back, released.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw TestServerError("socket: \(String(cString: strerror(errno)))") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard bound else { throw TestServerError("bind: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func waitUntil(_ what: String, log: String, _ ready: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if ready() { return }
            usleep(100_000)
        }
        throw TestServerError("\(what) did not answer within 60 s: see \(log)")
    }

    /// Starts `executable` in the background, output to `log`; the caller stops it by the PID returned.
    private static func spawn(_ executable: String, _ arguments: [String], log: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw TestServerError("cannot run \(executable): \(String(cString: strerror(spawned)))") }
        return pid
    }

    /// Runs a program to completion; its exit status (128 + signal when killed).
    @discardableResult
    private static func run(_ executable: String, _ arguments: [String], log: String = "/dev/null") -> Int32 {
        guard let pid = try? spawn(executable, arguments, log: log) else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    static func stopAll() { Stopper.shared.stopAll() }
}
