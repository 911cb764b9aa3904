import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The `[copy]` settings of the config.
struct CopySettings: Equatable, Sendable {
    /// Whether to ask the terminal to set the clipboard with OSC 52: `auto` does when the terminal is likely to
    /// accept it (see `CopyPipeline.terminalAcceptsOSC52`), `on` always, `off` never.
    enum OSC52: String, Equatable, Sendable { case auto, on, off }

    var osc52: OSC52
    /// A shell command that takes the text on its stdin, e.g. "xclip -selection clipboard", "wl-copy", "pbcopy".
    var command: String?
    /// Where the text goes when nothing else took it; nil for `CopyPipeline.defaultFile`.
    var file: String?
    /// How long the command may take before it is killed, in seconds.
    var commandTimeout: Double

    init(osc52: OSC52 = .auto, command: String? = nil, file: String? = nil, commandTimeout: Double = 2) {
        self.osc52 = osc52
        self.command = command.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        self.file = file.flatMap { $0.isEmpty ? nil : $0 }
        self.commandTimeout = commandTimeout
    }
}

/// One way of putting text on a clipboard.
enum CopyMethod: Equatable, Sendable {
    /// Bytes for the terminal (the backend's `writeRaw`): an OSC 52 request, wrapped for tmux when `tmux`.
    case terminal(bytes: [UInt8], tmux: Bool)
    /// A shell command given the text on its stdin.
    case command(String)
    /// A file that receives the text.
    case file(String)
}

/// The methods to try, in order, until one works. Decided by `CopyPipeline.plan` without touching anything.
struct CopyPlan: Equatable, Sendable {
    var text: String
    /// What is copied, for the message: "6 cells", "Version and Zone".
    var what: String
    var methods: [CopyMethod]
    /// Why OSC 52 is not among the methods, when it was wanted but could not be used.
    var osc52Note: String?
}

/// What happened: the method that worked (nil when none did) and the status-bar message.
struct CopyOutcome: Equatable, Sendable {
    var method: CopyMethod?
    var message: String

    var succeeded: Bool { method != nil }
}

/// How a command ended.
enum CommandResult: Equatable, Sendable {
    case success
    case failure(String)
}

/// Copy for a terminal program that may be far from the user's clipboard (over SSH, inside tmux):
/// OSC 52 first (the terminal sets its own clipboard, wherever it runs), then a configured command
/// (xclip, wl-copy, pbcopy), then a file. The decision is pure (`plan`); the effects are passed in (`execute`),
/// so tests can follow every path.
enum CopyPipeline {
    /// Terminals cap OSC 52 payloads (hterm and others at about 100 kB); beyond this the request is not sent.
    static let maxOSC52Payload = 100_000

    /// `ESC ] 52 ; c ; <base64 of text> BEL`
    static func osc52(_ text: String) -> [UInt8] {
        Array("\u{1B}]52;c;".utf8) + Array(Data(text.utf8).base64EncodedString().utf8) + [0x07]
    }

    /// `ESC P tmux; <sequence, every ESC doubled> ESC \`: tmux hands it to the outer terminal
    /// (needs `set -g allow-passthrough on` from tmux 3.3).
    static func tmuxPassthrough(_ sequence: [UInt8]) -> [UInt8] {
        var out = Array("\u{1B}Ptmux;".utf8)
        for byte in sequence {
            if byte == 0x1B { out.append(0x1B) }
            out.append(byte)
        }
        return out + [0x1B, 0x5C]
    }

    /// The bytes to write for `text`. Inside tmux: the passthrough-wrapped request, then the plain one, which
    /// tmux itself takes when `set-clipboard on` (and forwards to the outer terminal).
    static func terminalBytes(for text: String, tmux: Bool) -> [UInt8] {
        let sequence = osc52(text)
        return tmux ? tmuxPassthrough(sequence) + sequence : sequence
    }

    /// Whether OSC 52 is worth sending when the config says `auto`: not on the Linux console or hardware
    /// terminals (which ignore it), nor inside GNU screen (which drops it unwrapped). A terminal cannot be
    /// asked whether it accepted, so elsewhere it is assumed to: set `osc52 = "off"` where it does not.
    static func terminalAcceptsOSC52(environment: [String: String]) -> Bool {
        if let tmux = environment["TMUX"], !tmux.isEmpty { return true }
        if let screen = environment["STY"], !screen.isEmpty { return false }
        let term = (environment["TERM"] ?? "").lowercased()
        let base = String(term.prefix { $0 != "-" })
        let refusing: Set<String> = ["", "dumb", "linux", "cons25", "vt52", "vt100", "vt102", "vt220", "vt320", "unknown"]
        return !refusing.contains(term) && !refusing.contains(base)
    }

