import Foundation
import GRDB

/// Reads Kamailio's accounting database (an SQLite file db_sqlite writes): the `acc_cdrs` rows past a cursor.
/// Opened read-only, so the feed can never change what the switch wrote; Kamailio keeps it in WAL mode, so reads
/// do not block its inserts.
public final class AccCDRReader: @unchecked Sendable {
    public let path: String
    private let columns: AccColumns
    private let table: String
    private var queue: DatabaseQueue?

    /// Fails only on a bad column or table name; the file is opened at the first read (Kamailio may create it later).
    public init(path: String, columns: AccColumns = AccColumns(), table: String = "acc_cdrs") throws {
        for name in columns.names + [table] where !name.isEmpty || name == table {
            if let problem = AccColumns.problem(with: name) { throw AccReadError(path: path, reason: "\(name): \(problem)") }
        }
        self.path = path
        self.columns = columns
        self.table = table
    }

    /// Up to `limit` rows whose id is greater than `cursor`, by id.
    public func cdrs(after cursor: Int64, limit: Int) throws -> [AccCDR] {
        // An unmapped column (the DID's, by default) reads as NULL.
        let names = columns.names.map { $0.isEmpty ? "NULL" : "\"\($0)\"" }.joined(separator: ", ")
        let sql = "SELECT id, \(names) FROM \"\(table)\" WHERE id > ? ORDER BY id LIMIT ?"
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: [cursor, limit]).map { row in
                func text(_ index: Int) -> String {
                    let value: DatabaseValue = row[index]
                    switch value.storage {
                    case .null: return ""
                    case .string(let string): return string
                    case .int64(let int): return String(int)
                    case .double(let double): return String(double)
                    case .blob(let data): return String(decoding: data, as: UTF8.self)
                    }
                }
                return AccCDR(
                    id: row[0], callID: text(1), customer: text(2), carrier: text(3), src: text(4), dst: text(5),
                    code: text(6), dtmf: text(7), inviteTime: Self.epoch(text(8)), answerTime: Self.epoch(text(9)),
                    endTime: Self.epoch(text(10)), did: text(11))
            }
        }
    }

    /// The largest id in the table (0 when empty): a cursor past it means the database was made anew.
    public func lastID() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM \"\(table)\"") ?? 0 }
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            if queue == nil {
                guard FileManager.default.fileExists(atPath: path) else {
                    throw AccReadError(path: path, reason: "no such file")
                }
                var configuration = Configuration()
                configuration.readonly = true
                configuration.busyMode = .timeout(2)
                queue = try DatabaseQueue(path: path, configuration: configuration)
            }
            return try queue!.read(body)
        } catch let error as AccReadError {
            throw error
        } catch {
            // Opened again at the next read: the file may have been replaced.
            queue = nil
            throw AccReadError(path: path, reason: "\(error)")
        }
    }

    /// Epoch seconds from `$TV(Sn)` text ("1796347894.101356") or from db_sqlite's Julian days, which it stores in
    /// whole seconds shifted by half a second.
    static func epoch(_ text: String) -> Double? {
        guard let value = Double(text), value > 0 else { return nil }
        if value < 10_000_000 { return ((value - 2_440_587.5) * 86_400 + 0.5).rounded() }
        return value
    }
}
