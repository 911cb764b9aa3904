import PostgresNIO

extension ServerStore {
    /// What the store occupies on its servers, in bytes: the CDR table's active parts on every ClickHouse server
    /// (`system.parts.bytes_on_disk`, after compression) and the ledger's PostgreSQL database.
    public func diskUse() throws -> (clickhouse: Int64, postgres: Int64) {
        var clickhouse: Int64 = 0
        for node in self.clickhouse {
            let rows = try node.rows("""
                SELECT sum(bytes_on_disk) FROM system.parts
                WHERE database = \(ClickHouseText.literal(database)) AND table = 'cdr_local' AND active
                """)
            clickhouse += rows.first.flatMap { Int64($0[0]) } ?? 0
        }
        lock.lock()
        defer { lock.unlock() }
        let postgres = try self.postgres.execute("SELECT pg_database_size(current_database())").first.map { try $0.int(0) } ?? 0
        return (clickhouse, Int64(postgres))
    }
}
