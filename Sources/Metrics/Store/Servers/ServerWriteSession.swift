import Foundation
import Metrics
import PostgresNIO

/// One write of a servers store: ledger and live-table changes go to PostgreSQL inside the store's transaction;
/// CDRs are collected and sent to ClickHouse by `flushCDRs` just before the commit, only those not stored yet.
final class ServerWriteSession: StoreWriteSession {
    let store: ServerStore
    private var pending: [CallRecord] = []
    private var pendingKeys: Set<CDRKey> = []
    /// The rollup marks this write made (`rollup_dirty` ids), settled after its commit or rollback.
    private(set) var marked: [Int64] = []

    init(store: ServerStore) { self.store = store }

    /// What makes a CDR unique on ClickHouse: the ReplacingMergeTree's sorting key.
    struct CDRKey: Hashable {
        var start: Int64
        var key: Int64
        var check: Int64
    }

    func insertCDRs(_ records: [CallRecord]) throws -> Int {
        try insertCDRs(records) { _ in }
    }

    /// `insertCDRs`, handing each record stored already (on ClickHouse, or earlier in this write) to
    /// `alreadyStored`.
    func insertCDRs(_ records: [CallRecord], alreadyStored: (CallRecord) -> Void) throws -> Int {
        guard !records.isEmpty else { return 0 }
        var new = 0
        // A new file's range holds nothing yet: one count for all the records spares a query per chunk. What this
        // write sent itself is looked up only where a chunk's starts reach into the range it sent.
        let othersInRange = try rowsInRange(of: records[...], besidesOwn: true) > 0
        // A query names at most `keysPerQuery` keys: ClickHouse parses at most 256 KiB of query text.
        for start in stride(from: 0, to: records.count, by: Self.keysPerQuery) {
            let chunk = records[start..<min(start + Self.keysPerQuery, records.count)]
            let stored = try othersInRange || reachesSent(chunk) ? storedKeys(of: chunk) : []
            for record in chunk {
                let key = CDRKey(start: record.startAt, key: record.rowKey.key, check: record.rowKey.check)
                guard !stored.contains(key), pendingKeys.insert(key).inserted else {
                    alreadyStored(record)
                    continue
                }
                pending.append(record)
                new += 1
            }
        }
        // A long import sends as it goes: what it holds stays bounded whatever the file's size.
        if pending.count >= store.rowsPerSend { try sendCDRs() }
        return new
    }

    /// 20 digits and a comma each: about 100 KB of keys.
    static let keysPerQuery = 5_000

    /// A CDR's TSV line, about: 28 fields, a 36-character batch id among them; longer ones make the buffer grow.
    static let bytesPerRow = 300

    /// About 39 MB of TSV, a second or two of ClickHouse's time: on two shards, one request per shard per send
    /// (`ServerStore.rowsPerSend`). Each request is a part ClickHouse merges later: at 50,000 rows the shards
    /// spent 10 % more CPU on a 20 M-CDR load (docs/scale-out.md).
    static let rowsPerInsert = 130_000

    /// The keys among `records`' that ClickHouse holds already, over the records' time range, every copy
    /// with the write that stored it. A copy counts when that write committed (its batch is in `cdr_batches`); one
    /// left by a writer killed before its commit does not, so the retry stores the CDR as new (and `FINAL` keeps
    /// one of the two copies): the ledger then counts what SQLite would.
    private func storedKeys(of records: ArraySlice<CallRecord>) throws -> Set<CDRKey> {
        let first = records.map(\.startAt).min()!, last = records.map(\.startAt).max()!
        let range = "start_at >= \(first) AND start_at <= \(last)"
        // ClickHouse 18.16 spends about 0.1 s parsing 5,000 keys: a range holding nothing (a new file's rows)
        // needs no list, and one holding few rows besides these is read whole (extra keys do no harm).
        let inRange = try rowsInRange(of: records)
        guard inRange > 0 else { return [] }
        var condition = range
        if inRange > 4 * records.count {
            condition += " AND row_key IN (" + Set(records.map(\.rowKey.key)).map(String.init).joined(separator: ",") + ")"
        }
        var copies: [(key: CDRKey, batch: Substring)] = []
        for row in try store.clickhouse[0].rows("""
            SELECT start_at, row_key, row_check, \(ClickHouseSchema.batchColumn) FROM \(store.cdrTable)
            WHERE \(condition)
            """) where row.count == 4 {
            if let start = Int64(row[0]), let key = Int64(row[1]), let check = Int64(row[2]) {
                copies.append((CDRKey(start: start, key: key, check: check), row[3]))
            }
        }
        // This write's own copies (sent earlier in it, not committed yet) count as stored too: it sends a CDR once.
        let own = sent.map { Substring($0.batch) }
        let committed = try committedBatches(Set(copies.map(\.batch).filter { !$0.isEmpty && $0 != own }))
        return Set(copies.filter { $0.batch.isEmpty || $0.batch == own || committed.contains($0.batch) }.map(\.key))
    }

