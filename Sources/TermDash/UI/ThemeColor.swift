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
