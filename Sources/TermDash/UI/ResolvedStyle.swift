/// A role's final look on a given terminal: palette indices (-1 = terminal default) and attributes.
struct ResolvedStyle: Hashable, Sendable {
    var fg: Int
    var bg: Int
    var bold: Bool
    var reverse: Bool
    var dim: Bool
    var underline: Bool
}
