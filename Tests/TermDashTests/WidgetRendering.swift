@testable import TermDash

/// A widget drawn alone, the way the widget tests look at it.
extension Widget {
    /// Drawn into a blank buffer of `width`×`height`, given all of it.
    func rendered(width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        render(buffer.bounds, into: &buffer)
        return buffer
    }

    /// The rows a user would read.
    func lines(width: Int, height: Int) -> [String] { rendered(width: width, height: height).lines() }
}
