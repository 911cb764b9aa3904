/// Keys are data: this table drives dispatch, the footer hints and the help screen, so the three never disagree.
/// Each binding has a stable id (`[keys]` in the config remaps it) and a scope: everywhere, or one view, where
/// it is looked up first.
struct KeyBinding: Sendable {
    var id: String
    var action: MonitorAction
    var keys: [Key]
    /// nil: every view.
    var view: MonitorView?
    /// Short name for the footer hint.
    var name: String
    /// One line for the help screen.
    var help: String
    /// Whether the status bar shows it as a hint while its view is open (view bindings only).
    var footer = false

    static var defaults: [KeyBinding] {
        var table: [KeyBinding] = [
            KeyBinding(id: "help", action: .help, keys: [.character("?")], name: "help", help: "Show or hide this help"),
            KeyBinding(id: "quit", action: .quit, keys: [.character("q"), .character("Q")], name: "quit",
                       help: "Quit and restore the terminal (Ctrl-C too)"),
            KeyBinding(id: "refresh", action: .refresh, keys: [.character("r")], name: "refresh",
                       help: "Read the store now"),
            KeyBinding(id: "next_view", action: .nextView, keys: [.tab], name: "next view", help: "Next view"),
            KeyBinding(id: "previous_view", action: .previousView, keys: [.backTab], name: "previous view",
                       help: "Previous view"),
        ]
        for view in MonitorView.operatorViews {
            table.append(KeyBinding(
                id: "view_\(view.rawValue)", action: .show(view), keys: [.character(Character("\(view.rawValue)"))],
                name: view.title.lowercased(), help: "Show the \(view.title.lowercased()) view"))
        }
        table += [
            KeyBinding(id: "range", action: .cycleRange, keys: [.character("t")], name: "range",
                       help: "History and quality over 1 h, 24 h or 7 d"),
            KeyBinding(id: "zone", action: .cycleZone, keys: [.character("z")], name: "zone",
                       help: "Clock and graph axes in another time zone"),
            KeyBinding(id: "support", action: .copySupport, keys: [.character("c")], name: "support",
                       help: "Copy Version, Zone, UTC time and store for a ticket"),
            KeyBinding(id: "ticket", action: .openTicket, keys: [.character("T")], name: "ticket",
                       help: "Open a help ticket with the support block"),
        ]
        table += GridKeyBinding.defaults.map { grid in
            KeyBinding(id: "summary.\(grid.name.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "+", with: "_"))",
                       action: .grid(grid.command), keys: grid.keys, view: .summary, name: grid.name, help: grid.help,
                       footer: grid.footer)
        }
        for view in [MonitorView.quality, .checklist] {
            let prefix = view == .quality ? "quality" : "checklist"
            table += [
                KeyBinding(id: "\(prefix).up", action: .list(.up), keys: [.up, .character("k")], view: view, name: "up",
                           help: "Cursor up"),
                KeyBinding(id: "\(prefix).down", action: .list(.down), keys: [.down, .character("j")], view: view,
                           name: "down", help: "Cursor down"),
                KeyBinding(id: "\(prefix).page_up", action: .list(.pageUp), keys: [.pageUp], view: view, name: "page up",
                           help: "A screen up"),
                KeyBinding(id: "\(prefix).page_down", action: .list(.pageDown), keys: [.pageDown], view: view,
                           name: "page down", help: "A screen down"),
                KeyBinding(id: "\(prefix).top", action: .list(.top), keys: [.home, .character("g")], view: view,
                           name: "top", help: "First row"),
                KeyBinding(id: "\(prefix).bottom", action: .list(.bottom), keys: [.end, .character("G")], view: view,
                           name: "bottom", help: "Last row"),
            ]
        }
        table += [
            KeyBinding(id: "quality.toggle", action: .list(.toggle), keys: [.character(" "), .enter], view: .quality,
                       name: "toggle", help: "Take the carrier in or out of the total and graphs"),
            KeyBinding(id: "quality.all", action: .list(.all), keys: [.character("a")], view: .quality, name: "all",
                       help: "Every carrier back in"),
        ]
        return table
    }

    /// The action of `key` in `view`: the view's own bindings first, then the global ones.
    static func action(for key: Key, in view: MonitorView, table: [KeyBinding]) -> MonitorAction? {
        table.first { $0.view == view && $0.keys.contains(key) }?.action
            ?? table.first { $0.view == nil && $0.keys.contains(key) }?.action
    }

    /// Bindings that must keep a key, and what would be lost without one.
    static let indispensable: [(id: String, loss: String)] = [
        ("quit", "no key would quit the monitor (only Ctrl-C)"),
        ("help", "no key would show the keys"),
    ]

