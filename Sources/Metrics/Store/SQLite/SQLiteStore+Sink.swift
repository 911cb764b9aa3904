import GRDB

extension SQLiteStore: StoreSink {
    @discardableResult
    public func write<T>(_ body: (any StoreWriteSession) throws -> T) throws -> T {
        try write { (db: Database) in try body(SQLiteWriteSession(db: db)) }
    }

    public func hasCDRs(source: String) throws -> Bool {
        try read { (db: Database) in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cdrs WHERE source = ?)", arguments: [source]) ?? false
        }
    }

    @discardableResult
    public func rebuildAggregates(_ retention: Retention, at now: Int64) throws -> Int {
        try write { (db: Database) in try Aggregates.rebuild(retention, at: now, in: db) }
    }
}