    /// `$XDG_STATE_HOME/termdash/clipboard.txt`, else `~/.local/state/termdash/clipboard.txt`.
    static func defaultFile(environment: [String: String], home: String) -> String {
        (stateDirectory(environment: environment, home: home) as NSString).appendingPathComponent("clipboard.txt")
    }

    /// `$XDG_STATE_HOME/termdash` (only an absolute value counts, as the XDG spec says), else
    /// `~/.local/state/termdash`.
    static func stateDirectory(environment: [String: String], home: String) -> String {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (home as NSString).appendingPathComponent(".local/state")
        return (base as NSString).appendingPathComponent("termdash")
    }

    /// The methods for copying `text`, in the order they are tried. Pure.
    static func plan(
        text: String, what: String, environment: [String: String], settings: CopySettings, home: String
    ) -> CopyPlan {
        var methods: [CopyMethod] = []
        var note: String?
        let tmux = !(environment["TMUX"] ?? "").isEmpty
        let wanted: Bool
        switch settings.osc52 {
        case .on: wanted = true
        case .off: wanted = false
        case .auto: wanted = terminalAcceptsOSC52(environment: environment)
        }
        if wanted {
            // base64 makes 4 bytes of every 3.
            if (text.utf8.count + 2) / 3 * 4 > maxOSC52Payload {
                note = "too large for OSC 52"
            } else {
                methods.append(.terminal(bytes: terminalBytes(for: text, tmux: tmux), tmux: tmux))
            }
        }
        if let command = settings.command { methods.append(.command(command)) }
        let file = settings.file.map { HomeDirectory.expandTilde($0, home: home) } ?? defaultFile(environment: environment, home: home)
        methods.append(.file(file))
        return CopyPlan(text: text, what: what, methods: methods, osc52Note: note)
    }

    /// Tries the plan's methods in order. A terminal request cannot fail from here (the terminal does not
    /// answer), so it ends the plan; a command that fails or a file that cannot be written passes to the next.
    /// Failures along the way are named in the message.
    static func execute(
        _ plan: CopyPlan, home: String,
        writeTerminal: ([UInt8]) -> Void,
        runCommand: (_ command: String, _ input: [UInt8]) -> CommandResult,
        writeFile: (_ path: String, _ contents: [UInt8]) -> String?
    ) -> CopyOutcome {
        var problems: [String] = plan.osc52Note.map { [$0] } ?? []
        let input = Array(plan.text.utf8)
        for method in plan.methods {
            switch method {
            case .terminal(let bytes, let tmux):
                writeTerminal(bytes)
                return CopyOutcome(
                    method: method, message: message("Copied \(plan.what) via OSC 52" + (tmux ? " (tmux)" : ""), problems))
            case .command(let command):
                let name = commandName(command)
                switch runCommand(command, input) {
                case .success:
                    return CopyOutcome(method: method, message: message("Copied \(plan.what) via \(name)", problems))
                case .failure(let reason):
                    problems.append("\(name) failed: \(reason)")
                }
            case .file(let path):
                if let error = writeFile(path, input) {
                    problems.append("cannot write \(displayPath(path, home: home)): \(error)")
                } else {
                    return CopyOutcome(
                        method: method, message: message("Copied \(plan.what) to \(displayPath(path, home: home))", problems))
                }
            }
        }
        return CopyOutcome(method: nil, message: "Copy failed: " + problems.joined(separator: "; "))
    }

    /// Plans and performs a copy with the real command runner and file writer; returns the status message.
    /// `writeTerminal` is the backend's `writeRaw`.
    static func copy(
        _ text: String, what: String, settings: CopySettings,
        environment: [String: String] = ProcessInfo.processInfo.environment, home: String = HomeDirectory.current(),
        writeTerminal: ([UInt8]) -> Void
    ) -> CopyOutcome {
        let plan = plan(text: text, what: what, environment: environment, settings: settings, home: home)
        return execute(
            plan, home: home, writeTerminal: writeTerminal,
            runCommand: { CommandRunner.run($0, input: $1, timeout: settings.commandTimeout) },
            writeFile: { FileOutput.replace($0, with: $1) })
    }

