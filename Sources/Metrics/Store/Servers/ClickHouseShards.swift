/// Which configured ClickHouse server holds a CDR on a cluster, computed here as the Distributed table `cdr_all`
/// computes it (`intHash64(row_key)`, see `ClickHouseSchema.distributedTable`), so a writer sends each row straight
/// to its shard's `cdr_local`: the first node no longer parses every row and forwards half. A row sent again (a
/// retry) lands where its first copy did, whichever way either was sent, so `FINAL` on that shard collapses them.
///
/// Which server is which shard is asked of the servers (`system.clusters`, the row each one marks `is_local`),
/// never taken from the order of the options.
struct ClickHouseShards: Sendable, Equatable {
    /// Per slot (the hash modulo the shards' total weight), the index in `ServerStore.clickhouse` of the server
    /// holding that shard: the Distributed engine gives each shard, in `shard_num` order, as many slots as its weight.
    let nodeOfSlot: [Int]

    /// The index in `ServerStore.clickhouse` of the server whose shard holds the CDR keyed `rowKey`.
    func node(ofRowKey rowKey: Int64) -> Int {
        nodeOfSlot[Int(Self.intHash64(UInt64(bitPattern: rowKey)) % UInt64(nodeOfSlot.count))]
    }

    /// ClickHouse's `intHash64` function: MurmurHash3's 64-bit finaliser of the value xor a constant (the SQL
    /// function adds the constant; the finaliser alone answers 0 for 0, ClickHouse 4761183170873013810).
    static func intHash64(_ value: UInt64) -> UInt64 {
        var x = value ^ 0x4cf2_d2ba_ae6d_a887
        x ^= x >> 33
        x &*= 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x &*= 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }

    /// The slots of `shards` (`shard_num` → weight) given each shard's server index; nil unless every shard with a
    /// weight has exactly one configured server (replicas, or a shard no option names: left to the Distributed table).
    init?(weights: [Int: Int], nodeOfShard: [Int: Int]) {
        var slots: [Int] = []
        for shard in weights.keys.sorted() {
            guard let weight = weights[shard], weight > 0 else { continue }
            guard let node = nodeOfShard[shard] else { return nil }
            slots += Array(repeating: node, count: weight)
        }
        guard !slots.isEmpty else { return nil }
        nodeOfSlot = slots
    }

    /// Asks each server of `nodes` which shard of `cluster` it is (the same cluster definition on every one, each
    /// a different shard); nil when they do not say so plainly, and the writes then go through the Distributed table.
    static func discover(_ nodes: [ClickHouseLink], cluster: String) throws -> ClickHouseShards? {
        var weights: [Int: Int]?
        var nodeOfShard: [Int: Int] = [:]
        for (index, node) in nodes.enumerated() {
            let rows = try node.rows("""
                SELECT shard_num, shard_weight, is_local FROM system.clusters
                WHERE cluster = \(ClickHouseText.literal(cluster))
                """, database: false)
            var seen: [Int: Int] = [:]
            var local: Set<Int> = []
            for row in rows where row.count == 3 {
                guard let shard = Int(row[0]), let weight = Int(row[1]) else { return nil }
                seen[shard] = weight
                if row[2] == "1" { local.insert(shard) }
            }
            guard let shard = local.first, local.count == 1, nodeOfShard[shard] == nil else { return nil }
            guard weights == nil || weights == seen else { return nil }
            weights = seen
            nodeOfShard[shard] = index
        }
        guard let weights else { return nil }
        return ClickHouseShards(weights: weights, nodeOfShard: nodeOfShard)
    }
}
