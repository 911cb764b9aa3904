import Foundation
import Metrics
import PostgresNIO

/// The minute and second rollups on ClickHouse (`ClickHouseSchema.rollupMinuteTable`, `rollupSecondTable`):
/// recomputed, never incremented.
///
/// A writer marks the start range it is about to send in `rollup_dirty` (on `marks`, committed at once), sends its
/// CDRs, commits, then recomputes the marked minutes from `cdr_local` (`FINAL` where it holds copies of a CDR) on
/// each node with a version taken from `rollup_version` just before, and deletes its mark. A recompute starts after
/// every insert committed before its `nextval`, so the highest version of a minute is complete. Readers take marked minutes from the raw CDRs and
/// the others from the rollup. A mark whose connection is gone (a killed writer) is recomputed by the next writer
/// or by `rebuild`.
extension ServerStore {
    /// Marks the minutes holding `starts` as possibly stale; returns the mark's id. `longest` (the longest call
    /// written) raises `rollup_longest` first, so a recompute's scan reaches back far enough.
    func markRollups(_ starts: Range<Int64>, longest: Int64 = 0) throws -> Int64 {
        lock.lock()
        defer { lock.unlock() }
        try marks.execute("UPDATE rollup_longest SET seconds = $1 WHERE seconds < $1", [PostgresData(int64: longest)])
        let low = Self.minuteFloor(starts.lowerBound), high = Self.minuteFloor(starts.upperBound - 1) + 60
        let rows = try marks.execute("""
            INSERT INTO rollup_dirty (low, high, owner, owner_start)
            SELECT $1, $2, pid, backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid() RETURNING id
            """, [PostgresData(int64: low), PostgresData(int64: high)])
        guard let row = rows.first else {
            throw ServerStoreError.refused(server: marks.server, answer: "no rollup mark recorded")
        }
        return try row.int(0)
    }

    /// Widens this writer's mark `id` to hold `starts` too (committed at once, like the mark); false when the mark
    /// is gone (`rebuild` settled it meanwhile): the caller then makes a new one.
    func widenRollupMark(_ id: Int64, to starts: Range<Int64>, longest: Int64 = 0) throws -> Bool {
        lock.lock()
        defer { lock.unlock() }
        try marks.execute("UPDATE rollup_longest SET seconds = $1 WHERE seconds < $1", [PostgresData(int64: longest)])
        let low = Self.minuteFloor(starts.lowerBound), high = Self.minuteFloor(starts.upperBound - 1) + 60
        return try !marks.execute("""
            UPDATE rollup_dirty SET low = least(low, $2), high = greatest(high, $3) WHERE id = $1 RETURNING id
            """, [PostgresData(int64: id), PostgresData(int64: low), PostgresData(int64: high)]).isEmpty
    }

    /// Recomputes the ranges of the marks `ids` and deletes them, then any mark left by a writer that is gone. Never
    /// throws: the write is committed; a mark that could not be settled is handed to the next writer (owner 0).
    func settleRollups(_ ids: [Int64]) {
        guard !ids.isEmpty, settlesRollups else { return }
        lock.lock()
        defer { lock.unlock() }
        do {
            try settle(try marks.execute(
                "SELECT id, low, high FROM rollup_dirty WHERE id = ANY($1::bigint[])", [Self.idList(ids)]))
        } catch {
            _ = try? marks.execute("UPDATE rollup_dirty SET owner = 0 WHERE id = ANY($1::bigint[])", [Self.idList(ids)])
        }
        _ = try? settleOrphanRollups()
    }

