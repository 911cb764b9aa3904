import Foundation

extension FileLedger {
    /// The process importing a file, recorded on its entry while it is `processing`, so that an import that was
    /// killed (or whose machine restarted) is told from one still running: its entry is then `interrupted`.
    ///
    /// A pid alone is not enough: pids are reused. `start` is the boot id and the process's start time in clock
    /// ticks since boot (`/proc/PID/stat`, field 22), which together name one process on one boot.
    public struct Owner: Sendable, Equatable {
        public var pid: Int32
        /// "BOOT-ID/START-TICKS"; empty where there is no /proc (the pid is then all there is to go by).
        public var start: String

        public init(pid: Int32, start: String) {
            self.pid = pid
            self.start = start
        }

        /// This process.
        public static let current = Owner(pid: getpid(), start: startIdentifier(of: getpid()) ?? "")

        /// Whether the process is still there: same boot, same pid, same start time, and not a zombie. A process
        /// that cannot be looked into (another user's, with /proc mounted hidepid) counts as running when it exists.
        public var isRunning: Bool {
            #if os(Linux)
            guard !start.isEmpty else { return Self.exists(pid) }
            // Recorded on another boot: gone with it, whatever runs under that pid now.
            if let boot = Self.bootID, !start.hasPrefix(boot + "/") { return false }
            // No /proc entry to read: gone, or hidden from this user (hidepid), which kill(pid, 0) tells apart.
            guard let stat = Self.stat(of: pid) else { return Self.exists(pid) }
            guard !["Z", "X", "x"].contains(stat.state) else { return false }
            return Self.bootID.map { "\($0)/\(stat.startTicks)" } == start
            #else
            return Self.exists(pid)
            #endif
        }

        /// Whether the process was recorded on this boot of this machine: only then does its pid say anything here.
        /// (A boot id is random, so another machine's never matches.)
        public var isOnThisBoot: Bool {
            guard let boot = Self.bootID else { return false }
            return start.hasPrefix(boot + "/")
        }

        /// The start identifier of process `pid`: "BOOT-ID/START-TICKS", nil without /proc.
        static func startIdentifier(of pid: Int32) -> String? {
            guard let boot = bootID, let stat = stat(of: pid) else { return nil }
            return "\(boot)/\(stat.startTicks)"
        }

        /// This boot of the machine (`/proc/sys/kernel/random/boot_id`).
        private static let bootID: String? = {
            guard let text = try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8) else {
                return nil
            }
            let id = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return id.isEmpty ? nil : id
        }()

        /// The state (field 3) and start time (field 22) of `/proc/PID/stat`. The command name (field 2) is in
        /// parentheses and may hold spaces and parentheses itself: fields are counted from the last ")".
        private static func stat(of pid: Int32) -> (state: String, startTicks: String)? {
            guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = text.lastIndex(of: ")")
            else { return nil }
            let fields = text[text.index(after: close)...].split(separator: " ")
            // fields[0] is field 3 (state), so field 22 (starttime) is fields[19].
            guard fields.count > 19 else { return nil }
            return (String(fields[0]), String(fields[19]))
        }

        private static func exists(_ pid: Int32) -> Bool {
            kill(pid, 0) == 0 || errno == EPERM
        }
    }
}
