/// Why the test servers could not be started.
public struct TestServerError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) { self.description = description }
}