    /// Recomputes and deletes the marks whose writer's connection is gone (a writer killed after its mark). Each is
    /// first taken over (its owner becomes this connection, committed at once), so two writers ending together do
    /// not both recompute it; one that cannot be settled (ClickHouse down) is handed on to the next writer (owner 0),
    /// and one whose taker dies is an orphan again.
    @discardableResult
    func settleOrphanRollups() throws -> Int {
        lock.lock()
        defer { lock.unlock() }
        let orphans = try marks.execute("""
            SELECT id, owner::bigint, coalesce(owner_start::text, '') FROM rollup_dirty d WHERE NOT EXISTS (
                SELECT 1 FROM pg_stat_activity a WHERE a.pid = d.owner AND a.backend_start = d.owner_start)
            """)
        // Taken only if its owner is still the one seen: of two writers taking it at once, the second waits for
        // the first's row lock, then finds another owner and takes nothing. (Re-testing "owner gone" instead would
        // not do: the second's view of the connections may predate the first's.)
        var taken: [PostgresRow] = []
        for orphan in orphans {
            taken += try marks.execute("""
                UPDATE rollup_dirty d SET owner = a.pid, owner_start = a.backend_start
                FROM pg_stat_activity a WHERE a.pid = pg_backend_pid()
                    AND d.id = $1 AND d.owner = $2 AND coalesce(d.owner_start::text, '') = $3
                RETURNING d.id, d.low, d.high
                """, [PostgresData(int64: try orphan.int(0)), PostgresData(int64: try orphan.int(1)),
                      PostgresData(string: try orphan.text(2))])
        }
        do {
            return try settle(taken)
        } catch {
            let ids = taken.compactMap { try? $0.int(0) }
            _ = try? marks.execute("UPDATE rollup_dirty SET owner = 0 WHERE id = ANY($1::bigint[])", [Self.idList(ids)])
            throw error
        }
    }

    /// On a store holding no CDR yet, settles the orphan marks at once (the mark of everything a new store's schema
    /// makes costs nothing to recompute now; left, the first writers would recompute everything they had just sent).
    func settleOrphanRollupsWhileEmpty() throws {
        for node in clickhouse {
            guard try node.rows("SELECT count() FROM \(database).cdr_local").first?.first == "0" else { return }
        }
        try settleOrphanRollups()
    }

    /// Recomputes and deletes every mark, a running writer's too (`rebuild`: recomputing a range never makes it
    /// wrong; that writer recomputes it again after its commit).
    @discardableResult
    func settleAllRollups() throws -> Int {
        lock.lock()
        defer { lock.unlock() }
        return try settle(try marks.execute("SELECT id, low, high FROM rollup_dirty"))
    }

    /// The longest call stored (`rollup_longest`), or nil while CDRs stored before the rollups are not measured yet
    /// (a mark of everything is left): how far before a window the calls overlapping it may start.
    func longestCall(on link: PostgresLink, stale: [Range<Int64>]) throws -> Int64? {
        guard !stale.contains(where: { $0.lowerBound <= -(1 << 61) }) else { return nil }
        return try link.execute("SELECT seconds FROM rollup_longest").first.map { try $0.int(0) }
    }

    /// The start ranges whose rollup rows may be stale (read from the raw CDRs).
    func dirtyRollupRanges(on link: PostgresLink) throws -> [Range<Int64>] {
        try link.execute("SELECT low, high FROM rollup_dirty").map { try $0.int(0)..<$0.int(1) }
    }

    @discardableResult
    private func settle(_ rows: [PostgresRow]) throws -> Int {
        guard !rows.isEmpty else { return 0 }
        let ids = try rows.map { try $0.int(0) }
        // Marks of one range (several steps of the schema each mark everything) are recomputed once.
        let ranges = Array(Set(try rows.map { try $0.int(1)..<$0.int(2) })).sorted { $0.lowerBound < $1.lowerBound }
        let everything = ranges.contains { $0.lowerBound <= -(1 << 61) }
        if everything { try measureLongestCall() }
        // A mark of everything (a new rollup, CDRs stored before the rollups) or of a long dense file would be one
        // GROUP BY over all its CDRs, past a server's memory limit for one query: a range holding more than
        // `cdrsPerRecompute` is recomputed in pieces. Only a mark of everything needs the stored extent (a scan of
        // every CDR's start and end) to know where to stop.
        var together: [Range<Int64>] = [], alone: [Range<Int64>] = []
        for range in everything ? Self.clipped(ranges, to: try storedExtent()) : ranges {
            let stored = try clickhouse[0].rows("""
                SELECT count() FROM \(database).\(cdrTable) WHERE start_at >= \(range.lowerBound) AND start_at < \(range.upperBound)
                """).first?.first.flatMap { Int($0) } ?? 0
            if stored <= Self.cdrsPerRecompute {
                together.append(range)
            } else {
                alone += Self.pieces(of: range, count: (stored + Self.cdrsPerRecompute - 1) / Self.cdrsPerRecompute)
            }
        }
        if !together.isEmpty { try recomputeRollups(together) }
        for piece in alone { try recomputeRollups([piece]) }
        try marks.execute("DELETE FROM rollup_dirty WHERE id = ANY($1::bigint[])", [Self.idList(ids)])
        return ids.count
    }

