import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a shell command with text on its stdin, without letting it near the terminal.
///
/// posix_spawn rather than Foundation.Process (seen to hang here). stdout and stderr go to /dev/null — a helper
/// such as xclip leaves a child running that holds them, so waiting for them to close would hang, and anything it
/// printed would land in the middle of the screen. stdin is one end of a socket pair, written with MSG_NOSIGNAL so
/// a command that does not read cannot kill the monitor with SIGPIPE. Only the direct child is waited for, up to
/// `timeout`, then killed.
enum CommandRunner {
    static func run(_ command: String, input: [UInt8], timeout: Double) -> CommandResult {
        var sockets: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &sockets) == 0 else {
            return .failure("cannot create a pipe: \(FileOutput.reason(errno))")
        }
        let ours = sockets[0], theirs = sockets[1]
        defer { close(ours) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, theirs, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        // Its own process group: it cannot read the terminal, and Ctrl-C in the monitor is not its business.
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        let arguments: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", command].map { (text: String) in strdup(text) }
        defer { arguments.forEach { free($0) } }
        let argv: [UnsafeMutablePointer<CChar>?] = arguments + [nil]
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        close(theirs)
        guard spawned == 0 else { return .failure("cannot start /bin/sh: \(FileOutput.reason(spawned))") }

        let deadline = monotonicSeconds() + max(0.05, timeout)
        var offset = 0
        sending: while offset < input.count {
            let sent = input[offset...].withUnsafeBytes {
                send(ours, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
            }
            if sent >= 0 {
                offset += sent
                continue
            }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK:
                let left = deadline - monotonicSeconds()
                if left <= 0 { return terminate(pid, reason: "timed out") }
                var entry = pollfd(fd: ours, events: Int16(POLLOUT), revents: 0)
                _ = poll(&entry, 1, Int32(min(left, 0.05) * 1_000) + 1)
            default:
                break sending  // it stopped reading (EPIPE): its exit status tells whether that was fine
            }
        }
        shutdown(ours, Int32(SHUT_WR))

        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 {
                if errno == EINTR { continue }
                return .failure("lost the process: \(FileOutput.reason(errno))")
            }
            if monotonicSeconds() >= deadline { return terminate(pid, reason: "timed out") }
            usleep(2_000)
        }
        let signal = status & 0x7F
        if signal != 0 { return .failure("killed by signal \(signal)") }
        let code = (status >> 8) & 0xFF
        if code == 0 { return .success }
        return .failure(code == 127 ? "command not found" : "exit status \(code)")
    }

    /// Kills the command's whole process group (the shell and whatever it started), then reaps the shell.
    private static func terminate(_ pid: pid_t, reason: String) -> CommandResult {
        if kill(-pid, SIGKILL) != 0 { kill(pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return .failure(reason)
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
