/// The engine's side of the store: every figure is read inside one `read`, which sees one consistent state of the
/// store (a snapshot isolation read for SQLite; one query set at one instant for a server). Callers get integers —
/// counters by level, grouping and time range, calls in progress, names by id — and compute every ratio themselves.
public protocol StoreReader: AnyObject, Sendable {
    /// Where the figures come from, for the support block and error messages: a path, or a URL without credentials.
    var location: String { get }

    /// Runs `body` on one consistent view of the store.
    func read<T>(_ body: (any StoreReadSession) throws -> T) throws -> T
}
