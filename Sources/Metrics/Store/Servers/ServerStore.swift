import Foundation
import Metrics
import NIOCore
import PostgresNIO

/// The servers backend (docs/scale-out.md): the ledger on PostgreSQL, CDRs on ClickHouse (one server, or shards
/// behind a Distributed table). It implements every store protocol: a backend that cannot serve a call does not
/// compile, rather than answering empty or failing at run time.
///
/// A write is one PostgreSQL transaction; the CDRs it stores are buffered and sent to ClickHouse just before the
/// commit. A writer killed between the two leaves CDRs whose ledger entry is missing: its retry sends them again,
/// and the ReplacingMergeTree key with `FINAL` on every read makes the copy one row (nothing doubled, nothing lost).
public final class ServerStore: MetricStore, @unchecked Sendable {
    public let location: String
    let postgres: PostgresLink
    /// A second connection, where an import reserves the ids of accounts it names first and commits them at once
    /// (`ServerAccounts.reserve`) while its own transaction runs on `postgres`. It connects on first use.
    let accountIDs: PostgresLink
    let clickhouse: [ClickHouseLink]
    /// On a cluster whose servers each say which shard they are: where each CDR goes, so a write sends it straight to
    /// its shard's `cdr_local` (nil: one server, or a cluster written through its Distributed table).
    let shards: ClickHouseShards?
    /// Where CDRs are written and read: the local table on one server, the Distributed one on a cluster.
    let cdrTable: String
    /// Where a snapshot's figures are read (`ServerReadSession`): every server, each over its local tables, on a
    /// cluster whose every shard is one configured server (`shards`), their answers added up by the reader, as the
    /// Distributed table would add them but without its second pass (measured at 100 M CDRs: the Distributed read of
    /// a summary cost 23 ms of the servers' CPU, the two local reads 18, and 19 ms against 12 ms waited); else the
    /// first server, over the Distributed tables on a cluster.
    let readNodes: [ClickHouseLink]
    /// The CDR table `readNodes` read.
    let readCDRTable: String
    /// Where `readNodes` read the minute and second rollups: local tables, or the Distributed ones.
    let rollupTable: String
    let secondRollupTable: String
    let channelRollupTable: String
    let endedRollupTable: String
    /// `rollup_hour`, or its Distributed table.
    let hourRollupTable: String
    /// A second PostgreSQL connection, outside the write's transaction: a writer's rollup marks commit at once,
    /// before its CDRs reach ClickHouse (ServerStore+Rollups). It connects on first use.
    let marks: PostgresLink
    let database: String
    /// False only in tests: a writer then stops between its commit and its rollup recompute, as if killed there.
    var settlesRollups = true
    /// A write holding this many CDRs not sent yet sends them before it reads on, so an import holds at most about
    /// this many (some 100 MB, and as much again while they are split among the shards); smaller in tests.
    var rowsPerSend = 250_000
    /// One statement at a time on the one PostgreSQL connection; a write holds it for its whole transaction.
    let lock = NSRecursiveLock()
    /// When this process last merged the hour rollup's parts (`mergeHourParts`), as a monotonic time.
    var hourPartsMerged: UInt64 = 0

    /// What the store was opened with (for connections of their own, e.g. custom pages').
    let settings: ServerSettings