    /// How many rows ClickHouse holds over the records' range of starts (any write's, committed or not; but for
    /// this write's own when `besidesOwn`).
    private func rowsInRange(of records: ArraySlice<CallRecord>, besidesOwn: Bool = false) throws -> Int {
        let first = records.map(\.startAt).min()!, last = records.map(\.startAt).max()!
        var condition = "start_at >= \(first) AND start_at <= \(last)"
        if besidesOwn, let sent {
            condition += " AND \(ClickHouseSchema.batchColumn) != \(ClickHouseText.literal(sent.batch))"
        }
        return try store.clickhouse[0].rows("SELECT count() FROM \(store.cdrTable) WHERE \(condition)")
            .first.flatMap { $0.first.flatMap { Int($0) } } ?? 0
    }

    /// Whether the records' starts reach into the range of those this write has sent.
    private func reachesSent(_ records: ArraySlice<CallRecord>) -> Bool {
        guard let sent else { return false }
        return records.contains { $0.startAt >= sent.first && $0.startAt <= sent.last }
    }

    /// Which of `batches` are recorded in `cdr_batches`, i.e. were committed.
    private func committedBatches(_ batches: Set<Substring>) throws -> Set<Substring> {
        guard !batches.isEmpty else { return [] }
        // Batch ids are UUIDs (letters, digits and dashes): safe inside an array literal.
        let list = "{" + batches.filter { $0.allSatisfy { $0.isHexDigit || $0 == "-" } }.joined(separator: ",") + "}"
        return Set(try store.postgres.execute("SELECT id FROM cdr_batches WHERE id = ANY($1::text[])",
                                              [PostgresData(string: list)]).map { Substring(try $0.text(0)) })
    }

    /// What this write sent to ClickHouse: its batch, how many CDRs it counts as new, their range of starts.
    private var sent: (batch: String, cdrs: Int, first: Int64, last: Int64)?
    private lazy var batch = UUID().uuidString

    /// The starts of the CDRs sent, first and last (nil before any was sent).
    var sentRange: (first: Int64, last: Int64)? { sent.map { ($0.first, $0.last) } }

    /// Sends the collected CDRs to ClickHouse, under the write's one batch id.
    func sendCDRs() throws {
        guard !pending.isEmpty else { return }
        // Marked before the insert and committed at once: a writer killed at any point after it leaves the mark,
        // so readers never take a stale rollup for minutes whose CDRs changed.
        // From the first start to the last end: a call's channel seconds count in every minute it spans.
        var lowest = Int64.max, lastStart = Int64.min, highest = Int64.min, longest = Int64.min
        for record in pending {
            lowest = min(lowest, record.startAt)
            lastStart = max(lastStart, record.startAt)
            highest = max(highest, record.startAt, record.endAt)
            longest = max(longest, record.endAt - record.startAt)
        }
        // One mark per write, widened by each later send: its range is recomputed once after the commit.
        if let mark = marked.last, try store.widenRollupMark(mark, to: lowest..<(highest + 1), longest: longest) {
        } else {
            marked.append(try store.markRollups(lowest..<(highest + 1), longest: longest))
        }
        // A file's CDRs go in several requests, each within the store's timeout and of bounded size; rows of a
        // request that never committed are told by their batch, whichever requests got through.
        let batch = self.batch, database = store.database, nodes = store.clickhouse
        if let shards = store.shards {
            // Straight to each row's shard, every shard at once (see `ClickHouseShards`).
            var rowsOfNode = [[CallRecord]](repeating: [], count: nodes.count)
            for node in rowsOfNode.indices { rowsOfNode[node].reserveCapacity(pending.count / nodes.count * 11 / 10) }
            for record in pending { rowsOfNode[shards.node(ofRowKey: record.rowKey.key)].append(record) }
            try ConcurrentJobs.run(rowsOfNode.enumerated().filter { !$0.element.isEmpty }.map { node, rows in
                { try Self.send(rows, batch: batch, into: "\(database).cdr_local", on: nodes[node], settings: nil) }
            })
        } else {
            // Through the Distributed table on a cluster, synchronously: the commit that follows never announces
            // rows still queued on one node.
            try Self.send(pending, batch: batch, into: "\(database).\(store.cdrTable)", on: nodes[0],
                          settings: nodes.count > 1 ? "insert_distributed_sync=1" : nil)
        }
        sent = (batch, (sent?.cdrs ?? 0) + pending.count, min(lowest, sent?.first ?? lowest),
                max(lastStart, sent?.last ?? lastStart))
        // Emptied, not replaced: refilled to about the same size by the next rows (a set grown anew each time
        // spent as long resizing as inserting).
        pending.removeAll(keepingCapacity: true)
        // What was sent is found on ClickHouse from now on (`storedKeys`).
        pendingKeys.removeAll(keepingCapacity: true)
    }

