import Foundation
import Metrics

/// Moving each CDR to the server the cluster's shard map names (`termdash reshard`, after a shard is added:
/// docs/scale-out.md, "Adding a shard").
extension ServerStore {
    /// Copies every CDR held by a server other than the one its key's shard names (`ClickHouseShards`, the same
    /// map the Distributed table and the writers use) to that server, deletes the copies left behind, then makes
    /// every rollup again from the CDRs where they now are. Run with the writers stopped.
    ///
    /// Everything is marked first (committed at once), so readers take their figures from the CDRs until the
    /// rollups are made again; while a server's CDRs are copied out and not yet deleted, a figure read on them counts
    /// the copied ones twice. The copy goes in pieces of whole minutes holding at most `rowsPerSend` CDRs; then one
    /// mutation per server deletes what belongs elsewhere. A reshard stopped part-way is run again: a CDR copied but
    /// not deleted is copied again to the same server, where `FINAL` keeps one. Returns what moved where.
    public func reshard(progress: (String) -> Void = { _ in }) throws -> [ReshardMove] {
        guard let shards else {
            throw ServerStoreError.badSetting(
                "reshard: needs the servers of a cluster, each one shard of it (\(clickhouse.count) ClickHouse server\(clickhouse.count == 1 ? "" : "s") given)")
        }
        lock.lock()
        defer { lock.unlock() }
        return try ServerLock.reshard.holding(on: postgres) {
            try postgres.execute(
                "INSERT INTO rollup_dirty (low, high, owner) VALUES (-4611686018427387904, 4611686018427387904, 0)")
            var moves: [ReshardMove] = []
            for (source, node) in clickhouse.enumerated() {
                for target in clickhouse.indices where target != source {
                    let condition = Self.slotCondition(shards, node: target)
                    let moved = try copy(from: node, to: clickhouse[target], where: condition, progress: progress)
                    if moved > 0 { moves.append(ReshardMove(from: node.server, to: clickhouse[target].server, cdrs: moved)) }
                }
                let misplaced = "NOT (\(Self.slotCondition(shards, node: source)))"
                guard try count(on: node, where: misplaced) > 0 else { continue }
                progress("deleting from \(node.server) the CDRs now on other servers…")
                try node.query("ALTER TABLE \(database).cdr_local DELETE WHERE \(misplaced)")
                try waitForMutations(on: node)
            }
            progress("making the rollups again from the CDRs…")
            for node in clickhouse {
                for table in ClickHouseSchema.rollupTables {
                    try node.query("DROP TABLE IF EXISTS \(database).\(table)")
                    try node.query(ClickHouseSchema.rollupTable(table, database: database))
                }
                try addColumn(ClickHouseSchema.openColumn, on: node, table: "rollup_channel",
                              ClickHouseSchema.addOpenColumn(database: database, table: "rollup_channel"))
            }
            try settleAllRollups()
            return moves
        }
    }

    /// The rows whose key's slot is one of `node`'s (see `ClickHouseShards.nodeOfSlot`).
    private static func slotCondition(_ shards: ClickHouseShards, node: Int) -> String {
        let slots = shards.nodeOfSlot.indices.filter { shards.nodeOfSlot[$0] == node }.map(String.init)
        return "intHash64(row_key) % \(shards.nodeOfSlot.count) IN (\(slots.joined(separator: ", ")))"
    }

    private func count(on node: ClickHouseLink, where condition: String) throws -> Int {
        Int(try node.rows("SELECT count() FROM \(database).cdr_local WHERE \(condition)").first?.first ?? "") ?? 0
    }

    /// Copies the rows of `source`'s `cdr_local` matching `condition` to `target`'s, in pieces of whole minutes;
    /// how many.
    private func copy(from source: ClickHouseLink, to target: ClickHouseLink, where condition: String,
                      progress: (String) -> Void) throws -> Int {
        let minutes = try source.rows("""
            SELECT intDiv(start_at, 60) AS m, count() FROM \(database).cdr_local WHERE \(condition) GROUP BY m ORDER BY m
            """).compactMap { row in Int64(row[0]).flatMap { minute in Int(row[1]).map { (minute, $0) } } }
        guard !minutes.isEmpty else { return 0 }
        let total = minutes.reduce(0) { $0 + $1.1 }
        progress("copying \(total) CDRs from \(source.server) to \(target.server)…")
        var pieces: [(from: Int64, to: Int64)] = []
        var rows = 0
        for (minute, count) in minutes {
            if !pieces.isEmpty, rows + count <= rowsPerSend {
                pieces[pieces.count - 1].to = minute + 1
                rows += count
            } else {
                pieces.append((minute, minute + 1))
                rows = count
            }
        }
        var copied = 0
        for piece in pieces {
            let text = try source.query("""
                SELECT \(ClickHouseSchema.columns) FROM \(database).cdr_local
                WHERE start_at >= \(piece.from * 60) AND start_at < \(piece.to * 60) AND \(condition)
                FORMAT TabSeparated
                """)
            guard !text.isEmpty else { continue }
            try target.start("INSERT INTO \(database).cdr_local (\(ClickHouseSchema.columns)) FORMAT TabSeparated",
                             rows: Array(text.utf8)).answer()
            copied += text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        }
        return copied
    }

    /// Waits until `node` has no mutation of `cdr_local` left to do (ClickHouse runs them in the background).
    private func waitForMutations(on node: ClickHouseLink) throws {
        let deadline = Date().addingTimeInterval(3_600)
        while try node.rows("""
            SELECT count() FROM system.mutations WHERE database = \(ClickHouseText.literal(database))
                AND table = 'cdr_local' AND is_done = 0
            """, database: false).first?.first != "0" {
            guard Date() < deadline else {
                throw ServerStoreError.refused(server: node.server, answer: "the delete of moved CDRs is still running after an hour")
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }
}
