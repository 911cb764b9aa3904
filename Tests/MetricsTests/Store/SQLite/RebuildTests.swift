import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

final class RebuildTests: XCTestCase {
    private let aggregateTables = RollupTable.all.map(\.name) + ["attempts_per_second", "channel_seconds_per_minute"]
        + NetworkRollup.tableNames + ["rollup_network_second", "live_calls_by_start", "live_calls_by_group"]

    private func dump(_ store: SQLiteStore) throws -> [String: [[DatabaseValue]]] {
        try store.read { db in
            var tables: [String: [[DatabaseValue]]] = [:]
            for table in aggregateTables {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(table.hasPrefix("rollup_customer_carrier") ? "1, 2, 3" : table.hasPrefix("rollup") || table == "live_calls_by_group" ? "1, 2" : "1")")
                    .map { row in row.databaseValues.map { $0 } }
            }
            return tables
        }
    }

    /// Aggregates kept incrementally (in several transactions, then pruned) equal those recomputed from the CDRs.
    func testRebuildGivesIdenticalAggregates() throws {
        let temporary = try TemporaryStore()
        let now: Int64 = 1_763_683_200 + 13 * 3_600 + 1_234
        var random = seededRandom()
        try temporary.store.write { db in
            for index in 1...3 {
                try Accounts.addCustomer(.init(accountCode: "C\(index)", name: "C\(index)", channelsConfigured: 1, rateCardID: nil), createdAt: 0, in: db)
                try Accounts.addCarrier(name: "K\(index)", channelsConfigured: 1, rateCardID: nil, in: db)
            }
        }
        var records: [CallRecord] = []
        for index in 0..<5_000 {
            // Spread over 20 days, so some minute aggregates fall beyond the 7-day retention.
            let start = now - Int64.random(in: 0...20 * 86_400, using: &random)
            let answered = Bool.random(using: &random)
            records.append(.make(
                key: "k\(index)", start: start, answerAfter: answered ? 4 : nil,
                end: start + (answered ? 4 + Int64.random(in: 0...4_000, using: &random) : 20),
                disposition: answered ? .answered : .noAnswer, customer: Int64.random(in: 1...3, using: &random),
                carrier: Int64.random(in: 1...3, using: &random), dtmf: answered ? Int.random(in: 0...2, using: &random) : nil,
                sell: Bool.random(using: &random) ? nil : 1_000, buy: 700))
        }
        try temporary.store.write { db in
            for index in 0..<50 {
                try db.execute(sql: """
                    INSERT INTO calls_in_progress (call_key, source, start_at, customer_id, carrier_id)
                    VALUES (?, 'test', ?, ?, ?)
                    """, arguments: ["live\(index)", now - Int64(index % 7), index % 4 == 0 ? nil : Int64(index % 3 + 1),
                                     Int64(index % 3 + 1)])
            }
            try db.execute(sql: "DELETE FROM calls_in_progress WHERE call_key IN ('live3', 'live9')")
        }
        for chunk in stride(from: 0, to: records.count, by: 700) {
            try temporary.store.write { db in
                try CDRWriter.insert(Array(records[chunk..<min(records.count, chunk + 700)]), in: db)
            }
        }
        try temporary.store.write { try Aggregates.prune(.standard, at: now, in: $0) }
        let incremental = try dump(temporary.store)
        XCTAssertFalse(incremental["rollup_carrier_minute"]!.isEmpty)
        XCTAssertFalse(incremental["rollup_network_second"]!.isEmpty)
        let oldestSecond = try temporary.store.read { try Int64.fetchOne($0, sql: "SELECT MIN(bucket) FROM rollup_network_second") }!
        XCTAssertGreaterThanOrEqual(oldestSecond, Retention.standard.minuteHorizon(at: now), "old seconds are pruned")
        let oldest = try temporary.store.read { try Int64.fetchOne($0, sql: "SELECT MIN(bucket) FROM rollup_carrier_minute") }!
        XCTAssertGreaterThanOrEqual(oldest, Retention.standard.minuteHorizon(at: now), "old minutes are pruned")

        // Damage the aggregates, then rebuild.
        try temporary.store.write { db in
            try db.execute(sql: "DELETE FROM rollup_customer_day WHERE bucket = (SELECT MIN(bucket) FROM rollup_customer_day)")
            try db.execute(sql: "UPDATE rollup_carrier_hour SET attempts = attempts + 1")
            try db.execute(sql: "UPDATE rollup_network_minute SET peak_attempts = peak_attempts + 1, channel_seconds = 0")
            try db.execute(sql: "UPDATE rollup_network_second SET ended = ended + 1, sell_micros = 0")
            try db.execute(sql: "UPDATE live_calls_by_group SET calls = calls + 1 WHERE dimension = 'carrier'")
            try db.execute(sql: "DELETE FROM live_calls_by_start WHERE second = ?", arguments: [now])
        }
        XCTAssertNotEqual(try dump(temporary.store), incremental)
        let read = try temporary.store.write { try Aggregates.rebuild(.standard, at: now, in: $0) }
        XCTAssertEqual(read, records.count)
        XCTAssertEqual(try dump(temporary.store), incremental)
    }
}
