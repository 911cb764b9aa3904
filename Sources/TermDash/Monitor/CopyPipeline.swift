import Foundation

#if canImport(Glibc)
    import Glibc
#endif

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
