import Foundation

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
