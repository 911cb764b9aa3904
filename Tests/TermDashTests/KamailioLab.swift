import Foundation
import LocalServers
import Metrics

/// The Kamailio lab of the end-to-end test: Kamailio with the reference config, two sipp carriers, sipp callers and
/// the feed, each its own process on free 127.0.0.1 ports, with its data in one temporary folder. Every process is
/// started here and stopped by its PID.
final class KamailioLab {
    static let integration = EndToEnd.packageRoot.appendingPathComponent("integrations/kamailio")

    let directory: URL
    let sipPort: Int
    let httpPort: Int
    let carrierAPort: Int
    let carrierBPort: Int
    var accPath: String { directory.appendingPathComponent("acc.db").path }
    var storePath: String { directory.appendingPathComponent("termdash.db").path }
    var rpcURL: String { "http://127.0.0.1:\(httpPort)/RPC" }
    private(set) var kamailio: pid_t?
    private(set) var feed: pid_t?
    private var carriers: [pid_t] = []
    private var callers: [pid_t] = []
    private var logCount = 0

    /// The programs the lab needs, by name, that are not on the PATH.
    static var missingPrograms: [String] {
        ["kamailio", "sipp", "sqlite3"].filter { program in
            !(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/sbin").split(separator: ":").contains {
                FileManager.default.isExecutableFile(atPath: "\($0)/\(program)")
            } && !FileManager.default.isExecutableFile(atPath: "/usr/sbin/\(program)")
        }
    }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("termdash-kamailio-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        sipPort = try LocalServers.freePort(udp: true)
        httpPort = try LocalServers.freePort(udp: false)
        carrierAPort = try LocalServers.freePort(udp: true)
        carrierBPort = try LocalServers.freePort(udp: true)
        let schema = Self.integration.appendingPathComponent("acc.sql").path
        let created = try EndToEnd.run(Self.which("sqlite3"), ["-batch", accPath, ".read \(schema)"])
        guard created.status == 0 else { throw LabError("sqlite3 \(accPath): \(created.stderr)") }
    }

    /// Stops everything still running, then removes the folder (kept when TERMDASH_KEEP_LAB is set).
    func tearDown() {
        for pid in callers + carriers + [feed, kamailio].compactMap({ $0 }) { Self.stop(pid) }
        callers = []
        carriers = []
        feed = nil
        kamailio = nil
        if ProcessInfo.processInfo.environment["TERMDASH_KEEP_LAB"] == nil {
            try? FileManager.default.removeItem(at: directory)
        }
    }

    func startKamailio() throws {
        let config = Self.integration.appendingPathComponent("kamailio.cfg").path
        kamailio = try spawn(Self.which("kamailio"), [
            "-f", config, "-Y", directory.path, "-w", directory.path, "-DD", "-E",
            "-A", "SIP_LISTEN=udp:127.0.0.1:\(sipPort)", "-A", "HTTP_LISTEN=tcp:127.0.0.1:\(httpPort)",
            "-A", "ACC_DB_URL=\"sqlite:///\(accPath)\"", "-A", "RPC_SOCKET=\"\(directory.path)/rpc.sock\"",
            "-A", "CARRIER_A_URI=\"sip:127.0.0.1:\(carrierAPort)\"", "-A", "CARRIER_B_URI=\"sip:127.0.0.1:\(carrierBPort)\"",
        ], log: "kamailio")
        try waitUntil("Kamailio answers JSON-RPC on \(rpcURL)", timeout: 15) { (try? self.rpc("core.version")) != nil }
    }

    /// SIGTERM, and waits for it (and its children) to end.
    func stopKamailio() {
        if let kamailio { Self.stop(kamailio) }
        kamailio = nil
    }

    func startCarriers() throws {
        for (scenario, port) in [("uas-answer.xml", carrierAPort), ("uas-busy.xml", carrierBPort)] {
            carriers.append(try spawn(Self.which("sipp"), [
                "-sf", Self.integration.appendingPathComponent("sipp/\(scenario)").path, "-i", "127.0.0.1",
                "-p", "\(port)", "-ci", "127.0.0.1", "-cp", "\(try LocalServers.freePort(udp: true))", "-mi", "127.0.0.1",
                "-mp", "\(try LocalServers.freePort(udp: true))", "-pause_msg_ign", "-nostdin",
            ], log: "carrier"))
        }
    }

