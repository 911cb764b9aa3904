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

    /// Binds the counters in `Counter.allCases` order.
    mutating func bind(_ counts: RollupCounts) {
        for counter in Counter.allCases { bind(counts[counter]) }
    }
}
