/// Why the loopback servers could not be started.
public struct LocalServerError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) { self.description = description }
}
