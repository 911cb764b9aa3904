/// How many colours the terminal can show.
enum ColorDepth: Int, Comparable, Sendable {
    case none
    case basic16
    case palette256
    case truecolor

    static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}
