/// What a piece of text *is*, not how it looks. Widgets pick roles; the theme (and the terminal's abilities)
/// decide colours, so a monochrome wall and a 256-colour laptop render the same view code.
enum StyleRole: Int, CaseIterable, Hashable, Sendable {
    case normal
    case title
    case label
    case value
    case dim
    case accent
    case good
    case warning
    case alarm
    case selection
    case statusBar
    case statusKey
}

/// A role plus the emphasis a widget may add on top of what the theme says.
struct Style: Hashable, Sendable {
    var role: StyleRole
    var bold: Bool
    var reverse: Bool

    init(_ role: StyleRole = .normal, bold: Bool = false, reverse: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
    }

    static let normal = Style(.normal)
}