    /// Writes every (minute, customer, carrier) of `ranges` again from each node's own CDRs, with one new version.
    private func recomputeRollups(_ ranges: [Range<Int64>]) throws {
        guard let version = try marks.execute("SELECT nextval('rollup_version')").first.map({ try $0.int(0) }) else {
            throw ServerStoreError.refused(server: marks.server, answer: "no rollup version")
        }
        let condition = ranges.map { "(start_at >= \($0.lowerBound) AND start_at < \($0.upperBound))" }
            .joined(separator: " OR ")
        let sums = Counter.allCases.map { counter -> String in
            switch counter {
            case .attempts: return "toInt64(count())"
            case .sellMicros, .buyMicros: return "sum(toDecimal128(\(counter.name), 0))"
            default: return "toInt64(sum(\(counter.name)))"
            }
        }.joined(separator: ", ")
        let longest = try marks.execute("SELECT seconds FROM rollup_longest").first.map { try $0.int(0) } ?? 0
        // Channel seconds of a marked minute come from the calls overlapping it: started up to `longest` before it.
        let overlapping = ranges.map {
            "(end_at > \($0.lowerBound) AND start_at < \($0.upperBound) AND start_at >= \($0.lowerBound - longest))"
        }.joined(separator: " OR ")
        let minutes = ranges.map { "(m >= \($0.lowerBound) AND m < \($0.upperBound))" }.joined(separator: " OR ")
        // Calls ended in a marked second started at most `longest` before it (the bound keeps the scan to the range).
        let ending = ranges.map {
            "(end_at >= \($0.lowerBound) AND end_at < \($0.upperBound) AND start_at >= \($0.lowerBound - longest))"
        }.joined(separator: " OR ")
        let database = database
        // Where the CDRs a node's recompute reads hold no two copies of one CDR (the usual case: only a killed
        // writer's retry or two importers sending the same rows at once leave copies), `FINAL` is left out: its
        // merge of every part was about half the recompute's CPU (3.3 s a shard for an hour of 1,000 calls a second,
        // against 1.5 s without). Counted after the version was taken: rows sent after the count come from a writer
        // whose own mark covers them, recomputed later with a higher version.
        let area = ranges.map { "(start_at >= \($0.lowerBound - longest) AND start_at < \($0.upperBound))" }
            .joined(separator: " OR ")
        let statements = { @Sendable (final: String) in ["""
            INSERT INTO \(database).rollup_channel (minute, seconds, \(ClickHouseSchema.openColumn), version)
            SELECT m, toInt64(sum(least(end_at, m + 60) - greatest(start_at, m))), toInt64(countIf(start_at <= m)),
                toUInt64(\(version)) FROM (
                SELECT start_at, end_at,
                    (intDiv(start_at, 60) + toInt64(arrayJoin(range(toUInt64(intDiv(end_at - 1, 60) - intDiv(start_at, 60) + 1))))) * 60 AS m
                FROM \(database).cdr_local \(final) WHERE end_at > start_at AND (\(overlapping)))
            WHERE \(minutes) GROUP BY m
            """, """
            INSERT INTO \(database).rollup_minute
                (grouped_by, minute, customer_id, carrier_id, \(Self.rollupCounterColumns), version)
            SELECT arrayJoin([0, 1, 2, 3]) AS g, intDiv(start_at, 60) * 60 AS m,
                if(g = 1 OR g = 3, customer_id, toInt64(0)) AS cu, if(g = 2 OR g = 3, carrier_id, toInt64(0)) AS ca,
                \(sums), toUInt64(\(version))
            FROM \(database).cdr_local \(final) WHERE \(condition) GROUP BY g, m, cu, ca
            """, """
            INSERT INTO \(database).rollup_ended (second, ended, version)
            SELECT end_at, toInt64(count()), toUInt64(\(version))
            FROM \(database).cdr_local \(final) WHERE \(ending) GROUP BY end_at
            """, """
            INSERT INTO \(database).rollup_second (second, attempts, version)
            SELECT start_at, toInt64(count()), toUInt64(\(version))
            FROM \(database).cdr_local \(final) WHERE \(condition) GROUP BY start_at
            """] }
        // Every statement on every node at once: each reads its own node's CDRs and writes rows of one version, so
        // their order does not matter; the mark is deleted only once all have succeeded.
        try ConcurrentJobs.run(clickhouse.map { node in
            { @Sendable in
                let final = try Self.holdsCopies(of: area, in: "\(database).cdr_local", on: node) ? "FINAL" : ""
                try ConcurrentJobs.run(statements(final).map { statement in { @Sendable in try node.query(statement) } })
            }
        })
        try recomputeHours(ranges)
    }