    /// Connects, creating the database and the tables when they are missing.
    public init(_ settings: ServerSettings) throws {
        self.settings = settings
        guard !settings.clickhouse.isEmpty else { throw ServerStoreError.badSetting("clickhouse: no server given") }
        let timeout = TimeAmount.seconds(Int64(max(1, settings.timeoutSeconds)))
        guard let components = URLComponents(string: settings.postgres) else {
            throw ServerStoreError.badSetting("postgres: expected postgres://user@host:port/database")
        }
        let name = String(components.path.drop { $0 == "/" })
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw ServerStoreError.badSetting("postgres: the database name must be letters, digits and _ (got \"\(name)\")")
        }
        database = name
        try Self.createDatabase(settings, named: name, timeout: timeout)
        postgres = try PostgresLink(url: settings.postgres, credentials: settings.postgresCredentials, timeout: timeout)
        accountIDs = try PostgresLink(url: settings.postgres, credentials: settings.postgresCredentials, timeout: timeout)
        clickhouse = try settings.clickhouse.map {
            try ClickHouseLink(url: $0, database: name, credentials: settings.clickhouseCredentials, timeout: timeout)
        }
        cdrTable = clickhouse.count == 1 ? "cdr_local" : "cdr_all"
        shards = clickhouse.count == 1 ? nil : try ClickHouseShards.discover(clickhouse, cluster: settings.cluster)
        let readsLocal = clickhouse.count == 1 || shards != nil
        readNodes = shards == nil ? [clickhouse[0]] : clickhouse
        readCDRTable = readsLocal ? "cdr_local" : "cdr_all"
        rollupTable = readsLocal ? "rollup_minute" : "rollup_minute_all"
        secondRollupTable = readsLocal ? "rollup_second" : "rollup_second_all"
        channelRollupTable = readsLocal ? "rollup_channel" : "rollup_channel_all"
        endedRollupTable = readsLocal ? "rollup_ended" : "rollup_ended_all"
        hourRollupTable = readsLocal ? "rollup_hour" : "rollup_hour_all"
        marks = try PostgresLink(url: settings.postgres, credentials: settings.postgresCredentials, timeout: timeout)
        location = ([postgres.server] + clickhouse.map(\.server)).joined(separator: " + ")
        try migrate(cluster: settings.cluster)
        try settleOrphanRollupsWhileEmpty()
    }

    private static func createDatabase(_ settings: ServerSettings, named name: String, timeout: TimeAmount) throws {
        var maintenance = URLComponents(string: settings.postgres)!
        maintenance.path = "/postgres"
        let link = try PostgresLink(url: maintenance.string ?? "", credentials: settings.postgresCredentials, timeout: timeout)
        try ServerLock.schema.holding(on: link) {
            let exists = try link.execute("SELECT 1 FROM pg_database WHERE datname = $1", [PostgresData(string: name)])
            if exists.isEmpty { try link.execute("CREATE DATABASE \(name)") }
        }
    }

    private func migrate(cluster: String) throws {
        try ServerLock.schema.holding(on: postgres) { try migrateHoldingLock(cluster: cluster) }
    }

    private func migrateHoldingLock(cluster: String) throws {
        try postgres.execute("CREATE TABLE IF NOT EXISTS ledger_schema (version bigint PRIMARY KEY)")
        try postgres.execute("BEGIN")
        do {
            try postgres.execute("LOCK TABLE ledger_schema")
            let done = try postgres.execute("SELECT coalesce(max(version), 0) FROM ledger_schema").first
                .map { try $0.int(0) } ?? 0
            for (index, step) in PostgresSchema.steps.enumerated() where index + 1 > done {
                for statement in step.split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
                    try postgres.execute(String(statement))
                }
                try postgres.execute("INSERT INTO ledger_schema VALUES ($1)", [PostgresData(int64: Int64(index + 1))])
            }
            try postgres.execute("COMMIT")
        } catch {
            _ = try? postgres.execute("ROLLBACK")
            throw error
        }
        for node in clickhouse {
            try node.query("CREATE DATABASE IF NOT EXISTS \(database)", database: false)
            try node.query(ClickHouseSchema.localTable(database: database))
            for table in ClickHouseSchema.rollupTables {
                try node.query(ClickHouseSchema.rollupTable(table, database: database))
            }
        }
        try refineRollupGranules()
        for node in clickhouse {
            if clickhouse.count > 1 {
                try node.query(ClickHouseSchema.distributedTable(database: database, cluster: cluster))
                for table in ClickHouseSchema.rollupTables {
                    try node.query(ClickHouseSchema.rollupDistributed(database: database, cluster: cluster, table: table))
                }
            }
            for table in clickhouse.count > 1 ? ["cdr_local", "cdr_all"] : ["cdr_local"] {
                try addColumn(ClickHouseSchema.batchColumn, on: node, table: table,
                              ClickHouseSchema.addBatchColumn(database: database, table: table))
                try addColumn(ClickHouseSchema.callerNameColumn, on: node, table: table,
                              ClickHouseSchema.addCallerNameColumn(database: database, table: table))
                try addColumn(ClickHouseSchema.billedSecondsColumn, on: node, table: table,
                              ClickHouseSchema.addBilledSecondsColumn(database: database, table: table))
            }
            for table in clickhouse.count > 1 ? ["rollup_channel", "rollup_channel_all"] : ["rollup_channel"] {
                try addColumn(ClickHouseSchema.openColumn, on: node, table: table,
                              ClickHouseSchema.addOpenColumn(database: database, table: table))
            }
            try makeCDRsView(on: node)
        }
        grantPagesRole()
    }

    /// Makes again, with `ClickHouseSchema.rollupGranularity`, the rollup tables made before it, empty. Everything
    /// is marked first, once, committed at once: a process stopped part-way leaves the mark (the next writer, or
    /// `rebuild`, recomputes every rollup), never a rollup emptied without one.
    private func refineRollupGranules() throws {
        let names = ClickHouseSchema.rollupTables.map(ClickHouseText.literal).joined(separator: ", ")
        let coarse = try clickhouse.map { node in
            try node.rows("""
                SELECT name FROM system.tables WHERE database = \(ClickHouseText.literal(database)) AND name IN (\(names))
                    AND position(engine_full, \(ClickHouseText.literal(ClickHouseSchema.rollupGranularity))) = 0
                """).compactMap { $0.first.map(String.init) }
        }
        guard coarse.contains(where: { !$0.isEmpty }) else { return }
        try postgres.execute(
            "INSERT INTO rollup_dirty (low, high, owner) VALUES (-4611686018427387904, 4611686018427387904, 0)")
        for (node, tables) in zip(clickhouse, coarse) {
            for table in tables {
                try node.query("DROP TABLE \(database).\(table)")
                try node.query(ClickHouseSchema.rollupTable(table, database: database))
            }
        }
    }

    /// Adds the column `name` to a table made before it with `statement` (two processes starting at once may both
    /// try: the second finds it there).
    func addColumn(_ name: String, on node: ClickHouseLink, table: String, _ statement: String) throws {
        let present = try node.rows("""
            SELECT count() FROM system.columns WHERE database = \(ClickHouseText.literal(database))
                AND table = \(ClickHouseText.literal(table)) AND name = \(ClickHouseText.literal(name))
            """)
        guard present.first?.first == "0" else { return }
        do {
            try node.query(statement)
        } catch ServerStoreError.refused(_, let answer) where answer.contains("already exists") {}
    }

    public func read<T>(_ body: (any StoreReadSession) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(ServerReadSession(store: self))
    }

    @discardableResult
    public func write<T>(_ body: (any StoreWriteSession) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        try postgres.execute("BEGIN")
        let session = ServerWriteSession(store: self)
        do {
            let result = try body(session)
            try session.flushCDRs()
            try postgres.execute("COMMIT")
            settleRollups(session.marked)
            return result
        } catch {
            _ = try? postgres.execute("ROLLBACK")
            // CDRs of a batch sent before the failure are on ClickHouse: its range is recomputed all the same.
            settleRollups(session.marked)
            throw error
        }
    }

    public func hasCDRs(source: String) throws -> Bool {
        let rows = try clickhouse[0].rows(
            "SELECT count() FROM \(cdrTable) WHERE source = \(ClickHouseText.literal(source)) LIMIT 1")
        return (rows.first.flatMap { Int64($0[0]) } ?? 0) > 0
    }
}
