import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The servers this test process started, stopped by their PIDs when it exits (never by name): the signal each
/// expects, a wait of up to 20 s, then SIGKILL; then their folder is removed.
final class Stopper: @unchecked Sendable {
    static let shared = Stopper()
    private let lock = NSLock()
    private var processes: [(pid: pid_t, signal: Int32)] = []
    var folder: String?

    private var stopsAtExit = false

    func add(_ pid: pid_t, signal: Int32) {
        lock.lock()
        defer { lock.unlock() }
        processes.append((pid, signal))
        if !stopsAtExit {
            stopsAtExit = true
            atexit { Stopper.shared.stopAll() }
        }
    }

    /// Forgets a server a test stopped itself (its PID may be reused).
    func remove(_ pid: pid_t) {
        lock.lock()
        defer { lock.unlock() }
        processes.removeAll { $0.pid == pid }
    }

    func stopAll() {
        lock.lock()
        let stopping = processes
        processes = []
        lock.unlock()
        Self.stop(stopping)
        if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// Signals each process, waits up to 20 s for all, then kills those still running.
    static func stop(_ stopping: [(pid: pid_t, signal: Int32)]) {
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