    /// Writes every hour that `ranges` touch again from each node's minute rollup, with a version taken holding
    /// `ServerLock.hourRollup`. Exact without reading a CDR: whoever recomputes an hour last did so after its own
    /// minutes were written, and the highest version wins; a minute still marked (a writer not done, or killed)
    /// keeps its hour from being read until that mark is recomputed, hour included.
    private func recomputeHours(_ ranges: [Range<Int64>]) throws {
        let hours = ranges.map { (low: Self.hourFloor($0.lowerBound), high: Self.hourFloor($0.upperBound - 1) + 3_600) }
        let within = hours.map { "(minute >= \($0.low) AND minute < \($0.high))" }.joined(separator: " OR ")
        let sums = Counter.allCases.map { "sum(\($0.name))" }.joined(separator: ", ")
        let database = database
        try ServerLock.hourRollup.holding(on: marks) {
            guard let version = try marks.execute("SELECT nextval('rollup_version')").first.map({ try $0.int(0) }) else {
                throw ServerStoreError.refused(server: marks.server, answer: "no rollup version")
            }
            let statement = """
                INSERT INTO \(database).rollup_hour
                    (grouped_by, hour, customer_id, carrier_id, \(Self.rollupCounterColumns), version)
                SELECT grouped_by, intDiv(minute, 3600) * 3600 AS h, customer_id, carrier_id, \(sums), toUInt64(\(version))
                FROM \(database).rollup_minute FINAL WHERE \(within) GROUP BY grouped_by, h, customer_id, carrier_id
                """
            try ConcurrentJobs.run(clickhouse.map { node in { @Sendable in try node.query(statement) } })
        }
        mergeHourParts()
    }

    /// Merges each partition (month) of the hour rollup held in more than one part into one, on every node, at most
    /// every 10 s per process. A read with `FINAL` merges every part each time: right after the 100 M-CDR load the
    /// hour rollup was 6 parts, and its 200 customers × 24 hours cost ClickHouse 10.8 ms of CPU per shard, against
    /// 5.5 ms from one part (ClickHouse's own merges leave parts of unequal sizes apart). The rollup is small (some
    /// 300,000 rows per shard a day at 200 customers × 40 carriers, 6 M in a full month: a second or two to merge).
    /// An optimisation only: a failure (a merge already running) leaves the parts to the next one.
    private func mergeHourParts() {
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - hourPartsMerged >= 10_000_000_000 || hourPartsMerged == 0 else { return }
        hourPartsMerged = now
        let database = database
        try? ConcurrentJobs.run(clickhouse.map { node in
            { @Sendable in
                for row in try node.rows("""
                    SELECT partition FROM system.parts WHERE database = \(ClickHouseText.literal(database))
                        AND table = 'rollup_hour' AND active GROUP BY partition HAVING count() > 1
                    """) {
                    guard let month = row.first, month.allSatisfy(\.isNumber) else { continue }
                    _ = try? node.query("OPTIMIZE TABLE \(database).rollup_hour PARTITION \(month) FINAL")
                }
            }
        })
    }

