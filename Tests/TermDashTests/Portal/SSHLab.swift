import Foundation
import LocalServers
import XCTest

/// A real OpenSSH server for the portal's end-to-end test, as docs/portal.md sets one up: its own host key, config
/// and authorized_keys in a temporary folder, one key per customer with a forced `termdash portal` command,
/// listening on a free 127.0.0.1 port, run as the current user and stopped by its PID.
final class SSHLab {
    let directory: URL
    let port: Int
    let user: String
    private(set) var pid: pid_t = 0
    /// Each customer's private key, by account code.
    private(set) var keys: [String: String] = [:]

    static let sshd = "/usr/sbin/sshd"

    /// - Parameter customers: the account codes to make a key for; each key runs `portal --db store --customer C`.
    init(store: String, customers: [String]) throws {
        directory = try EndToEnd.temporaryDirectory()
        port = try LocalServers.freePort()
        user = String(cString: getpwuid(getuid()).pointee.pw_name)
        try keygen(directory.appendingPathComponent("host_ed25519").path)
        var authorized = ""
        for code in customers {
            let key = directory.appendingPathComponent("customer-\(code)").path
            try keygen(key)
            keys[code] = key
            let publicKey = try String(contentsOfFile: key + ".pub", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            authorized += "restrict,pty,command=\"\(EndToEnd.binary) portal --db \(store) --customer \(code)\" \(publicKey)\n"
        }
        try authorized.write(to: directory.appendingPathComponent("authorized_keys"), atomically: true, encoding: .utf8)
        let config = """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(directory.appendingPathComponent("host_ed25519").path)
            PidFile \(directory.appendingPathComponent("sshd.pid").path)
            AuthorizedKeysFile \(directory.appendingPathComponent("authorized_keys").path)
            AllowUsers \(user)
            PermitRootLogin forced-commands-only
            StrictModes no
            UsePAM no
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitUserEnvironment no
            AllowTcpForwarding no
            AllowAgentForwarding no
            X11Forwarding no
            PermitTunnel no
            LogLevel VERBOSE

            """
        let configPath = directory.appendingPathComponent("sshd_config").path
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        // Run as root, sshd insists on its privilege separation directory.
        if getuid() == 0 { try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true) }
        pid = try LocalServers.spawn(Self.sshd, ["-D", "-e", "-f", configPath], log: directory.appendingPathComponent("sshd.log").path)
        try waitUntilListening()
    }

    /// What sshd logged, for failure messages.
    var log: String {
        (try? String(contentsOf: directory.appendingPathComponent("sshd.log"), encoding: .utf8)) ?? ""
    }

    /// The ssh client's arguments to log in with `customer`'s key, a terminal forced with `tty`.
    func client(_ customer: String, tty: Bool) -> [String] {
        ["-F", "/dev/null", "-i", keys[customer] ?? "", "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
         "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
         "-p", "\(port)", "-l", user] + (tty ? ["-tt"] : ["-T"]) + ["127.0.0.1"]
    }

    func stop() {
        guard pid > 0 else { return }
        kill(pid, SIGTERM)
        _ = LocalServers.wait(pid)
        pid = 0
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    private func keygen(_ path: String) throws {
        let result = try EndToEnd.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "termdash-test", "-f", path])
        guard result.status == 0 else { throw LabError("ssh-keygen: \(result.stderr)") }
    }

    private func waitUntilListening() throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            close(fd)
            if connected == 0 { return }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                pid = 0
                throw LabError("sshd exited: \(log)")
            }
            usleep(50_000)
        }
        throw LabError("sshd did not listen on 127.0.0.1:\(port): \(log)")
    }
}
