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