    /// `records` into `table` on `node`, `rowsPerInsert` a request, the next one's TSV built while the last is
    /// in flight.
    private static func send(_ records: [CallRecord], batch: String, into table: String, on node: ClickHouseLink,
                             settings: String?) throws {
        var inFlight: ClickHouseLink.Request?
        for start in stride(from: 0, to: records.count, by: rowsPerInsert) {
            var body = ClickHouseTSV(capacity: min(rowsPerInsert, records.count - start) * Self.bytesPerRow)
            for record in records[start..<min(start + rowsPerInsert, records.count)] {
                tsv(record, batch: batch, into: &body)
            }
            try inFlight?.answer()
            inFlight = try node.start("INSERT INTO \(table) (\(ClickHouseSchema.columns)) FORMAT TSV", rows: body.finished(),
                                      settings: settings)
        }
        try inFlight?.answer()
    }

    /// Of the CDRs sent, how many a batch in `batches` (other writes') holds too: they are no longer counted as
    /// new by this write (see `ServerImportTransaction.storedMeanwhile`).
    func sentCDRs(alsoIn batches: [String]) throws -> Int {
        guard let sent, !batches.isEmpty else { return 0 }
        let mine = ClickHouseText.literal(sent.batch), column = ClickHouseSchema.batchColumn
        let list = ([sent.batch] + batches).map(ClickHouseText.literal).joined(separator: ", ")
        let found = try store.clickhouse[0].rows("""
            SELECT count() FROM (SELECT start_at, row_key, row_check FROM \(store.cdrTable)
                WHERE start_at >= \(sent.first) AND start_at <= \(sent.last) AND \(column) IN (\(list))
                GROUP BY start_at, row_key, row_check
                HAVING countIf(\(column) = \(mine)) > 0 AND countIf(\(column) != \(mine)) > 0)
            """).first.flatMap { $0.first.flatMap { Int($0) } } ?? 0
        self.sent?.cdrs -= found
        return found
    }

    /// Sends what is left and records the write's batch in `cdr_batches` (in the write's transaction), holding
    /// `ServerLock.cdrBatches` until the commit.
    func flushCDRs() throws {
        try sendCDRs()
        guard let sent else { return }
        try ServerLock.cdrBatches.take(on: store.postgres)
        try store.postgres.execute(
            "INSERT INTO cdr_batches (id, cdrs, first_start, last_start) VALUES ($1, $2, $3, $4)",
            [PostgresData(string: sent.batch), PostgresData(int64: Int64(sent.cdrs)), PostgresData(int64: sent.first),
             PostgresData(int64: sent.last)])
        self.sent = nil
    }

