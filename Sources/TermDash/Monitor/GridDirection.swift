import Metrics

/// A direction the grid cursor goes.
enum GridDirection: Equatable, Sendable {
    case up, down, left, right, pageUp, pageDown, home, end, top, bottom
}
