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
