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
