import GRDB
import GRDBSQLite

/// Binds and steps a prepared GRDB statement through the SQLite C API directly. The CDR insert runs hundreds of
/// thousands of times a second during imports and back-fills; GRDB's boxed `StatementArguments` cost more than
/// SQLite itself there. Only the hot insert paths use this.
struct FastStatement {
    private let handle: OpaquePointer
    private let connection: OpaquePointer
    private var index: Int32 = 0

    init(_ statement: Statement, in db: Database) {
        handle = statement.sqliteStatement
        connection = db.sqliteConnection!
    }

    mutating func bind(_ value: Int64?) {
        index += 1
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    mutating func bind(_ value: Int?) { bind(value.map(Int64.init)) }

    /// Binds one parameter by position, leaving the others as they are (values stay bound after a run).
    func bind(_ value: Int64, at position: Int32) {
        sqlite3_bind_int64(handle, position, value)
    }

    mutating func bind(_ value: String?) {
        index += 1
        guard var value else {
            sqlite3_bind_null(handle, index)
            return
        }
        // SQLITE_TRANSIENT: SQLite copies the bytes before the closure returns.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        let position = index
        value.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress {
                    _ = sqlite3_bind_text(handle, position, base, Int32(chars.count), transient)
                } else {
                    _ = sqlite3_bind_text(handle, position, "", 0, transient)
                }
            }
        }
    }

    /// Binds `value` without SQLite copying it: its bytes are copied into `arena`, which must keep them until the
    /// parameter is bound again (or the bindings are cleared). A value that does not fit is bound as a copy.
    mutating func bind(_ value: String?, copyingInto arena: inout TextArena) {
        index += 1
        guard var value else {
            sqlite3_bind_null(handle, index)
            return
        }
        let position = index
        value.withUTF8 { bytes in
            if let start = arena.copy(bytes) {
                _ = sqlite3_bind_text(handle, position, start, Int32(bytes.count), nil)  // SQLITE_STATIC
            } else {
                let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress {
                        _ = sqlite3_bind_text(handle, position, base, Int32(chars.count), transient)
                    } else {
                        _ = sqlite3_bind_text(handle, position, "", 0, transient)
                    }
                }
            }
        }
    }

    /// Forgets every bound value (none of them points into an arena any more).
    func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    /// Runs the statement with the values bound since the last run; returns the number of rows it changed.
    mutating func execute() throws -> Int {
        defer {
            sqlite3_reset(handle)
            index = 0
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
        }
        return Int(sqlite3_changes(connection))
    }

    /// Runs a statement with a `RETURNING` clause of one integer column and returns the first row's value (nil
    /// when it returned no row).
    mutating func executeReturningInt() throws -> Int64? {
        defer {
            sqlite3_reset(handle)
            index = 0
        }
        var value: Int64?
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return value }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
            }
            if value == nil { value = sqlite3_column_int64(handle, 0) }
        }
    }
}

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

        /// The counters in `RollupTable.counterColumns` order, from `column` on.
        func counts(from column: Int32) -> RollupCounts {
            var counts = RollupCounts()
            counts.attempts = int(column)
            counts.answered = int(column + 1)
            counts.busy = int(column + 2)
            counts.noAnswer = int(column + 3)
            counts.failed = int(column + 4)
            counts.billsec = int(column + 5)
            counts.dtmfKnown = int(column + 6)
            counts.dtmfCalls = int(column + 7)
            counts.dtmfDigits = int(column + 8)
            counts.sellMicros = int(column + 9)
            counts.buyMicros = int(column + 10)
            counts.unratedSell = int(column + 11)
            counts.unratedBuy = int(column + 12)
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

/// Bytes that bound text parameters point to (`FastStatement.bind(_:copyingInto:)`): one buffer, refilled from its
/// start for each row. Binding text as SQLITE_TRANSIENT made SQLite free and allocate a buffer per parameter and row.
struct TextArena {
    private let base: UnsafeMutablePointer<CChar>
    private let capacity: Int
    private var used = 0

    init(capacity: Int = 1 << 16) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    /// Starts a row: earlier copies will be overwritten, so every parameter pointing to them must be bound again.
    mutating func reset() { used = 0 }

    /// Where `bytes` now are (NUL-terminated), or nil when the arena is full.
    mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar>? {
        guard used + bytes.count + 1 <= capacity else { return nil }
        let start = base + used
        if let source = bytes.baseAddress {
            UnsafeMutableRawPointer(start).copyMemory(from: source, byteCount: bytes.count)
        }
        start[bytes.count] = 0
        used += bytes.count + 1
        return UnsafePointer(start)
    }

    func deallocate() { base.deallocate() }
}
