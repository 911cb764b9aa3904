/// A colour as a theme names it. The backend downgrades it to what the terminal can show.
enum ThemeColor: Hashable, Sendable {
    /// The terminal's own foreground or background (keeps transparent and light-background terminals right).
    case terminalDefault
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
    /// An entry of the xterm 256-colour palette.
    case indexed(UInt8)

    /// The palette index of a basic colour (0–15), nil for `terminalDefault` and 256-palette entries.
    var basicIndex: Int? {
        switch self {
        case .terminalDefault, .indexed: return nil
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .brightBlack: return 8
        case .brightRed: return 9
        case .brightGreen: return 10
        case .brightYellow: return 11
        case .brightBlue: return 12
        case .brightMagenta: return 13
        case .brightCyan: return 14
        case .brightWhite: return 15
        }
    }

    /// The nearest of the 16 basic colours (0–15) for a 256-palette index, by distance in RGB between the
    /// xterm palette's values.
    static func nearestBasic(toPaletteIndex index: UInt8) -> Int {
        let i = Int(index)
        if i < 16 { return i }
        let target = rgb(ofPaletteIndex: i)
        func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
            let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
            return dr * dr + dg * dg + db * db
        }
        return basicRGB.indices.min { distance(basicRGB[$0], target) < distance(basicRGB[$1], target) } ?? 0
    }

    /// xterm's default values for colours 0–15.
    private static let basicRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
        (255, 255, 255),
    ]

    /// The RGB value of a 256-palette entry from 16 up: the 6×6×6 cube, then the grey ramp.
    private static func rgb(ofPaletteIndex i: Int) -> (Int, Int, Int) {
        if i >= 232 {
            let level = 8 + 10 * (i - 232)
            return (level, level, level)
        }
        let steps = [0, 95, 135, 175, 215, 255]
        let n = i - 16
        return (steps[n / 36], steps[(n % 36) / 6], steps[n % 6])
    }
}

/// How one role looks in a theme.
struct ThemeEntry: Hashable, Sendable {
    var fg: ThemeColor
    var bg: ThemeColor
    var bold: Bool
    var reverse: Bool
    var dim: Bool
    var underline: Bool

    init(
        fg: ThemeColor = .terminalDefault, bg: ThemeColor = .terminalDefault,
        bold: Bool = false, reverse: Bool = false, dim: Bool = false, underline: Bool = false
    ) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
    }
}

/// A role's final look on a given terminal: palette indices (-1 = terminal default) and attributes.
struct ResolvedStyle: Hashable, Sendable {
    var fg: Int
    var bg: Int
    var bold: Bool
    var reverse: Bool
    var dim: Bool
    var underline: Bool
}

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