    /// One TSV line: the CDR's columns with its counters split as `RollupCounts` counts them, its batch, the
    /// caller's name and the billed seconds it states (`ClickHouseSchema.columns`).
    static func tsv(_ record: CallRecord, batch: String, into row: inout ClickHouseTSV) {
        let outcome = record.outcome
        let answered = outcome == .answered
        let digits = answered ? record.dtmfDigits : nil
        row.int(record.startAt); row.tab()
        row.int(record.rowKey.key); row.tab()
        row.int(record.rowKey.check); row.tab()
        row.int(record.endAt); row.tab()
        row.int(record.answerAt ?? -1); row.tab()
        row.text(record.source); row.tab()
        row.int(record.customerID ?? 0); row.tab()
        row.int(record.carrierID ?? 0); row.tab()
        row.int(record.didID ?? 0); row.tab()
        row.plain(record.disposition.rawValue); row.tab()
        row.int(Int64(record.duration)); row.tab()
        row.int(Int64(answered ? record.billsec : 0)); row.tab()
        row.flag(answered); row.tab()
        row.flag(outcome == .busy); row.tab()
        row.flag(outcome == .noAnswer); row.tab()
        row.flag(outcome == .failed); row.tab()
        row.flag(digits != nil); row.tab()
        row.flag((digits ?? 0) > 0); row.tab()
        row.int(Int64(digits ?? 0)); row.tab()
        row.int(record.sell?.micros ?? 0); row.tab()
        row.int(record.buy?.micros ?? 0); row.tab()
        row.flag(record.sell == nil); row.tab()
        row.flag(record.buy == nil); row.tab()
        row.text(record.src); row.tab()
        row.text(record.dst); row.tab()
        row.plain(batch); row.tab()
        row.text(record.callerName); row.tab()
        row.int(Int64(record.billsec))
        row.endRow()
    }

    // MARK: Calls in progress

    func startCalls(_ calls: [CallInProgress]) throws {
        for call in calls {
            try store.postgres.execute("""
                INSERT INTO calls_in_progress (call_key, source, start_at, answer_at, customer_id, carrier_id, did_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (call_key) DO UPDATE SET source = excluded.source, start_at = excluded.start_at,
                    answer_at = excluded.answer_at, customer_id = excluded.customer_id,
                    carrier_id = excluded.carrier_id, did_id = excluded.did_id
                """, [PostgresData(string: call.callKey), PostgresData(string: call.source),
                      PostgresData(int64: call.startAt), Self.data(call.answerAt), Self.data(call.customerID),
                      Self.data(call.carrierID), Self.data(call.didID)])
        }
    }

    func answerCall(_ callKey: String, at: Int64) throws {
        try store.postgres.execute("UPDATE calls_in_progress SET answer_at = $2 WHERE call_key = $1",
                                   [PostgresData(string: callKey), PostgresData(int64: at)])
    }

    func endCalls(_ callKeys: [String]) throws {
        for key in callKeys {
            try store.postgres.execute("DELETE FROM calls_in_progress WHERE call_key = $1", [PostgresData(string: key)])
        }
    }

    func dropCallsInProgress(source: String) throws {
        try store.postgres.execute("DELETE FROM calls_in_progress WHERE source = $1", [PostgresData(string: source)])
    }

    func sampleRegistrations(_ samples: [(minute: Int64, registrations: Int)]) throws {
        for sample in samples {
            try store.postgres.execute("""
                INSERT INTO registration_samples (minute, registrations) VALUES ($1, $2)
                ON CONFLICT (minute) DO UPDATE SET registrations = excluded.registrations
                """, [PostgresData(int64: sample.minute), PostgresData(int64: Int64(sample.registrations))])
        }
    }

    /// Nothing to prune: the servers keep their rollups as long as the CDRs they are recomputed from.
    func pruneAggregates(_ retention: Retention, at now: Int64) throws {}

    // MARK: Feeds

    func feed(named name: String) throws -> FeedState? {
        try store.postgres.execute(
            "SELECT name, kind, cursor, down_since, checked_at FROM feeds WHERE name = $1", [PostgresData(string: name)]
        ).first.map(ServerReadSession.feedState)
    }

    func storeFeed(_ feed: FeedState) throws {
        try store.postgres.execute("""
            INSERT INTO feeds (name, kind, cursor, down_since, checked_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, cursor = excluded.cursor,
                down_since = excluded.down_since, checked_at = excluded.checked_at
            """, [PostgresData(string: feed.name), PostgresData(string: feed.kind), PostgresData(int64: feed.cursor),
                  Self.data(feed.downSince), PostgresData(int64: feed.checkedAt)])
    }

    static func data(_ value: Int64?) -> PostgresData {
        value.map { PostgresData(int64: $0) } ?? PostgresData(type: .int8, formatCode: .binary, value: nil)
    }
}
