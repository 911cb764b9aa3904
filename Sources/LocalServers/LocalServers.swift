import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Database servers on loopback, from Debian's packages, for the tests and `termdash-bench cluster`: one
/// PostgreSQL 15 and two ClickHouse servers on free 127.0.0.1 ports, each with its own data folder under one
/// folder. The first ClickHouse server is the "one server" setup; with the second it forms the two-shard cluster
/// `termdash` (both configs declare it). Started and waited on until they answer; the `Stopper` given stops them
/// by PID.
public enum LocalServers {
    public struct Running: Sendable {
        public var postgresPort: Int
        public var clickhousePorts: [Int]
        public var folder: String

        /// `postgres://termdash@127.0.0.1:port/database`.
        public func postgres(database: String) -> String { "postgres://termdash@127.0.0.1:\(postgresPort)/\(database)" }

        /// The ClickHouse servers' URLs: the first alone, or both (the two-shard cluster).
        public func clickhouse(cluster: Bool) -> [String] {
            (cluster ? clickhousePorts : [clickhousePorts[0]]).map { "http://127.0.0.1:\($0)" }
        }
    }

    /// Starts the servers in `folder` (created; data kept there by an earlier run is started as it is, on new
    /// ports), registering each with `stopper` as soon as it runs.
    /// `keepAliveSeconds`: how long ClickHouse keeps an idle HTTP connection (its default, 10 s, when nil). A
    /// stopping ClickHouse waits for its idle connections, so a process that stops the servers while its own HTTP
    /// client still holds connections (the bench) stops them faster with a short one.
    public static func start(folder: String, stopper: Stopper, keepAliveSeconds: Int? = nil) throws -> Running {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o755)
        stopper.folder = folder
        let postgresPort = try freePort()
        try startPostgres(folder: folder + "/postgres", port: postgresPort, stopper: stopper)
        let ports = try (0..<2).map { _ in try clickHousePorts() }
        for (index, port) in ports.enumerated() {
            try startClickHouse(folder: folder + "/clickhouse\(index + 1)", ports: port, shards: ports.map(\.tcp),
                                keepAlive: keepAliveSeconds, stopper: stopper)
        }
        for (index, port) in ports.enumerated() {
            try waitForClickHouse(port: port.http, name: "clickhouse \(index + 1)", folder: folder + "/clickhouse\(index + 1)")
        }
        return Running(postgresPort: postgresPort, clickhousePorts: ports.map(\.http), folder: folder)
    }

    /// Ports for one ClickHouse server: HTTP, native TCP (what the shards talk over) and interserver.
    public static func clickHousePorts() throws -> (http: Int, tcp: Int, interserver: Int) {
        (http: try freePort(), tcp: try freePort(), interserver: try freePort())
    }

    /// Waits until the ClickHouse server on `port` answers /ping.
    public static func waitForClickHouse(port: Int, name: String, folder: String) throws {
        try waitUntil("\(name) on port \(port)", log: folder + "/stdout.log") {
            run("/usr/bin/curl", ["-sf", "-o", "/dev/null", "http://127.0.0.1:\(port)/ping"]) == 0
        }
    }

    /// PostgreSQL refuses to run as root: when the tests run as root, the server runs as `nobody`, which owns its
    /// data folder. Returns its PID once it accepts connections.
    @discardableResult
    public static func startPostgres(folder: String, port: Int, stopper: Stopper) throws -> pid_t {
        let bin = "/usr/lib/postgresql/15/bin"
        guard FileManager.default.isExecutableFile(atPath: bin + "/postgres") else {
            throw LocalServerError("PostgreSQL 15 is not installed (make deps installs Debian's postgresql)")
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var prefix: [String] = []
        if getuid() == 0 {
            guard let nobody = getpwnam("nobody") else { throw LocalServerError("no user nobody to run PostgreSQL as") }
            chown(folder, nobody.pointee.pw_uid, nobody.pointee.pw_gid)
            prefix = ["--reuid=\(nobody.pointee.pw_uid)", "--regid=\(nobody.pointee.pw_gid)", "--clear-groups"]
        }
        func asOwner(_ program: String, _ arguments: [String]) -> (String, [String]) {
            prefix.isEmpty ? (program, arguments) : ("/usr/bin/setpriv", prefix + [program] + arguments)
        }
        let data = folder + "/data"
        let (initdb, initArguments) = asOwner(bin + "/initdb", ["-D", data, "-U", "termdash", "--auth=trust", "-E", "UTF8", "--no-sync"])
        // A data folder kept from an earlier run (`termdash-bench cluster --keep`, then `--reuse`) is started as it is.
        let kept = FileManager.default.fileExists(atPath: data + "/PG_VERSION")
        guard kept || run(initdb, initArguments, log: folder + "/initdb.log") == 0 else {
            throw LocalServerError("initdb failed: see \(folder)/initdb.log")
        }
        let (postgres, arguments) = asOwner(bin + "/postgres", [
            "-D", data, "-h", "127.0.0.1", "-p", String(port), "-k", folder, "-c", "fsync=off",
            "-c", "max_connections=200", "-c", "logging_collector=off",
        ])
        let pid = try spawn(postgres, arguments, log: folder + "/server.log")
        stopper.add(pid, signal: SIGINT)  // fast shutdown: clients still connected are disconnected
        try waitUntil("postgres on port \(port)", log: folder + "/server.log") {
            run(bin + "/pg_isready", ["-q", "-h", "127.0.0.1", "-p", String(port)]) == 0
        }
        return pid
    }

    /// Starts a ClickHouse server whose config lists `shards` in the cluster `termdash`; returns its PID without
    /// waiting for it (`waitForClickHouse`).
    @discardableResult
    public static func startClickHouse(folder: String, ports: (http: Int, tcp: Int, interserver: Int), shards: [Int],
                                       keepAlive: Int? = nil, stopper: Stopper) throws -> pid_t {
        // Debian installs it in /usr/sbin.
        guard let server = ["/usr/sbin/clickhouse-server", "/usr/bin/clickhouse-server"]
            .first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw LocalServerError("clickhouse-server is not installed (make deps installs Debian's clickhouse-server)")
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
              \(keepAlive.map { "<keep_alive_timeout>\($0)</keep_alive_timeout>" } ?? "")
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
        let pid = try spawn(server, ["--config-file=\(folder)/config.xml"], log: folder + "/stdout.log")
        stopper.add(pid, signal: SIGTERM)
        return pid
    }

    // MARK: Processes

    /// A free TCP (or, with `udp`, UDP) port on 127.0.0.1: bound to port 0, read back, released.
    public static func freePort(udp: Bool = false) throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(udp ? SOCK_DGRAM.rawValue : SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw LocalServerError("socket: \(String(cString: strerror(errno)))") }
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
        guard bound else { throw LocalServerError("bind: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func waitUntil(_ what: String, log: String, _ ready: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if ready() { return }
            usleep(100_000)
        }
        throw LocalServerError("\(what) did not answer within 60 s: see \(log)")
    }

    /// Starts `executable` in the background with no input, its output in the file `log` (created anew) and its
    /// errors too, or in `errors` when given; in `environment`, or this process's. The caller stops it by the PID
    /// returned (`wait` reaps it). posix_spawn, not Foundation's Process: on Linux, Process learns of the child's
    /// exit through a descriptor that a daemonising child (the tmux server) inherits, and then waits for ever; the
    /// output goes to files for the same reason (a pipe would stay open in the daemon).
    public static func spawn(_ executable: String, _ arguments: [String], log: String = "/dev/null", errors: String? = nil,
                             environment: [String: String]? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if let errors {
            posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { env?.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = env.map { posix_spawn(&pid, executable, &actions, nil, argv, $0) }
            ?? posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw LocalServerError("cannot run \(executable): \(String(cString: strerror(spawned)))") }
        return pid
    }

    /// Waits for a spawned process; its exit status, or 128 + the signal that ended it (WIFEXITED and
    /// WEXITSTATUS spelled out: the C macros are not imported).
    public static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Runs a program to completion; its exit status (128 + signal when killed, 127 when it cannot run).
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], log: String = "/dev/null") -> Int32 {
        guard let pid = try? spawn(executable, arguments, log: log) else { return 127 }
        return wait(pid)
    }

}
