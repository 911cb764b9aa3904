import GRDB
import GRDBSQLite

/// Reads integer rows through the SQLite C API. Summaries and figures read thousands of rollup rows per snapshot;
/// decoding them through GRDB's generic `Row` took most of the snapshot's time.
struct FastRows {
    struct Cursor {
        fileprivate let handle: OpaquePointer

        func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

        /// The column as text ("" for NULL); invalid UTF-8 is repaired, as `String(decoding:)` does.
        func text(_ column: Int32) -> String {
            guard let bytes = sqlite3_column_text(handle, column) else { return "" }
            let count = Int(sqlite3_column_bytes(handle, column))
            return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }

        func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

        /// The counters in `Counter.allCases` order, from `column` on.
        func counts(from column: Int32) -> RollupCounts {
            var counts = RollupCounts()
            for counter in Counter.allCases { counts[counter] = int(column + Int32(counter.rawValue)) }
            return counts
        }
    }

    /// Runs `sql` with integer `arguments` and calls `body` for each row. NULL reads as 0. The statement is cached
    /// unless `cached` is false: SQL that changes from call to call (an `IN` list) must not fill the cache.
    static func forEach(
        _ db: Database, sql: String, arguments: [Int64], cached: Bool = true, _ body: (Cursor) throws -> Void
    ) throws {
        let statement = cached ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        for (index, argument) in arguments.enumerated() { sqlite3_bind_int64(handle, Int32(index + 1), argument) }
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: String(cString: sqlite3_errmsg(db.sqliteConnection!)))
            }
            try body(Cursor(handle: handle))
        }
    }
}