    /// Whether `table` on `node` holds two rows of one CDR (its sorting key) among those whose starts match
    /// `condition`: their count with `FINAL` (which reads the key columns only) is lower than without.
    static func holdsCopies(of condition: String, in table: String, on node: ClickHouseLink) throws -> Bool {
        let counts = try node.rows("""
            SELECT (SELECT count() FROM \(table) WHERE \(condition)), (SELECT count() FROM \(table) FINAL WHERE \(condition))
            """)
        guard let row = counts.first, row.count == 2, let all = Int(row[0]), let distinct = Int(row[1]) else {
            throw ServerStoreError.refused(server: node.server, answer: "no count of stored copies")
        }
        return all != distinct
    }

    static func hourFloor(_ second: Int64) -> Int64 { second - ((second % 3_600) + 3_600) % 3_600 }

    /// Raises `rollup_longest` to the longest call stored: a mark of everything covers CDRs stored before the
    /// rollups, whose longest call is not known yet.
    private func measureLongestCall() throws {
        for node in clickhouse {
            if let longest = try node.rows("SELECT max(end_at - start_at) FROM \(database).cdr_local").first?.first
                .flatMap({ Int64($0) }) {
                try marks.execute("UPDATE rollup_longest SET seconds = $1 WHERE seconds < $1", [PostgresData(int64: longest)])
            }
        }
    }

    /// The seconds from the first start stored to the last end, in whole minutes; nil when no CDR is stored.
    private func storedExtent() throws -> Range<Int64>? {
        let row = try clickhouse[0].rows("SELECT count(), min(start_at), max(end_at) FROM \(database).\(cdrTable)").first
        guard let row, row.count == 3, let count = Int64(row[0]), count > 0,
              let first = Int64(row[1]), let last = Int64(row[2]) else { return nil }
        return Self.minuteFloor(first)..<(Self.minuteFloor(max(first, last)) + 60)
    }

    /// The most CDRs one recompute groups (a few hundred MB of a server's memory, whatever the period holds).
    static let cdrsPerRecompute = 4_000_000

    /// `ranges` cut to what is stored (`extent`; nil: nothing is).
    static func clipped(_ ranges: [Range<Int64>], to extent: Range<Int64>?) -> [Range<Int64>] {
        guard let extent else { return [] }
        return ranges.compactMap {
            let low = max(minuteFloor($0.lowerBound), extent.lowerBound), high = min($0.upperBound, extent.upperBound)
            return low < high ? low..<high : nil
        }
    }

    /// `range` cut into `count` pieces of about equal length on whole minutes (one when `count` is 0 or 1).
    static func pieces(of range: Range<Int64>, count: Int) -> [Range<Int64>] {
        let minutes = (range.upperBound - range.lowerBound + 59) / 60
        let each = max(1, (minutes + Int64(max(count, 1)) - 1) / Int64(max(count, 1))) * 60
        var pieces: [Range<Int64>] = []
        var low = range.lowerBound
        while low < range.upperBound {
            let high = min(low + each, range.upperBound)
            pieces.append(low..<high)
            low = high
        }
        return pieces
    }

    static let rollupCounterColumns = Counter.allCases.map(\.name).joined(separator: ", ")

    static func minuteFloor(_ second: Int64) -> Int64 { second - ((second % 60) + 60) % 60 }

    private static func idList(_ ids: [Int64]) -> PostgresData {
        PostgresData(string: "{" + ids.map(String.init).joined(separator: ",") + "}")
    }
}
