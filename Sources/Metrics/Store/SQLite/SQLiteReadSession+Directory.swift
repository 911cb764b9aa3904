import GRDB
import Foundation

/// Accounts, rate cards and failed files. Lists are sorted by SQLite (BINARY collation), so ties in the engine's
/// rankings go by name as stored.
extension SQLiteReadSession: DirectoryReading {
    func customers() throws -> [CustomerEntry] {
        var result: [CustomerEntry] = []
        try FastRows.forEach(db, sql: """
            SELECT c.id, c.name, c.account_code, c.status = 'active', c.channels_configured, c.currency,
                c.balance_micros, c.debit_limit_micros, c.rate_card_id IS NOT NULL, c.profile_verified, f.name
            FROM customers c LEFT JOIN cdr_files f ON f.id = c.first_seen_file_id
            """, arguments: []) { row in
            result.append(CustomerEntry(
                id: row.int(0), name: row.text(1), accountCode: row.text(2), active: row.int(3) != 0,
                channelsConfigured: Int(row.int(4)), currency: row.text(5), balance: Money(micros: row.int(6)),
                debitLimit: Money(micros: row.int(7)), hasRateCard: row.int(8) != 0, profileVerified: row.int(9) != 0,
                firstSeenFile: row.isNull(10) ? nil : row.text(10)))
        }
        // By name as SQLite's BINARY collation orders it (the bytes), then id: sorted here, as an ORDER BY on a
        // column without an index made SQLite sort every row through a temporary b-tree, several times a snapshot.
        // Each name's bytes copied once, then compared with memcmp: comparing the Strings themselves cost more
        // than SQLite's sort.
        let names = result.map { ContiguousArray($0.name.utf8) }
        let order = result.indices.sorted { left, right in
            let order = Self.compareBytes(names[left], names[right])
            return order == 0 ? result[left].id < result[right].id : order < 0
        }
        return order.map { result[$0] }
    }

    /// memcmp's order of two byte strings, a shorter prefix first: SQLite's BINARY collation.
    private static func compareBytes(_ left: ContiguousArray<UInt8>, _ right: ContiguousArray<UInt8>) -> Int32 {
        left.withUnsafeBufferPointer { a in
            right.withUnsafeBufferPointer { b in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order != 0 ? order : Int32(a.count) - Int32(b.count)
            }
        }
    }

    func carriers() throws -> [CarrierEntry] {
        var result: [CarrierEntry] = []
        // Names are unique: their index gives the order.
        try FastRows.forEach(db, sql: """
            SELECT id, name, status = 'active', channels_configured, rate_card_id IS NOT NULL FROM carriers ORDER BY name
            """, arguments: []) { row in
            result.append(CarrierEntry(id: row.int(0), name: row.text(1), active: row.int(2) != 0,
                                       channelsConfigured: Int(row.int(3)), hasRateCard: row.int(4) != 0))
        }
        return result
    }

    func didIDs() throws -> [Int64] {
        var result: [Int64] = []
        try FastRows.forEach(db, sql: "SELECT id FROM dids ORDER BY number", arguments: []) { row in
            result.append(row.int(0))
        }
        return result
    }

    func didNumbers(_ ids: [Int64]?) throws -> [Int64: String] {
        var result: [Int64: String] = [:]
        guard let ids else {
            try FastRows.forEach(db, sql: "SELECT id, number FROM dids", arguments: []) { row in
                result[row.int(0)] = row.text(1)
            }
            return result
        }
        guard !ids.isEmpty else { return result }
        // Integers, so safe to write into the SQL; not cached, as the list changes from read to read.
        try FastRows.forEach(db, sql: "SELECT id, number FROM dids WHERE id IN (\(ids.map(String.init).joined(separator: ",")))",
                             arguments: [], cached: false) { row in result[row.int(0)] = row.text(1) }
        return result
    }

    func rateCardCount() throws -> Int {
        var count: Int64 = 0
        try FastRows.forEach(db, sql: "SELECT COUNT(*) FROM rate_cards", arguments: []) { count = $0.int(0) }
        return Int(count)
    }

    func filesInError() throws -> [FailedFile] {
        var result: [FailedFile] = []
        try FastRows.forEach(db, sql: "SELECT id, name, first_error FROM cdr_files WHERE status = 'error' ORDER BY id",
                             arguments: []) { row in
            result.append(FailedFile(id: row.int(0), name: row.text(1), firstError: row.isNull(2) ? nil : row.text(2)))
        }
        return result
    }
}
