import GRDB

/// Schema v6 of the `cdrs` table: `row_key` and `row_check` are the two halves of a 128-bit hash of the writer's
/// key text (`RowKey`), `(start_at, row_key)` is unique (the index by start time deduplicates too), and the
/// disposition check is written without an IN list (SQLite built a temporary b-tree for it on every insert).
enum CDRTableV6 {
    static let createSQL = """
        CREATE TABLE cdrs_v6 (
            id            INTEGER PRIMARY KEY,
            source        TEXT NOT NULL,
            row_key       INTEGER NOT NULL,
            row_check     INTEGER NOT NULL,
            call_key      TEXT,
            leg_id        TEXT,
            start_at      INTEGER NOT NULL,
            answer_at     INTEGER,
            end_at        INTEGER NOT NULL CHECK (end_at >= start_at),
            duration      INTEGER NOT NULL CHECK (duration >= 0),
            billsec       INTEGER NOT NULL CHECK (billsec >= 0),
            disposition   TEXT NOT NULL CHECK (disposition = 'answered' OR disposition = 'no_answer'
                              OR disposition = 'busy' OR disposition = 'failed' OR disposition = 'congestion'),
            hangup_cause  TEXT,
            customer_id   INTEGER REFERENCES customers(id),
            carrier_id    INTEGER REFERENCES carriers(id),
            did_id        INTEGER REFERENCES dids(id),
            src           TEXT NOT NULL DEFAULT '',
            dst           TEXT NOT NULL DEFAULT '',
            caller_name   TEXT NOT NULL DEFAULT '',
            dtmf_digits   INTEGER CHECK (dtmf_digits >= 0),
            sell_micros   INTEGER,
            buy_micros    INTEGER,
            file_id       INTEGER,
            line          INTEGER
        );
        CREATE UNIQUE INDEX cdrs_by_start_key ON cdrs_v6(start_at, row_key);
        """

    /// The columns both layouts share, in table order.
    private static let sharedColumns = """
        call_key, leg_id, start_at, answer_at, end_at, duration, billsec, disposition, hangup_cause, customer_id,
        carrier_id, did_id, src, dst, caller_name, dtmf_digits, sell_micros, buy_micros, file_id, line
        """

    /// Rebuilds a v5 `cdrs` table in the v6 layout, keeping every row and its id. A v5 text row key becomes the
    /// `RowKey` of that text — what today's writers compute for the same CDR (`RowKey(record:occurrence:)` for an
    /// imported row, `RowKey(callID)` for the simulator's) — so re-importing a file imported before the upgrade
    /// adds nothing. `rowKey` is replaceable for tests of the collision path.
    static func migrate(in db: Database, rowKey: @escaping @Sendable (String) -> RowKey = { RowKey($0) }) throws {
        try db.execute(sql: createSQL)
        let keyFunction = DatabaseFunction("termdash_v6_row_key", argumentCount: 1, pure: true) { values in
            rowKey(String.fromDatabaseValue(values[0]) ?? "").key
        }
        let checkFunction = DatabaseFunction("termdash_v6_row_check", argumentCount: 1, pure: true) { values in
            rowKey(String.fromDatabaseValue(values[0]) ?? "").check
        }
        db.add(function: keyFunction)
        db.add(function: checkFunction)
        defer {
            db.remove(function: keyFunction)
            db.remove(function: checkFunction)
        }
        try db.execute(sql: """
            INSERT INTO cdrs_v6 (id, source, row_key, row_check, \(sharedColumns))
            SELECT id, source, termdash_v6_row_key(row_key), termdash_v6_row_check(row_key), \(sharedColumns)
            FROM cdrs WHERE true ORDER BY id
            ON CONFLICT (start_at, row_key) DO NOTHING
            """)
        // Two distinct v5 keys whose 64-bit halves collide in the same second: the later row takes the next free
        // key of its probe sequence, as a writer would.
        let copied = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cdrs_v6") ?? 0
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cdrs") ?? 0
        if copied != total {
            let missing = try Row.fetchAll(db, sql: """
                SELECT id, row_key FROM cdrs WHERE id NOT IN (SELECT id FROM cdrs_v6) ORDER BY id
                """)
            let insert = try db.makeStatement(sql: """
                INSERT INTO cdrs_v6 (id, source, row_key, row_check, \(sharedColumns))
                SELECT id, source, ?, ?, \(sharedColumns) FROM cdrs WHERE id = ?
                ON CONFLICT (start_at, row_key) DO NOTHING
                """)
            for row in missing {
                let id: Int64 = row[0]
                let key = rowKey(row[1])
                var attempt = 1
                while true {
                    try insert.execute(arguments: [key.probe(attempt), key.check, id])
                    if db.changesCount > 0 { break }
                    attempt += 1
                }
            }
        }
        try db.execute(sql: """
            DROP TABLE cdrs;
            ALTER TABLE cdrs_v6 RENAME TO cdrs;
            CREATE INDEX cdrs_by_end_start ON cdrs(end_at, start_at);
            """)
        try addFirstRows(in: db)
    }

    /// Each file remembers the key and start of its first row (`FileLedger.earlierStart`): a file whose rows were
    /// imported before at other start times (its source's zone changed) is refused rather than stored twice. A file
    /// imported before v6 gets its first row still stored under its id.
    private static func addFirstRows(in db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE cdr_files ADD COLUMN first_row_key INTEGER;
            ALTER TABLE cdr_files ADD COLUMN first_row_check INTEGER;
            ALTER TABLE cdr_files ADD COLUMN first_row_start INTEGER;
            CREATE INDEX cdr_files_by_first_row ON cdr_files(first_row_key) WHERE first_row_key IS NOT NULL;
            CREATE TEMP TABLE v6_first_lines AS
                SELECT file_id, MIN(line) AS line FROM cdrs WHERE file_id IS NOT NULL GROUP BY file_id;
            UPDATE cdr_files SET (first_row_key, first_row_check, first_row_start) = (
                SELECT c.row_key, c.row_check, c.start_at FROM v6_first_lines f JOIN cdrs c ON c.file_id = f.file_id
                WHERE f.file_id = cdr_files.id AND c.line = f.line ORDER BY c.id LIMIT 1)
            WHERE id IN (SELECT file_id FROM v6_first_lines);
            DROP TABLE v6_first_lines;
            """)
    }
}