    /// Places `calls` calls from `customer` to `number` (holding `holdMilliseconds` once answered; `dtmf`: two SIP
    /// INFO digits each), at 20 a second, without waiting for them.
    @discardableResult
    func call(customer: String, number: String, calls: Int, holdMilliseconds: Int = 1_000, dtmf: Bool = false) throws -> pid_t {
        let pid = try spawn(Self.which("sipp"), [
            "127.0.0.1:\(sipPort)", "-sf", Self.integration.appendingPathComponent(dtmf ? "sipp/uac-dtmf.xml" : "sipp/uac.xml").path,
            "-s", number, "-key", "customer", customer, "-key", "src", "1000", "-d", "\(holdMilliseconds)",
            "-m", "\(calls)", "-r", "20", "-i", "127.0.0.1", "-p", "\(try LocalServers.freePort(udp: true))",
            "-ci", "127.0.0.1", "-cp", "\(try LocalServers.freePort(udp: true))", "-mi", "127.0.0.1",
            "-mp", "\(try LocalServers.freePort(udp: true))", "-pause_msg_ign", "-nostdin", "-timeout", "60",
        ], log: "caller-\(customer)-\(number)")
        callers.append(pid)
        return pid
    }

    /// Registers `endpoints` endpoints of `customer` (AoRs `<prefix>1@customer.example`, `<prefix>2@…`) and waits for
    /// their 200s.
    func register(customer: String, endpoints: Int, prefix: String) throws {
        let pid = try spawn(Self.which("sipp"), [
            "127.0.0.1:\(sipPort)", "-sf", Self.integration.appendingPathComponent("sipp/register.xml").path,
            "-key", "customer", customer, "-key", "src", prefix, "-m", "\(endpoints)", "-r", "20",
            "-i", "127.0.0.1", "-p", "\(try LocalServers.freePort(udp: true))", "-ci", "127.0.0.1",
            "-cp", "\(try LocalServers.freePort(udp: true))", "-nostdin", "-timeout", "20",
        ], log: "register-\(customer)")
        let status = LocalServers.wait(pid)
        guard status == 0 else { throw LabError("sipp could not register \(customer)'s endpoints (status \(status))") }
    }

    /// Waits for every caller to finish its calls.
    func waitForCallers() {
        for pid in callers { _ = LocalServers.wait(pid) }
        callers = []
    }

    /// The store options of the lab's own store: a SQLite file in its folder.
    var ownStore: [String] { ["--db", storePath] }

    func startFeed() throws {
        feed = try startFeed(into: ownStore, log: "feed")
    }

    /// `termdash feed kamailio` into the store `storeArguments` name: its pid, for the caller to stop.
    func startFeed(into storeArguments: [String], log: String) throws -> pid_t {
        try spawn(EndToEnd.binary, [
            "feed", "kamailio", "--rpc", rpcURL, "--acc-db", accPath, "--refresh", "0.25",
        ] + storeArguments, log: log)
    }

    /// Ends the feed with SIGKILL: it gets no chance to tidy anything.
    func killFeed() {
        guard let feed else { return }
        kill(feed, SIGKILL)
        _ = LocalServers.wait(feed)
        self.feed = nil
    }

    /// Waits until the feed (whichever process runs it) has refreshed at a second later than now: what the store
    /// shows from then on is what that feed read.
    func waitForFeedRefresh(timeout: Double = 20) throws {
        try waitForFeedRefresh(timeout: timeout) { try SQLiteStore(path: storePath, readOnly: true) }
    }

    /// `waitForFeedRefresh` on the store `open` opens.
    func waitForFeedRefresh(timeout: Double = 20, of open: () throws -> any MetricStore) throws {
        let after = Int64(Date().timeIntervalSince1970)
        try waitUntil("the feed refreshes", timeout: timeout) {
            // The first feed creates the store: until then there is none to read.
            let store = try? open()
            let checked = try? store?.read { session in try session.feeds().first { $0.name == "kamailio" }?.checkedAt }
            return (checked.flatMap { $0 } ?? 0) > after
        }
    }

