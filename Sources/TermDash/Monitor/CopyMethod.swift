import Foundation

/// One way of putting text on a clipboard.
enum CopyMethod: Equatable, Sendable {
    /// Bytes for the terminal (the backend's `writeRaw`): an OSC 52 request, wrapped for tmux when `tmux`.
    case terminal(bytes: [UInt8], tmux: Bool)
    /// A shell command given the text on its stdin.
    case command(String)
    /// A file that receives the text.
    case file(String)
}
