import Foundation
import LocalServers
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

    /// Runs a program to completion (LocalServers' posix_spawn, not Foundation's Process: see why there), its
    /// output and errors read from files once it has ended.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let directory = FileManager.default.temporaryDirectory
        let outPath = directory.appendingPathComponent("termdash-e2e-out-\(UUID().uuidString)").path
        let errPath = directory.appendingPathComponent("termdash-e2e-err-\(UUID().uuidString)").path
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        let pid = try LocalServers.spawn(executable, arguments, log: outPath, errors: errPath, environment: environment)
        let status = LocalServers.wait(pid)
        return Result(status: status,
                      stdout: String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self),
                      stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self))
    }

    /// Starts `termdash` without waiting (output discarded), for tests that signal it.
    static func spawnTermdash(_ arguments: [String]) throws -> pid_t {
        try LocalServers.spawn(binary, arguments)
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
