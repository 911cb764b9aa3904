import Foundation
import Metrics

/// Custom pages' SQL over the CDRs on the servers: ClickHouse's SQL, over the view `cdrs` (`ClickHouseSchema.cdrsView`),
/// on a link of its own. ClickHouse itself keeps it to reading: every query runs with `readonly=1`, under which it
/// refuses writes, DDL, `SET` and table functions (`url`, `file`, `remote`), and with `max_execution_time`; it
/// takes one statement per request. Only SELECT and WITH are sent. `:customer` becomes the session's customer id, an
/// integer.
final class ClickHouseCustomQueries: CustomQueryReading, @unchecked Sendable {
    private let link: ClickHouseLink
    private let lock = NSLock()

    init(link: ClickHouseLink) { self.link = link }

    func run(_ sql: String, customer: Int64?, limits: CustomQueryLimits) -> Result<CustomQueryResult, CustomQueryError> {
        var text = sql
        if let customer {
            guard text.contains(":customer") else { return .failure(.refused("a customer page's query must use :customer")) }
            text = text.replacingOccurrences(of: ":customer", with: String(customer))
        } else if text.contains(":customer") {
            return .failure(.refused("parameters are only for customer pages (:customer)"))
        }
        // Only a query: the answer's format is ours to add (ClickHouse refuses any write in readonly mode anyway).
        let word = text.split(whereSeparator: { !$0.isLetter }).first.map { $0.uppercased() } ?? ""
        guard word.isEmpty || ["SELECT", "WITH"].contains(word) else {
            return .failure(.refused("only reading is allowed (\(word) is not)"))
        }
        // A trailing semicolon is one statement still.
        while let last = text.last, last.isWhitespace || last == ";" { text.removeLast() }
        guard !text.isEmpty else { return .failure(.refused("the query is empty")) }
        let settings = "max_execution_time=\(max(1, Int(limits.seconds.rounded(.up))))"
            + "&max_result_rows=\(limits.rows + 1)&result_overflow_mode=break&readonly=1"
        let answer: String
        do {
            answer = try lock.withLock {
                try link.query(text + "\nFORMAT TSVWithNamesAndTypes", settings: settings)
            }
        } catch ServerStoreError.refused(_, let message) {
            return .failure(Self.error(message, sql: sql, limits: limits))
        } catch {
            return .failure(.failed("\(error)"))
        }
        var lines = answer.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard lines.count >= 2 else { return .success(CustomQueryResult(columns: [], rows: [], truncated: false)) }
        let columns = lines[0].split(separator: "\t", omittingEmptySubsequences: false).map(ClickHouseText.unescaped)
        let types = lines[1].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        var rows: [[CustomQueryResult.Value]] = []
        for line in lines.dropFirst(2) {
            guard rows.count < limits.rows else {
                return .success(CustomQueryResult(columns: columns, rows: rows, truncated: true))
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            rows.append(fields.enumerated().map { index, field in
                Self.value(field, type: index < types.count ? types[index] : "String")
            })
        }
        return .success(CustomQueryResult(columns: columns, rows: rows, truncated: false))
    }

    /// A field of the answer as its type says: integers and floats as numbers, `\N` as null, the rest as text.
    static func value(_ field: Substring, type: String) -> CustomQueryResult.Value {
        if field == "\\N" { return .null }
        var base = Substring(type)
        if base.hasPrefix("Nullable("), base.hasSuffix(")") { base = base.dropFirst(9).dropLast() }
        if base.hasPrefix("Int") || base.hasPrefix("UInt"), let number = Int64(field) { return .integer(number) }
        if base.hasPrefix("Float"), let number = Double(field) { return .real(number) }
        return .text(ClickHouseText.unescaped(field))
    }

    /// ClickHouse's refusal as a pane shows it.
    private static func error(_ message: String, sql: String, limits: CustomQueryLimits) -> CustomQueryError {
        if message.contains("Code: 159") { return .timedOut(limits.seconds) }
        if message.contains("Code: 164") || message.contains("Code: 62") && message.contains("Multi-statements") {
            if message.contains("Multi-statements") { return .refused("one statement only") }
            let word = sql.split(whereSeparator: { !$0.isLetter }).first.map { $0.uppercased() } ?? ""
            let tried = ["SELECT", "WITH", ""].contains(word) ? "a table function" : word
            return .refused("only reading is allowed (\(tried) is not)")
        }
        // "clickhouse …: the server refused the query: Code: 60, e.displayText() = DB::Exception: …": the exception.
        let text = message.components(separatedBy: "e.displayText() = ").last ?? message
        return .failed(text.replacingOccurrences(of: ", e.what() = DB::Exception", with: ""))
    }
}
