import Foundation
import GRDBSQLite

/// Custom pages' SQL on a connection of its own, opened read-only, with three guards besides: an authorizer that
/// allows only reading (SELECT, reading columns, functions, recursive CTEs: every other action, among them INSERT,
/// UPDATE, DELETE, ATTACH, CREATE, DROP, PRAGMA and transactions, is denied while the statement is prepared),
/// `sqlite3_stmt_readonly` on what was prepared, and a progress handler that interrupts a query past its time
/// limit. The SQLite C API is used directly: GRDB keeps its own authorizer on its connections.
public final class SQLiteCustomQueries: CustomQueryReading, @unchecked Sendable {
    /// What the C callbacks see: the deadline and the action the authorizer denied last.
    private final class Guard {
        var deadline: UInt64 = .max
        var denied: Int32?
    }

    private let lock = NSLock()
    private var connection: OpaquePointer?
    private let openError: String?
    private let guardBox = Guard()

    /// Opens `path` read-only (it must exist). A store that cannot be opened makes every run fail with the reason.
    public init(path: String) {
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, nil)
        if code == SQLITE_OK, let handle {
            connection = handle
            openError = nil
            let context = Unmanaged.passUnretained(guardBox).toOpaque()
            sqlite3_set_authorizer(handle, { context, action, _, _, _, _ in
                switch action {
                case SQLITE_SELECT, SQLITE_READ, SQLITE_FUNCTION, SQLITE_RECURSIVE: return SQLITE_OK
                default:
                    let box = Unmanaged<Guard>.fromOpaque(context!).takeUnretainedValue()
                    if box.denied == nil { box.denied = action }
                    return SQLITE_DENY
                }
            }, context)
            sqlite3_progress_handler(handle, 1_000, { context in
                let deadline = Unmanaged<Guard>.fromOpaque(context!).takeUnretainedValue().deadline
                return DispatchTime.now().uptimeNanoseconds > deadline ? 1 : 0
            }, context)
        } else {
            openError = "cannot open \(path) read-only: " + (handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory")
            sqlite3_close(handle)
            connection = nil
        }
    }

    deinit { sqlite3_close(connection) }

    public func run(_ sql: String, customer: Int64?, limits: CustomQueryLimits)
        -> Result<CustomQueryResult, CustomQueryError>
    {
        lock.withLock {
            guard let db = connection else { return .failure(.failed(openError ?? "no store")) }
            guardBox.denied = nil
            guardBox.deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, limits.seconds) * 1e9)
            defer { guardBox.deadline = .max }
            var statement: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let bytes = Array(sql.utf8CString)
            let prepared = bytes.withUnsafeBufferPointer { buffer -> (Int32, String) in
                let code = sqlite3_prepare_v2(db, buffer.baseAddress, -1, &statement, &tail)
                let rest = tail.map { String(cString: $0) } ?? ""
                return (code, rest)
            }
            defer { sqlite3_finalize(statement) }
            if let denied = guardBox.denied {
                // The statement's first word names what was tried (CREATE is denied at its INSERT into
                // sqlite_schema); a WITH names the action its body was denied.
                let word = sql.split(whereSeparator: { !$0.isLetter }).first.map { $0.uppercased() } ?? ""
                let tried = ["SELECT", "WITH", "VALUES", ""].contains(word) ? Self.actionName(denied) : word
                return .failure(.refused("only reading is allowed (\(tried) is not)"))
            }
            guard prepared.0 == SQLITE_OK else { return .failure(.failed(String(cString: sqlite3_errmsg(db)))) }
            guard let statement else { return .failure(.refused("the query is empty")) }
            guard prepared.1.allSatisfy({ $0.isWhitespace || $0 == ";" }) else {
                return .failure(.refused("one statement only"))
            }
            guard sqlite3_stmt_readonly(statement) != 0 else { return .failure(.refused("the statement would write")) }
            let parameters = sqlite3_bind_parameter_count(statement)
            let customerIndex = sqlite3_bind_parameter_index(statement, ":customer")
            if let customer {
                guard customerIndex > 0 else { return .failure(.refused("a customer page's query must use :customer")) }
                sqlite3_bind_int64(statement, customerIndex, customer)
                guard parameters == 1 else { return .failure(.refused(":customer is the only parameter")) }
            } else if parameters > 0 {
                return .failure(.refused("parameters are only for customer pages (:customer)"))
            }
            let columnCount = sqlite3_column_count(statement)
            let columns = (0..<columnCount).map { String(cString: sqlite3_column_name(statement, $0)) }
            var rows: [[CustomQueryResult.Value]] = []
            while true {
                let code = sqlite3_step(statement)
                if code == SQLITE_DONE { break }
                if code == SQLITE_INTERRUPT { return .failure(.timedOut(limits.seconds)) }
                guard code == SQLITE_ROW else { return .failure(.failed(String(cString: sqlite3_errmsg(db)))) }
                guard rows.count < limits.rows else {
                    return .success(CustomQueryResult(columns: columns, rows: rows, truncated: true))
                }
                rows.append((0..<columnCount).map { Self.value(statement, $0) })
            }
            return .success(CustomQueryResult(columns: columns, rows: rows, truncated: false))
        }
    }

    private static func value(_ statement: OpaquePointer, _ column: Int32) -> CustomQueryResult.Value {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
        case SQLITE_NULL: return .null
        default:
            guard let text = sqlite3_column_text(statement, column) else { return .null }
            let count = Int(sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        }
    }

    /// The words of the actions a page's query most often tries, for its error.
    private static func actionName(_ action: Int32) -> String {
        switch action {
        case SQLITE_INSERT: return "INSERT"
        case SQLITE_UPDATE: return "UPDATE"
        case SQLITE_DELETE: return "DELETE"
        case SQLITE_ATTACH: return "ATTACH"
        case SQLITE_DETACH: return "DETACH"
        case SQLITE_PRAGMA: return "PRAGMA"
        case SQLITE_TRANSACTION: return "a transaction"
        case SQLITE_SAVEPOINT: return "SAVEPOINT"
        case SQLITE_ANALYZE: return "ANALYZE"
        case SQLITE_REINDEX: return "REINDEX"
        case SQLITE_ALTER_TABLE: return "ALTER TABLE"
        case SQLITE_CREATE_TABLE, SQLITE_CREATE_TEMP_TABLE, SQLITE_CREATE_INDEX, SQLITE_CREATE_TEMP_INDEX,
             SQLITE_CREATE_VIEW, SQLITE_CREATE_TEMP_VIEW, SQLITE_CREATE_TRIGGER, SQLITE_CREATE_TEMP_TRIGGER,
             SQLITE_CREATE_VTABLE: return "CREATE"
        case SQLITE_DROP_TABLE, SQLITE_DROP_TEMP_TABLE, SQLITE_DROP_INDEX, SQLITE_DROP_TEMP_INDEX, SQLITE_DROP_VIEW,
             SQLITE_DROP_TEMP_VIEW, SQLITE_DROP_TRIGGER, SQLITE_DROP_TEMP_TRIGGER, SQLITE_DROP_VTABLE: return "DROP"
        default: return "action \(action)"
        }
    }
}
