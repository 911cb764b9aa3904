import Foundation
import Metrics
@testable import ServerStore
import ServerTestSupport
import TermDashTestSupport
import XCTest

/// A writer sends each CDR straight to its shard's `cdr_local` (`ClickHouseShards`): every row must land where the
/// Distributed table `cdr_all` would have put it, or a retried CDR sent the other way would sit on another shard
/// than its first copy and `FINAL` would count it twice.
final class ClickHouseShardsTests: XCTestCase {
    private let now: Int64 = 1_709_303_843

    /// CDRs written by two stores, one given the servers in the other order (which server is which shard is asked
    /// of the servers, never taken from the options' order), are on the shards where the Distributed table puts
    /// the same keys (inserted through a scratch Distributed table with the same sharding expression). A wrong
    /// hash puts about half of them elsewhere, a wrong shard mapping all of them.
    func testCDRsSentStraightToTheirShardLandWhereTheDistributedTableWouldPutThem() throws {
        var settings = try TestServers.settings(cluster: true)
        let store = try ServerStore(settings)
        settings.clickhouse.reverse()
        let reversed = try ServerStore(settings)
        let shards = try XCTUnwrap(store.shards, "each server says which shard it is")
        XCTAssertEqual(reversed.shards?.nodeOfSlot, shards.nodeOfSlot.map { 1 - $0 })

        var random = seededRandom()
        let records = randomRecords(2_000, endingAt: now, spread: 3_600, carriers: 2, using: &random)
        XCTAssertEqual(try store.write { try $0.insertCDRs(Array(records[..<1_000])) }, 1_000)
        XCTAssertEqual(try reversed.write { try $0.insertCDRs(Array(records[1_000...])) }, 1_000)

        let nodes = store.clickhouse, database = store.database
        for node in nodes {
            try node.query("CREATE TABLE \(database).shard_check (row_key Int64) ENGINE = MergeTree ORDER BY row_key")
            try node.query("""
                CREATE TABLE \(database).shard_check_all AS \(database).shard_check
                ENGINE = Distributed(\(settings.cluster), \(database), shard_check, intHash64(row_key))
                """)
        }
        try nodes[0].query("INSERT INTO \(database).shard_check_all (row_key) FORMAT TSV",
                           body: records.map { "\($0.rowKey.key)\n" }.joined(), settings: "insert_distributed_sync=1")
        func keys(_ table: String, on node: ClickHouseLink) throws -> [Int64] {
            try node.rows("SELECT row_key FROM \(database).\(table) ORDER BY row_key").compactMap { Int64($0[0]) }
        }
        var stored = 0
        for (index, node) in nodes.enumerated() {
            let sent = try keys("cdr_local", on: node)
            XCTAssertGreaterThan(sent.count, 500, "node \(index) holds about half the CDRs")
            let expected = Set(try keys("shard_check", on: node))
            XCTAssertEqual(sent.filter { !expected.contains($0) }.count, 0, "node \(index): rows cdr_all puts elsewhere")
            XCTAssertEqual(sent.count, expected.count, "node \(index)")
            stored += sent.count
        }
        XCTAssertEqual(stored, records.count)
        // And the figures are the CDRs', once each.
        let figures = try MetricsEngine(store: store).figures(from: now - 3_600 - 60, to: now, at: now)
        XCTAssertEqual(figures[0]?.counts, BruteForce.counts(records))
    }

    /// ClickHouse's `intHash64` (MurmurHash3's finaliser of the key xor a constant), for a few keys, against ClickHouse itself.
    func testTheHashIsClickHousesIntHash64() throws {
        let settings = try TestServers.settings(cluster: false)
        let store = try ServerStore(settings)
        let keys: [Int64] = [0, 1, -1, 42, Int64.max, Int64.min, 8_070_450_532_247_928_832, -4_611_686_018_427_387_904]
        let list = keys.map { "toUInt64(toInt64(\($0)))" }.joined(separator: ", ")
        let answer = try store.clickhouse[0].rows("SELECT arrayJoin([\(list)]) AS k, intHash64(k)", database: false)
        XCTAssertEqual(answer.map { String($0[1]) }, keys.map { String(ClickHouseShards.intHash64(UInt64(bitPattern: $0))) })
    }
}