    /// "xclip" for "/usr/bin/xclip -selection clipboard", for messages.
    static func commandName(_ command: String) -> String {
        let words = command.split(whereSeparator: { $0 == " " || $0 == "\t" })
        // Skip leading VAR=value assignments.
        let program = words.first { !$0.contains("=") } ?? words.first ?? Substring(command)
        return String(program.split(separator: "/").last ?? program)
    }

    /// `path` with the home directory shown as "~".
    static func displayPath(_ path: String, home: String) -> String {
        guard !home.isEmpty, home != "/" else { return path }
        let prefix = home.hasSuffix("/") ? home : home + "/"
        return path.hasPrefix(prefix) ? "~/" + path.dropFirst(prefix.count) : path
    }

    private static func message(_ text: String, _ problems: [String]) -> String {
        problems.isEmpty ? text : text + " (" + problems.joined(separator: "; ") + ")"
    }
}

/// `e`: the CSV of a selection written to a new file.
enum CSVExport {
    /// `$XDG_STATE_HOME/termdash/exports`, else `~/.local/state/termdash/exports`.
    static func defaultDirectory(environment: [String: String], home: String) -> String {
        (CopyPipeline.stateDirectory(environment: environment, home: home) as NSString).appendingPathComponent("exports")
    }

    /// Writes `csv` as `fileName` in `directory` (created if needed), never over an existing file: a clash gets
    /// "-2", "-3"… before the extension. Returns the status message ("Exported 6 cells to ~/…/summary-….csv")
    /// and the path written, nil when it failed.
    static func export(
        _ csv: String, what: String, directory: String, fileName: String, home: String = HomeDirectory.current()
    ) -> (message: String, path: String?) {
        let directory = HomeDirectory.expandTilde(directory, home: home)
        if let error = FileOutput.makeDirectory(directory) {
            return ("Export failed: cannot create \(CopyPipeline.displayPath(directory, home: home)): \(error)", nil)
        }
        let base = (fileName as NSString).deletingPathExtension
        let ext = (fileName as NSString).pathExtension
        for attempt in 1...100 {
            let name = attempt == 1 ? fileName : "\(base)-\(attempt)" + (ext.isEmpty ? "" : "." + ext)
            let path = (directory as NSString).appendingPathComponent(name)
            switch FileOutput.create(path, with: Array(csv.utf8)) {
            case .created:
                return ("Exported \(what) to \(CopyPipeline.displayPath(path, home: home))", path)
            case .exists:
                continue
            case .failed(let error):
                return ("Export failed: cannot write \(CopyPipeline.displayPath(path, home: home)): \(error)", nil)
            }
        }
        return ("Export failed: too many files named \(fileName)", nil)
    }
}

/// Small file writes with private permissions (the text may be billing figures).
enum FileOutput {
    enum CreateResult: Equatable { case created, exists, failed(String) }

    /// Creates the directory and its parents (0700 for the ones created); nil on success, else the reason.
    static func makeDirectory(_ path: String) -> String? {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) == 0 { continue }
            let error = errno
            var info = stat()
            guard error == EEXIST, stat(current, &info) == 0 else { return reason(error) }
            if info.st_mode & S_IFMT != S_IFDIR { return reason(ENOTDIR) }
        }
        return nil
    }

    /// Replaces `path` with `contents` atomically (a temporary file renamed over it); nil on success.
    static func replace(_ path: String, with contents: [UInt8]) -> String? {
        if let error = makeDirectory((path as NSString).deletingLastPathComponent) { return error }
        let temporary = path + ".tmp-\(getpid())"
        switch create(temporary, with: contents, replacing: true) {
        case .created: break
        case .exists: return reason(EEXIST)
        case .failed(let error): return error
        }
        guard rename(temporary, path) == 0 else {
            let error = errno
            unlink(temporary)
            return reason(error)
        }
        return nil
    }

    /// Creates `path` (mode 0600) with `contents`; with `replacing`, truncates an existing file instead of
    /// reporting it.
    static func create(_ path: String, with contents: [UInt8], replacing: Bool = false) -> CreateResult {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (replacing ? O_TRUNC : O_EXCL)
        let fd = open(path, flags, 0o600)
        guard fd >= 0 else { return errno == EEXIST ? .exists : .failed(reason(errno)) }
        var offset = 0
        while offset < contents.count {
            let written = contents[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let error = errno
                close(fd)
                unlink(path)
                return .failed(reason(error))
            }
            offset += written
        }
        guard close(fd) == 0 else {
            let error = errno
            unlink(path)
            return .failed(reason(error))
        }
        return .created
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

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