    /// The local addresses of every inet socket the lab's processes (and Kamailio's children) hold that listen (TCP)
    /// or are bound (UDP), as "proto address:port"; from /proc, so nothing is missed however a program binds.
    func boundAddresses() throws -> [String] {
        let roots = Set(callers + carriers + [feed, kamailio].compactMap { $0 })
        var pids = roots
        for entry in try FileManager.default.contentsOfDirectory(atPath: "/proc") {
            guard let pid = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, let parent = Int32(fields[1]), roots.contains(parent) { pids.insert(pid) }
        }
        var inodes = Set<String>()
        for pid in pids {
            for fd in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? [] {
                if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(fd)"),
                   target.hasPrefix("socket:[") { inodes.insert(String(target.dropFirst(8).dropLast())) }
            }
        }
        var result: [String] = []
        for proto in ["tcp", "udp", "tcp6", "udp6"] {
            let table = (try? String(contentsOfFile: "/proc/net/\(proto)", encoding: .utf8)) ?? ""
            for line in table.split(separator: "\n").dropFirst() {
                let columns = line.split(separator: " ")
                guard columns.count > 9, inodes.contains(String(columns[9])) else { continue }
                // TCP: only listening sockets (state 0A); UDP: every bound one.
                if proto.hasPrefix("tcp"), columns[3] != "0A" { continue }
                let parts = columns[1].split(separator: ":")
                guard parts.count == 2, let port = UInt16(parts[1], radix: 16) else { continue }
                var address = String(parts[0])
                if address.count == 8, let value = UInt32(address, radix: 16) {
                    // /proc shows IPv4 addresses as host-order hex of the network-order bytes.
                    address = "\(value & 0xff).\(value >> 8 & 0xff).\(value >> 16 & 0xff).\(value >> 24)"
                }
                result.append("\(proto) \(address):\(port)")
            }
        }
        return result.sorted()
    }

    func rpc(_ method: String, _ params: [Any] = []) throws -> Any {
        guard let endpoint = RPCEndpoint(rpcURL) else { throw LabError("bad RPC URL") }
        return try JSONRPCClient(endpoint: endpoint, timeout: 1).call(method, params)
    }

    /// `termdash` with `arguments` on the lab's store; its standard output.
    func termdash(_ arguments: [String], store storeArguments: [String]? = nil) throws -> String {
        let result = try EndToEnd.run(EndToEnd.binary, arguments + (storeArguments ?? ownStore))
        guard result.status == 0 else { throw LabError("termdash \(arguments.joined(separator: " ")): \(result.stderr)") }
        return result.stdout
    }

    /// The rows of `termdash report KIND --format json`, by name.
    func report(_ kind: String, store storeArguments: [String]? = nil) throws -> [String: [String: Any]] {
        let text = try termdash(["report", kind, "--format", "json"] + (kind == "channels" ? [] : ["--period", "live"]),
                                store: storeArguments)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        var result: [String: [String: Any]] = [:]
        for row in object?["rows"] as? [[String: Any]] ?? [] {
            let kind = row["kind"] as? String ?? ""
            let name = row["customer"] as? String ?? row["carrier"] as? String
                ?? (row["name"] as? String).map { "\(kind):\($0)" }
            if let name { result[name] = row }
        }
        return result
    }

    func waitUntil(_ what: String, timeout: Double, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        throw LabError("timed out after \(timeout) s waiting until \(what); logs in \(directory.path)")
    }

    private func spawn(_ executable: String, _ arguments: [String], log name: String) throws -> pid_t {
        logCount += 1
        return try LocalServers.spawn(executable, arguments, log: directory.appendingPathComponent("\(logCount)-\(name).log").path)
    }

    /// SIGTERM, then SIGKILL after 5 s; reaps it.
    static func stop(_ pid: pid_t) {
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        var status: Int32 = 0
        while Date() < deadline {
            if waitpid(pid, &status, WNOHANG) != 0 { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(pid, SIGKILL)
        _ = LocalServers.wait(pid)
    }

    static func which(_ program: String) throws -> String {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/sbin:/usr/bin:/sbin"
        for directory in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(directory)/\(program)") {
            return "\(directory)/\(program)"
        }
        throw LabError("\(program) is not installed")
    }
}
