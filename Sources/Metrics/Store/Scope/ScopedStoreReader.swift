/// A reader that sees one customer only: every read session it opens is a `ScopedReadSession`. An engine built on
/// it cannot be asked for anything wider, whatever request it is given.
public final class ScopedStoreReader: StoreReader {
    public let base: any StoreReader
    public let scope: CustomerScope

    public init(_ base: any StoreReader, scope: CustomerScope) {
        self.base = base
        self.scope = scope
    }

    /// The store's location is the operator's, not the customer's: it is left out.
    public var location: String { "portal" }

    public func read<T>(_ body: (any StoreReadSession) throws -> T) throws -> T {
        try base.read { session in try body(ScopedReadSession(session, scope: scope)) }
    }
}
