import GRDB

/// The work a migration queues in `store_upkeep` because it needs application code: hashing the text row keys of a
/// store older than v6, and recomputing the aggregates after v2 or v5 changed their tables. Run after the last
/// migration, in one transaction, so a killed process leaves the queue as it was and the next open finishes the job;
/// the queue table is dropped once empty, so an up-to-date store has none.
enum StoreUpkeep {
    static let hashTextRowKeys = "hash text row keys"
    static let rebuildAggregates = "rebuild aggregates"

    /// Does whatever is queued. `rowKey` is replaceable for tests of the collision path.
    static func run(
        in db: Database, at now: Int64, retention: Retention = .standard,
        rowKey: (String) -> RowKey = { RowKey($0) }
    ) throws {
        // Checked once per open, never on a read or write path.
        guard try db.tableExists("store_upkeep") else { return }
        let tasks = Set(try String.fetchAll(db, sql: "SELECT task FROM store_upkeep"))
        if tasks.contains(hashTextRowKeys) { try hashTextKeys(in: db, rowKey: rowKey) }
        if tasks.contains(rebuildAggregates) { try Aggregates.rebuild(retention, at: now, in: db) }
        try db.execute(sql: "DROP TABLE store_upkeep")
    }

    /// A v5 text row key becomes the `RowKey` of that text — what today's writers compute for the same CDR
    /// (`RowKey(record:occurrence:)` for an imported row, `RowKey(callID)` for the simulator's) — so re-importing a
    /// file imported before the upgrade adds nothing. Rows are taken in id order; one whose key is taken in its
    /// second by another CDR goes under the next key of its probe sequence, as a writer would put it.
    private static func hashTextKeys(in db: Database, rowKey: (String) -> RowKey) throws {
        let update = try db.makeStatement(sql: "UPDATE OR IGNORE cdrs SET row_key = ?, row_check = ? WHERE id = ?")
        let rows = try Row.fetchCursor(db, sql: "SELECT id, row_key FROM upkeep_text_keys ORDER BY id")
        var keyed: [(id: Int64, key: RowKey)] = []
        while let row = try rows.next() { keyed.append((row[0], rowKey(row[1]))) }
        for (id, key) in keyed {
            var attempt = 0
            while true {
                try update.execute(arguments: [key.probe(attempt), key.check, id])
                if db.changesCount > 0 { break }
                attempt += 1
            }
        }
        // Each file remembers the key and start of its first row (`ImportTransaction.earlierStart`): a file whose
        // rows were imported before at other start times (its source's zone changed) is refused rather than stored
        // twice.
        try db.execute(sql: """
            CREATE TEMP TABLE upkeep_first_lines AS
                SELECT file_id, MIN(line) AS line FROM cdrs WHERE file_id IS NOT NULL GROUP BY file_id;
            UPDATE cdr_files SET (first_row_key, first_row_check, first_row_start) = (
                SELECT c.row_key, c.row_check, c.start_at FROM upkeep_first_lines f JOIN cdrs c ON c.file_id = f.file_id
                WHERE f.file_id = cdr_files.id AND c.line = f.line ORDER BY c.id LIMIT 1)
            WHERE id IN (SELECT file_id FROM upkeep_first_lines);
            DROP TABLE upkeep_first_lines;
            DROP TABLE upkeep_text_keys;
            """)
    }
}
