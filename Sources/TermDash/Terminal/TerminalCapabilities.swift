/// What the terminal can draw, decided once at start-up from the environment and the locale.
struct TerminalCapabilities: Equatable, Sendable {
    /// Box-drawing, block and other non-ASCII glyphs can be used.
    var unicode: Bool
    var colors: ColorDepth

    init(unicode: Bool, colors: ColorDepth) {
        self.unicode = unicode
        self.colors = colors
    }

    /// Terminals that must get plain ASCII and no colour whatever else they claim.
    private static let asciiOnlyTerminals: Set<String> = ["dumb", "vt52", "vt100", "vt102", "vt220", "vt320", "unknown"]

    /// Pure: `environment` is the process environment, `codeset` the locale's (`nl_langinfo(CODESET)`),
    /// `terminalColors` what ncurses reports (0 when the terminal has no colour).
    static func detect(environment: [String: String], codeset: String, terminalColors: Int) -> TerminalCapabilities {
        let term = (environment["TERM"] ?? "").lowercased()
        let termBase = String(term.prefix { $0 != "-" })
        let asciiOnly = asciiOnlyTerminals.contains(term) || asciiOnlyTerminals.contains(termBase)
        // The Linux console's fonts lack most block elements and all braille: draw graphs in ASCII.
        let linuxConsole = termBase == "linux"
        let normalizedCodeset = codeset.uppercased().filter { $0.isLetter || $0.isNumber }
        let unicode = normalizedCodeset == "UTF8" && !asciiOnly && !linuxConsole

        let colors: ColorDepth
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            colors = .none
        } else if asciiOnly || terminalColors < 8 {
            colors = .none
        } else if let colorterm = environment["COLORTERM"]?.lowercased(), colorterm == "truecolor" || colorterm == "24bit" {
            colors = .truecolor
        } else if terminalColors >= 256 {
            colors = .palette256
        } else {
            colors = .basic16
        }
        return TerminalCapabilities(unicode: unicode, colors: colors)
    }
}

extension GlyphSet {
    /// The glyphs for a terminal: Unicode blocks where the font has them, ASCII otherwise.
    /// `graphStyle` asks for braille graphs; it is honoured only on Unicode terminals.
    static func `for`(_ capabilities: TerminalCapabilities, graphStyle: GraphStyle = .block) -> GlyphSet {
        guard capabilities.unicode else { return .ascii }
        switch graphStyle {
        case .braille: return .unicodeBraille
        case .block: return .unicodeBlock
        case .ascii:
            var set = GlyphSet.unicodeBlock
            set.graphStyle = .ascii
            set.sparkLevels = GlyphSet.ascii.sparkLevels
            return set
        }
    }
}

extension GlyphSet {
    /// The glyphs for a config or command-line graph setting: "auto" (block on Unicode terminals),
    /// "braille", "block" or "ascii". An unknown name is treated as "auto".
    static func choose(_ graphs: String, capabilities: TerminalCapabilities) -> GlyphSet {
        GlyphSet.for(capabilities, graphStyle: GraphStyle(rawValue: graphs.lowercased()) ?? .block)
    }
}
