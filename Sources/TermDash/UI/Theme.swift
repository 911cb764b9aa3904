/// Themes are data: a name and one entry per role. Nothing outside the backend turns them into escape codes.
struct Theme: Equatable, Sendable {
    var name: String
    var entries: [StyleRole: ThemeEntry]

    func entry(for role: StyleRole) -> ThemeEntry {
        entries[role] ?? entries[.normal] ?? ThemeEntry()
    }

    /// Looks a theme up by the name used in the config and `--theme`.
    static func named(_ name: String) -> Theme? {
        let key = name.lowercased().filter { $0.isLetter }
        return all.first { $0.name.lowercased().filter { $0.isLetter } == key }
    }

    static let all: [Theme] = [.default, .highContrast, .monochrome]

    /// Colours that sit well on the terminal's own background, dark or light.
    static let `default` = Theme(name: "default", entries: [
        .normal: ThemeEntry(),
        .title: ThemeEntry(fg: .cyan, bold: true),
        .label: ThemeEntry(),
        .value: ThemeEntry(bold: true),
        .dim: ThemeEntry(fg: .brightBlack),
        .accent: ThemeEntry(fg: .cyan),
        .good: ThemeEntry(fg: .green),
        .warning: ThemeEntry(fg: .yellow, bold: true),
        .alarm: ThemeEntry(fg: .red, bold: true),
        .selection: ThemeEntry(reverse: true),
        .statusBar: ThemeEntry(fg: .black, bg: .cyan),
        .statusKey: ThemeEntry(fg: .black, bg: .cyan, bold: true),
    ])

    /// For wall screens: bright text on black, bold figures, alarms on a red field.
    static let highContrast = Theme(name: "high-contrast", entries: [
        .normal: ThemeEntry(fg: .brightWhite, bg: .black),
        .title: ThemeEntry(fg: .brightCyan, bg: .black, bold: true),
        .label: ThemeEntry(fg: .white, bg: .black),
        .value: ThemeEntry(fg: .brightWhite, bg: .black, bold: true),
        .dim: ThemeEntry(fg: .white, bg: .black),
        .accent: ThemeEntry(fg: .brightCyan, bg: .black, bold: true),
        .good: ThemeEntry(fg: .brightGreen, bg: .black, bold: true),
        .warning: ThemeEntry(fg: .brightYellow, bg: .black, bold: true),
        .alarm: ThemeEntry(fg: .brightWhite, bg: .red, bold: true),
        .selection: ThemeEntry(fg: .black, bg: .brightYellow, bold: true),
        .statusBar: ThemeEntry(fg: .black, bg: .brightWhite),
        .statusKey: ThemeEntry(fg: .black, bg: .brightYellow, bold: true),
    ])

    /// No colours at all: emphasis by bold, dim and reverse video only.
    static let monochrome = Theme(name: "monochrome", entries: [
        .normal: ThemeEntry(),
        .title: ThemeEntry(bold: true),
        .label: ThemeEntry(),
        .value: ThemeEntry(bold: true),
        .dim: ThemeEntry(dim: true),
        .accent: ThemeEntry(),
        .good: ThemeEntry(),
        .warning: ThemeEntry(bold: true),
        .alarm: ThemeEntry(bold: true, underline: true),
        .selection: ThemeEntry(reverse: true),
        .statusBar: ThemeEntry(reverse: true),
        .statusKey: ThemeEntry(bold: true, reverse: true),
    ])

    /// Whether the monitor uses colour at all: not on a terminal without colour (or with `NO_COLOR`), and not
    /// for a theme that names none. Without colour the terminal keeps its own foreground and background:
    /// colour is never started, so no cell gets a colour code.
    func usesColor(on depth: ColorDepth) -> Bool {
        depth != .none && entries.values.contains { $0.fg != .terminalDefault || $0.bg != .terminalDefault }
    }

    /// Every role resolved for a terminal. Without colour the monochrome attributes are used whatever the
    /// theme (a colour-only distinction would vanish); with 8 colours bright foregrounds become bold.
    func resolved(for depth: ColorDepth, colorCount: Int) -> [StyleRole: ResolvedStyle] {
        var result: [StyleRole: ResolvedStyle] = [:]
        for role in StyleRole.allCases {
            if depth == .none {
                let e = Theme.monochrome.entry(for: role)
                result[role] = ResolvedStyle(
                    fg: -1, bg: -1, bold: e.bold, reverse: e.reverse, dim: e.dim, underline: e.underline)
                continue
            }
            let e = entry(for: role)
            let fg = Theme.paletteIndex(e.fg, depth: depth, colorCount: colorCount)
            let bg = Theme.paletteIndex(e.bg, depth: depth, colorCount: colorCount)
            result[role] = ResolvedStyle(
                fg: fg.index, bg: bg.index, bold: e.bold || fg.needsBold, reverse: e.reverse,
                dim: e.dim, underline: e.underline)
        }
        return result
    }

    /// The palette index for a colour on this terminal, and whether brightness must come from bold instead.
    static func paletteIndex(_ color: ThemeColor, depth: ColorDepth, colorCount: Int) -> (index: Int, needsBold: Bool) {
        var index: Int
        switch color {
        case .terminalDefault: return (-1, false)
        case .indexed(let i):
            index = (depth == .palette256 || depth == .truecolor) && colorCount >= 256
                ? Int(i) : ThemeColor.nearestBasic(toPaletteIndex: i)
        default:
            index = color.basicIndex ?? -1
        }
        if index >= 8 && index < 16 && colorCount < 16 {
            index -= 8
            return (index, true)
        }
        return (index, false)
    }
}
