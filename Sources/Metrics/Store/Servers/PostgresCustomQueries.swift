import Foundation
import Metrics
import PostgresNIO

/// Custom pages' SQL over the ledger on the servers: PostgreSQL's SQL, on a connection of its own, each query in a
/// transaction that is `READ ONLY`, runs as the role `ServerStore.pagesRole` (which may only read the ledger's
/// tables: no server files, no other sessions, whatever the store's own user may do), has a `statement_timeout`,
/// and is rolled back. Only a SELECT, WITH, VALUES or TABLE statement is run, one (the extended protocol takes no
/// more). `:customer` is bound as `$1`.
final class PostgresCustomQueries: CustomQueryReading, @unchecked Sendable {
    private let link: PostgresLink
    private let lock = NSLock()

    init(link: PostgresLink) { self.link = link }

    func run(_ sql: String, customer: Int64?, limits: CustomQueryLimits) -> Result<CustomQueryResult, CustomQueryError> {
        let word = sql.split(whereSeparator: { !$0.isLetter }).first.map { $0.uppercased() } ?? ""
        guard !word.isEmpty else { return .failure(.refused("the query is empty")) }
        guard ["SELECT", "WITH", "VALUES", "TABLE"].contains(word) else {
            return .failure(.refused("only reading is allowed (\(word) is not)"))
        }
        var text = sql
        var binds: [PostgresData] = []
        if let customer {
            guard text.contains(":customer") else { return .failure(.refused("a customer page's query must use :customer")) }
            text = text.replacingOccurrences(of: ":customer", with: "$1")
            binds = [PostgresData(int64: customer)]
        } else if text.contains(":customer") {
            return .failure(.refused("parameters are only for customer pages (:customer)"))
        }
        while let last = text.last, last.isWhitespace || last == ";" { text.removeLast() }
        let milliseconds = max(1, Int((limits.seconds * 1_000).rounded()))
        return lock.withLock {
            do {
                try link.execute("BEGIN READ ONLY")
                defer { _ = try? link.execute("ROLLBACK") }
                try link.execute("SET LOCAL statement_timeout = \(milliseconds)")
                do {
                    try link.execute("SET LOCAL ROLE \(ServerStore.pagesRole)")
                } catch {
                    return .failure(.failed("the ledger's pages run as the PostgreSQL role \(ServerStore.pagesRole), "
                        + "which is missing (docs/pages.md says how to make it)"))
                }
                let rows = try link.execute(text, binds)
                let columns = rows.first.map { row in row.map(\.columnName) } ?? []
                var values: [[CustomQueryResult.Value]] = []
                for row in rows {
                    guard values.count < limits.rows else {
                        return .success(CustomQueryResult(columns: columns, rows: values, truncated: true))
                    }
                    values.append(row.map(Self.value))
                }
                return .success(CustomQueryResult(columns: columns, rows: values, truncated: false))
            } catch ServerStoreError.refused(_, let message) {
                return .failure(Self.error(message, word: word, limits: limits))
            } catch {
                return .failure(.failed("\(error)"))
            }
        }
    }

    /// A cell as a number when PostgreSQL's type is one, null, or its text.
    private static func value(_ cell: PostgresCell) -> CustomQueryResult.Value {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return (try? cell.decode(Int64.self)).map { .integer($0) } ?? .null
        case .float4, .float8: return (try? cell.decode(Double.self)).map { .real($0) } ?? .null
        case .bool: return (try? cell.decode(Bool.self)).map { .integer($0 ? 1 : 0) } ?? .null
        default:
            if let text = try? cell.decode(String.self) { return .text(text) }
            return .text("(\(cell.dataType))")
        }
    }

    private static func error(_ message: String, word: String, limits: CustomQueryLimits) -> CustomQueryError {
        if message.contains("statement timeout") { return .timedOut(limits.seconds) }
        if message.contains("read-only transaction") { return .refused("the statement would write") }
        if message.contains("permission denied") || message.contains("must be a superuser") {
            return .refused("only the ledger's tables may be read (\(message))")
        }
        if message.contains("multiple commands") { return .refused("one statement only") }
        return .failed(message)
    }
}
