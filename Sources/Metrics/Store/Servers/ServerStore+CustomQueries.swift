import Metrics
import NIOCore

/// Custom pages on the servers (docs/pages.md): a pane's query runs on PostgreSQL over the ledger, or on ClickHouse
/// over the CDRs (`store = "cdrs"`), each reader on a connection of its own so a slow page never holds the store's.
extension ServerStore {
    /// The PostgreSQL role the ledger's page queries run as: it may read the ledger's tables and nothing else.
    static let pagesRole = "termdash_pages"

    /// The readers of custom pages' queries: the ledger's and the CDRs'.
    public func customQueries() throws -> (ledger: any CustomQueryReading, cdrs: any CustomQueryReading) {
        let timeout = TimeAmount.seconds(Int64(max(1, settings.timeoutSeconds)))
        let ledger = try PostgresLink(url: settings.postgres, credentials: settings.postgresCredentials, timeout: timeout)
        let cdrs = try ClickHouseLink(url: settings.clickhouse[0], database: database,
                                      credentials: settings.clickhouseCredentials, timeout: timeout)
        return (PostgresCustomQueries(link: ledger), ClickHouseCustomQueries(link: cdrs))
    }

    /// Makes the pages' role when it is missing and lets it read every table of the ledger; best effort: a user
    /// without CREATEROLE leaves that to an administrator, and the ledger's pages say the role is missing.
    func grantPagesRole() {
        let role = Self.pagesRole
        _ = try? postgres.execute("""
            DO $$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(role)') THEN CREATE ROLE \(role) NOLOGIN; END IF;
            END $$
            """)
        _ = try? postgres.execute("GRANT \(role) TO CURRENT_USER")
        _ = try? postgres.execute("GRANT USAGE ON SCHEMA public TO \(role)")
        _ = try? postgres.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(role)")
    }

    /// The view `cdrs` pages read on `node`, made again when it reads another table than this store's (a server
    /// that joined a cluster).
    func makeCDRsView(on node: ClickHouseLink) throws {
        let clustered = clickhouse.count > 1
        let current = try node.rows("""
            SELECT position(create_table_query, 'cdr_all') > 0 FROM system.tables
            WHERE database = \(ClickHouseText.literal(database)) AND name = 'cdrs'
            """, database: false)
        if let row = current.first {
            guard row.first == (clustered ? "0" : "1") else { return }
            try node.query("DROP TABLE IF EXISTS \(database).cdrs")
        }
        do {
            try node.query(ClickHouseSchema.cdrsView(database: database, table: clustered ? "cdr_all" : "cdr_local"))
        } catch ServerStoreError.refused(_, let answer) where answer.contains("already exists") {}
    }
}
