import GRDB

extension SQLiteStore: MetricStore {
    public var location: String { path }

    public func read<T>(_ body: (any StoreReadSession) throws -> T) throws -> T {
        try read { (db: Database) in try body(SQLiteReadSession(db: db)) }
    }
}
