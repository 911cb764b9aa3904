import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The servers a process started, stopped by their PIDs (never by name): the signal each expects, a wait of up to
/// 20 s, then SIGKILL; then their folder is removed unless `keepFolder`.
public final class Stopper: @unchecked Sendable {
    private let lock = NSLock()
    private var processes: [(pid: pid_t, signal: Int32)] = []
    public var folder: String?
    public var keepFolder = false

    public init() {}

    public func add(_ pid: pid_t, signal: Int32) {
        lock.lock()
        defer { lock.unlock() }
        processes.append((pid, signal))
    }

    /// Forgets a server its owner stopped itself (its PID may be reused).
    public func remove(_ pid: pid_t) {
        lock.lock()
        defer { lock.unlock() }
        processes.removeAll { $0.pid == pid }
    }

    public func stopAll() {
        lock.lock()
        let stopping = processes
        processes = []
        lock.unlock()
        Self.stop(stopping)
        if let folder, !keepFolder { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// Stops these processes: each its signal, then a wait of up to 20 s, then SIGKILL.
    public static func stop(_ stopping: [(pid: pid_t, signal: Int32)]) {
        for process in stopping { kill(process.pid, process.signal) }
        for process in stopping {
            var status: Int32 = 0
            var waited = 0
            while waitpid(process.pid, &status, WNOHANG) == 0 && waited < 200 {
                usleep(100_000)
                waited += 1
            }
            if waited == 200 {
                kill(process.pid, SIGKILL)
                waitpid(process.pid, &status, 0)
            }
        }
    }
}
