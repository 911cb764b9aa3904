/// A read a customer-scoped session refuses: what it would return describes the whole network or other customers.
public struct OutOfScope: Error, CustomStringConvertible, Sendable, Equatable {
    public var what: String

    public init(_ what: String) { self.what = what }

    public var description: String { "\(what) is not available in a customer's portal" }
}