    /// The default table with the config's `[keys]` applied: each id listed gets exactly the keys given.
    /// Fails, naming the id and key, when an id is unknown, a key name is not understood, a key would do two
    /// things in one place, or an indispensable binding is left without a key.
    static func remapped(_ overrides: [String: [String]], base: [KeyBinding] = defaults) throws -> [KeyBinding] {
        var table = base
        for (id, names) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let index = table.firstIndex(where: { $0.id == id }) else {
                throw KeyMapError("unknown action \(QuotedText.quoted(id)) (see termdash's ? help or config.example.toml)", ids: [id])
            }
            table[index].keys = try names.map { name in
                guard let key = Key(name: name) else {
                    throw KeyMapError("\(id): key \(QuotedText.quoted(name)) is not understood (e.g. \"x\", \"Tab\", \"Shift-Up\", \"PgDn\", \"F5\", \"Ctrl-L\")", ids: [id])
                }
                return key
            }
        }
        for (id, loss) in indispensable {
            guard let binding = table.first(where: { $0.id == id }), binding.keys.isEmpty else { continue }
            let example = base.first { $0.id == id }?.keys.first.map { " = [\"\(label($0))\"]" } ?? ""
            throw KeyMapError("\(id) = []: \(loss); give it at least one key, e.g. \(id)\(example)", ids: [id])
        }
        // A key may do one thing per view: the same key in two bindings of one scope, or a global key that a
        // view binding would hide, is a mistake to report rather than a silent shadow.
        for (index, binding) in table.enumerated() {
            for key in binding.keys {
                for other in table[(index + 1)...] where other.keys.contains(key)
                    && (other.view == binding.view || other.view == nil || binding.view == nil)
                {
                    throw KeyMapError("key \"\(label(key))\" is bound to both \(binding.id) and \(other.id)",
                                      ids: [binding.id, other.id])
                }
            }
        }
        return table
    }

    /// How a key is written in hints and help. Without Unicode (the ASCII glyph set) arrows are written as the
    /// config names them: "Up", "Shift-Left".
    static func label(_ key: Key, unicode: Bool = true) -> String {
        switch key {
        case .character(" "): return "Space"
        case .character(let character):
            if let ascii = character.asciiValue, ascii < 32 {
                return "Ctrl-" + String(UnicodeScalar(ascii + 64))
            }
            return String(character)
        case .up: return unicode ? "↑" : "Up"
        case .down: return unicode ? "↓" : "Down"
        case .left: return unicode ? "←" : "Left"
        case .right: return unicode ? "→" : "Right"
        case .shiftUp: return unicode ? "Shift-↑" : "Shift-Up"
        case .shiftDown: return unicode ? "Shift-↓" : "Shift-Down"
        case .shiftLeft: return unicode ? "Shift-←" : "Shift-Left"
        case .shiftRight: return unicode ? "Shift-→" : "Shift-Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .insert: return "Ins"
        case .delete: return "Del"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .function(let number): return "F\(number)"
        }
    }
}

extension Key {
    /// A key from its name in the config: a single character, or Tab, Shift-Tab, Enter, Esc, Space, Backspace,
    /// Up/Down/Left/Right (with Shift-), PgUp, PgDn, Home, End, Ins, Del, F1–F12, Ctrl-A…Ctrl-Z.
    init?(name: String) {
        if name.count == 1, let character = name.first {
            self = .character(character)
            return
        }
        let lower = name.lowercased()
        if lower.hasPrefix("ctrl-"), lower.count == 6, let letter = lower.last?.asciiValue, (97...122).contains(letter) {
            self = .character(Character(UnicodeScalar(letter - 96)))
            return
        }
        let digits = lower.dropFirst()
        if lower.hasPrefix("f"), digits.allSatisfy({ ("0"..."9").contains($0) }), let number = Int(digits), (1...12).contains(number) {
            self = .function(number)
            return
        }
        let named: [String: Key] = [
            "tab": .tab, "shift-tab": .backTab, "backtab": .backTab, "enter": .enter, "return": .enter,
            "esc": .escape, "escape": .escape, "space": .character(" "), "backspace": .backspace,
            "up": .up, "down": .down, "left": .left, "right": .right,
            "shift-up": .shiftUp, "shift-down": .shiftDown, "shift-left": .shiftLeft, "shift-right": .shiftRight,
            "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end,
            "ins": .insert, "insert": .insert, "del": .delete, "delete": .delete,
        ]
        guard let key = named[lower] else { return nil }
        self = key
    }
}
