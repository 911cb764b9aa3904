import Foundation
import XCTest

/// Runs the built `termdash` binary, directly or inside a private tmux server, as a user would.
enum EndToEnd {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary `swift build` made for this test run (TERMDASH_BIN overrides it).
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["TERMDASH_BIN"] { return path }
        return packageRoot.appendingPathComponent(".build/debug/termdash").path
    }

    /// `termdash-bench`, built beside `termdash`.
    static var benchBinary: String {
        URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("termdash-bench").path
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program to completion with posix_spawn and waitpid. Foundation's Process is not used: on Linux it
    /// learns of the child's exit through a descriptor that a daemonising child (the tmux server) inherits, and
    /// then waits for ever. Output goes to files for the same reason.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let directory = FileManager.default.temporaryDirectory
        let outPath = directory.appendingPathComponent("termdash-e2e-out-\(UUID().uuidString)").path
        let errPath = directory.appendingPathComponent("termdash-e2e-err-\(UUID().uuidString)").path
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { env.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, env)
        guard spawned == 0 else { throw TmuxError(message: "cannot run \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, spelled out: the C macros are not imported.
        let exited = status & 0x7f == 0
        let code = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: code,
                      stdout: String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self),
                      stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self))
    }

    /// Starts `termdash` without waiting (output discarded), for tests that signal it.
    static func spawnTermdash(_ arguments: [String]) throws -> pid_t {
        try spawn(binary, arguments, log: nil)
    }

    /// Starts `executable` in the background with no input; its output and errors go to the file `log` (created
    /// anew), or nowhere. The caller stops it by the PID returned.
    static func spawn(_ executable: String, _ arguments: [String], log: String?) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw LabError("cannot run \(executable): \(String(cString: strerror(spawned)))") }
        return pid
    }

    /// Waits for a spawned process; returns its exit status, or 128 + the signal that ended it.
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    static func termdash(_ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        try run(binary, arguments, environment: environment)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("termdash-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A tmux server on a private socket, so a test never touches the user's own tmux.
final class TmuxSession {
    let socket = "termdash-test-\(getpid())-\(UUID().uuidString.prefix(6))"
    let name = "td"
    /// What tmux last said of the pane, for failure messages.
    private(set) var lastState = ""

    /// Where the wrapper shell writes the program's exit status: tmux's own report of it is unreliable after
    /// resizes, and a status file is what a user's shell would show as `$?`.
    private let statusFile = FileManager.default.temporaryDirectory
        .appendingPathComponent("termdash-e2e-status-\(UUID().uuidString)").path

    init(command: String, width: Int, height: Int, environment: [String: String] = ["LANG": "C.UTF-8"]) throws {
        var arguments = ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        // The wrapper ignores SIGINT itself so that Ctrl-C reaches only the program (which installs its own
        // handler), then records the exit status.
        arguments.append("sh -c 'trap \"\" INT; \(command); echo $? > \(statusFile)'")
        let started = try tmux(arguments)
        guard started.status == 0 else { throw TmuxError(message: "tmux new-session failed: \(started.stderr)") }
        // Keep the pane after the program exits so its final screen can be read.
        try tmux(["-L", socket, "set-option", "-t", name, "remain-on-exit", "on"])
    }

    /// The pid of the program: the child of the wrapper shell in the pane.
    func programPID() throws -> pid_t? {
        let shell = try tmux(["-L", socket, "display-message", "-p", "-t", name, "#{pane_pid}"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try EndToEnd.run("/usr/bin/pgrep", ["-P", shell]).stdout
        return children.split(separator: "\n").first.flatMap { pid_t($0) }
    }

    deinit {
        _ = try? tmux(["-L", socket, "kill-server"])
        unlink(statusFile)
    }

    /// Appends everything the program writes to its terminal to `path` (tmux pipe-pane), raw escape sequences and all.
    func recordOutput(to path: String) throws {
        try tmux(["-L", socket, "pipe-pane", "-o", "-t", name, "cat >> \(path)"])
    }

    func capture() throws -> String { try tmux(["-L", socket, "capture-pane", "-p", "-t", name]).stdout }

    func captureWithColours() throws -> String { try tmux(["-L", socket, "capture-pane", "-p", "-e", "-t", name]).stdout }

    /// Where the pane's cursor is, zero-based.
    func cursor() throws -> (x: Int, y: Int) {
        let text = try tmux(["-L", socket, "display-message", "-p", "-t", name, "#{cursor_x} #{cursor_y}"]).stdout
        let parts = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : (-1, -1)
    }

    func send(_ keys: String...) throws { try tmux(["-L", socket, "send-keys", "-t", name] + keys) }

    func resize(width: Int, height: Int) throws {
        try tmux(["-L", socket, "resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// (dead, exit status) of the program in the pane.
    func paneState() throws -> (dead: Bool, status: Int32?) {
        let text = try tmux(["-L", socket, "display-message", "-p", "-t", name, "#{pane_dead} #{pane_dead_status} #{pane_dead_signal}"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = text.split(separator: " ")
        lastState = text
        return (parts.first == "1", parts.count > 1 ? Int32(parts[1]) : nil)
    }

    /// Polls the screen until `predicate` holds or `timeout` passes; returns the last screen either way.
    @discardableResult
    func waitForScreen(timeout: TimeInterval, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = try capture()
        while !predicate(screen), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.25)
            screen = try capture()
        }
        return screen
    }

    /// Waits for the program to exit and returns its status, or nil if it is still running at the timeout.
    func waitForExit(timeout: TimeInterval) throws -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: statusFile, encoding: .utf8),
               let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        _ = try paneState()
        return nil
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> EndToEnd.Result { try EndToEnd.run("/usr/bin/tmux", arguments) }
}

struct TmuxError: Error { var message: String }
