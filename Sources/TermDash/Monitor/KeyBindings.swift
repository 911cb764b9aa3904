/// What a key press can do in the monitor.
enum MonitorAction: String, CaseIterable, Sendable {
    case quit, help, refresh
}

/// Keys are data: this table drives dispatch, the status-bar hints and the help screen, so the three never disagree.
struct KeyBinding: Sendable {
    var action: MonitorAction
    var keys: [Key]
    /// Short name for the footer hint.
    var name: String
    /// One line for the help screen.
    var help: String

    static let defaults: [KeyBinding] = [
        KeyBinding(action: .help, keys: [.character("?")], name: "help", help: "Show or hide this help"),
        KeyBinding(action: .refresh, keys: [.character("r")], name: "refresh", help: "Read the store now"),
        KeyBinding(action: .quit, keys: [.character("q"), .character("Q")], name: "quit",
                   help: "Quit and restore the terminal (Ctrl-C too)"),
    ]

    static func action(for key: Key, in table: [KeyBinding] = defaults) -> MonitorAction? {
        table.first { $0.keys.contains(key) }?.action
    }

    /// How a key is written in hints and help.
    static func label(_ key: Key) -> String {
        switch key {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        default: return "\(key)"
        }
    }
}
