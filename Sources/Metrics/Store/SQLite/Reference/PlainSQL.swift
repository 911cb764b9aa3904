import Foundation
import GRDB
import Metrics

/// The same figures from the `cdrs` table alone (no rollup, no occupancy table), with the definitions of
/// docs/schema.md written out in SQL: answered = answer_at IS NOT NULL AND billsec > 0; buckets are the UTC start
/// of the hour or day the call started in; an unknown customer or carrier is 0. The dashboard pane reads no rollup
/// in the engine either, so it is the engine's own queries.
public struct PlainSQL {
    private static let answered = "(answer_at IS NOT NULL AND billsec > 0)"

    /// The counters of `Counter`, in its order, as SQL over the raw CDRs (written out, not derived: this is the
    /// independent definition the engine is checked against).
    private static let aggregates = """
        COUNT(*),
        SUM(\(answered)),
        SUM(NOT \(answered) AND disposition = 'busy'),
        SUM(NOT \(answered) AND disposition IN ('answered', 'no_answer')),
        SUM(NOT \(answered) AND disposition IN ('failed', 'congestion')),
        SUM(CASE WHEN \(answered) THEN billsec ELSE 0 END),
        SUM(\(answered) AND dtmf_digits IS NOT NULL),
        SUM(CASE WHEN \(answered) AND dtmf_digits > 0 THEN 1 ELSE 0 END),
        SUM(CASE WHEN \(answered) THEN COALESCE(dtmf_digits, 0) ELSE 0 END),
        COALESCE(SUM(sell_micros), 0),
        COALESCE(SUM(buy_micros), 0),
        SUM(sell_micros IS NULL),
        SUM(buy_micros IS NULL)
        """

    /// The counters of `aggregates`, from column `first` on.
    private static func counts(_ row: Row, from first: Int) -> RollupCounts {
        RollupCounts(Counter.allCases.map { row[first + $0.rawValue] ?? 0 })
    }

    /// The raw rows of the store at `path`, read through a connection of its own: nothing of the engine is shared.
    private let queue: DatabaseQueue
    private let path: String

    public init(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        queue = try DatabaseQueue(path: path, configuration: configuration)
        self.path = path
    }

    /// Every dashboard pane (1 h history, 25 table rows, the whole checklist) in one read; the checklist apart.
    public func dashboard(at now: Int64, range: HistoryRange) throws -> (DashboardSnapshot, [ChecklistKey]) {
        try queue.read { db in
            var snapshot = try Self.dashboard(at: now, path: path, in: db)
            snapshot.history = try Self.history(range, at: now, in: db)
            snapshot.quality = try Self.quality(range, at: now, in: db)
            snapshot.channelTables = try Self.channelTables(rows: 25, in: db)
            snapshot.balance = try Self.balance(in: db)
            return (snapshot, try Self.checklist(at: now, in: db))
        }
    }

    /// Customers × `count` buckets of `bucketSeconds`, the last one starting at `current`.
    public func summary(bucketSeconds: Int64, count: Int, current: Int64) throws -> Grid {
        try queue.read { try Self.summary(bucketSeconds: bucketSeconds, count: count, current: current, in: $0) }
    }

    /// Per carrier (`byCarrier`) or per customer over [from, to).
    public func totals(byCarrier: Bool, from: Int64, to: Int64) throws -> [Int64: NamedCounts] {
        try queue.read {
            try Self.totals(column: byCarrier ? "carrier_id" : "customer_id", names: byCarrier ? "carriers" : "customers",
                            from: from, to: to, in: $0)
        }
    }

    /// The network's counters over [from, to), keyed 0 (empty when no call started in it).
    public func network(from: Int64, to: Int64) throws -> [Int64: RollupCounts] {
        try queue.read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT \(Self.aggregates) FROM cdrs WHERE start_at >= ? AND start_at < ?",
                arguments: [from, to])!
            let total = Self.counts(row, from: 0)
            return total.attempts == 0 ? [:] : [0: total]
        }
    }

    /// How many CDRs and calls in progress the store holds.
    public func storedRows() throws -> (cdrs: Int, live: Int) {
        try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cdrs") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM calls_in_progress") ?? 0)
        }
    }

    // MARK: The panes added with the history graphs

    /// The history of `range`: every CDR of the range and of the last seven UTC days, by bucket; the per-second
    /// starts for the peaks; the [start, end) of every call overlapping the range for the occupancy; the last
    /// registration sample before each bucket's end.
    private static func history(_ range: HistoryRange, at now: Int64, in db: Database) throws -> HistorySnapshot {
        let (from, to) = range.window(at: now)
        let step = range.step
        let count = range.bucketCount
        let today = now - now % 86_400
        let firstDay = today - 6 * 86_400
        var buckets: [Int64: RollupCounts] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT start_at - start_at % \(step), \(aggregates) FROM cdrs WHERE start_at >= ? AND start_at < ? GROUP BY 1
            """, arguments: [from, to]) {
            buckets[row[0]] = counts(row, from: 1)
        }
        let figures = (0..<count).map { TrafficFigures(buckets[from + Int64($0) * step] ?? RollupCounts()) }
        var daily: [MoneyPoint] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT start_at - start_at % 86400, COALESCE(SUM(sell_micros), 0), COALESCE(SUM(buy_micros), 0)
            FROM cdrs WHERE start_at >= ? AND start_at < ? GROUP BY 1
            """, arguments: [firstDay, today + 86_400]) {
            daily.append(MoneyPoint(bucket: row[0], spend: Money(micros: row[1]), cost: Money(micros: row[2])))
        }
        daily = (0..<7).map { day in
            let start = firstDay + Int64(day) * 86_400
            return daily.first { $0.bucket == start } ?? MoneyPoint(bucket: start, spend: Money(micros: 0), cost: Money(micros: 0))
        }
        var peakAttempts = [Int64](repeating: 0, count: count)
        var peakSeconds = [Int64?](repeating: nil, count: count)
        let perSecond = try Row.fetchCursor(db, sql: """
            SELECT start_at, COUNT(*) FROM cdrs WHERE start_at >= ? AND start_at < ? GROUP BY start_at ORDER BY start_at
            """, arguments: [from, to])
        while let row = try perSecond.next() {
            let second: Int64 = row[0], attempts: Int64 = row[1]
            let index = Int((second - from) / step)
            if attempts > peakAttempts[index] { (peakAttempts[index], peakSeconds[index]) = (attempts, second) }
        }
        var occupancy = [Int64](repeating: 0, count: count)
        func occupy(_ start: Int64, _ end: Int64) {
            var cursor = max(start, from)
            while cursor < min(end, to) {
                let index = Int((cursor - from) / step)
                let bucketEnd = from + Int64(index + 1) * step
                occupancy[index] += min(end, bucketEnd) - cursor
                cursor = bucketEnd
            }
        }
        let finished = try Row.fetchCursor(
            db, sql: "SELECT start_at, end_at FROM cdrs WHERE end_at > ? AND start_at < ?", arguments: [from, to])
        while let row = try finished.next() { occupy(row[0], row[1]) }
        for start in try Int64.fetchAll(db, sql: "SELECT start_at FROM calls_in_progress WHERE start_at < ?",
                                        arguments: [min(now, to)]) {
            occupy(start, now)
        }
        let registrations = try (1...count).map { index in
            try Int.fetchOne(db, sql: """
                SELECT registrations FROM registration_samples WHERE minute < ? ORDER BY minute DESC LIMIT 1
                """, arguments: [from + Int64(index) * step]) ?? 0
        }
        return HistorySnapshot(
            range: range, now: now, from: from, step: step, figures: figures, channelSeconds: occupancy,
            peakAttempts: peakAttempts, peakSeconds: peakSeconds, registrations: registrations, daily: daily)
    }

    /// Per carrier over the range's buckets, every carrier listed; busiest first, then by name.
    private static func quality(_ range: HistoryRange, at now: Int64, in db: Database) throws -> QualitySnapshot {
        let (from, to) = range.window(at: now)
        var byCarrier: [Int64: RollupCounts] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT COALESCE(carrier_id, 0), \(aggregates) FROM cdrs WHERE start_at >= ? AND start_at < ? GROUP BY 1
            """, arguments: [from, to]) {
            byCarrier[row[0]] = counts(row, from: 1)
        }
        var rows: [CarrierQuality] = []
        for row in try Row.fetchAll(db, sql: "SELECT id, name, status FROM carriers") {
            rows.append(CarrierQuality(id: row[0], name: row[1], active: (row[2] as String) == "active",
                                       counts: QualityCounts(byCarrier.removeValue(forKey: row[0]) ?? RollupCounts())))
        }
        for (id, counts) in byCarrier {
            rows.append(CarrierQuality(id: id, name: id == 0 ? "(unknown carrier)" : "#\(id)", active: true,
                                       counts: QualityCounts(counts)))
        }
        rows.sort { ($1.attempts, $0.name, $0.id) < ($0.attempts, $1.name, $1.id) }
        return QualitySnapshot(range: range, from: from, to: to, carriers: rows)
    }

    private static func channelTables(rows: Int, in db: Database) throws -> ChannelTables {
        func table(_ table: String, name: String, column: String, configured: String, highest: Bool,
                   only: String) throws -> [ChannelUsage] {
            try Row.fetchAll(db, sql: """
                SELECT t.\(name), COALESCE(u.in_use, 0) AS in_use, \(configured)
                FROM \(table) t
                LEFT JOIN (SELECT \(column), COUNT(*) AS in_use FROM calls_in_progress GROUP BY \(column)) u
                    ON u.\(column) = t.id
                WHERE \(highest ? "COALESCE(u.in_use, 0) > 0" : only)
                ORDER BY in_use \(highest ? "DESC" : "ASC"), t.\(name)
                LIMIT ?
                """, arguments: [rows]
            ).map { ChannelUsage(name: $0[0], inUse: $0[1], configured: $0[2]) }
        }
        return ChannelTables(
            topCarriers: try table("carriers", name: "name", column: "carrier_id", configured: "t.channels_configured",
                                   highest: true, only: ""),
            bottomCarriers: try table("carriers", name: "name", column: "carrier_id",
                                      configured: "t.channels_configured", highest: false, only: "t.status = 'active'"),
            topDIDs: try table("dids", name: "number", column: "did_id", configured: "NULL", highest: true, only: ""),
            bottomDIDs: try table("dids", name: "number", column: "did_id", configured: "NULL", highest: false, only: "1"))
    }

    /// What the checklist lists, in its order (alerts, then warnings; 20 items of a kind at most, the 20th summing
    /// up the rest), the carriers' ASR counted from the CDRs of the last hour.
    private static func checklist(at now: Int64, in db: Database) throws -> [ChecklistKey] {
        let limit = 20
        var result: [ChecklistKey] = []
        func add(_ kind: String, _ subjects: [Int64]) {
            let kept = subjects.count <= limit ? subjects.map(Optional.some) : subjects.prefix(limit - 1).map(Optional.some) + [nil]
            result += kept.map { ChecklistKey(kind: kind, subject: $0) }
        }
        let carriers = try Row.fetchOne(db, sql: "SELECT COUNT(*), COALESCE(SUM(status = 'active'), 0) FROM carriers")!
        if (carriers[0] as Int) == 0 || (carriers[1] as Int) == 0 { result.append(ChecklistKey(kind: "noCarriers")) }
        add("cdrFileError", try Int64.fetchAll(db, sql: "SELECT id FROM cdr_files WHERE status = 'error' ORDER BY id"))
        // Whether an import's process is still there is not SQL's to say: the ledger's owner check decides.
        add("importInterrupted", try Row.fetchAll(db, sql: """
            SELECT id, owner_pid, owner_start FROM cdr_files WHERE status = 'processing' ORDER BY id
            """).filter { row in
            !((row[1] as Int32?).map { FileLedger.Owner(pid: $0, start: row[2] ?? "").isRunning } ?? false)
        }.map { $0[0] as Int64 })
        add("balancePastLimit", try Int64.fetchAll(db, sql: """
            SELECT id FROM customers WHERE status = 'active' AND balance_micros < -ABS(debit_limit_micros)
            ORDER BY balance_micros + ABS(debit_limit_micros), name, id
            """))
        let (from, to) = HistoryRange.oneHour.window(at: now)
        add("lowASR", try Int64.fetchAll(db, sql: """
            SELECT COALESCE(c.carrier_id, 0) AS carrier FROM cdrs c LEFT JOIN carriers k ON k.id = c.carrier_id
            WHERE c.start_at >= ? AND c.start_at < ?
            GROUP BY 1
            HAVING COUNT(*) >= 20 AND SUM(c.answer_at IS NOT NULL AND c.billsec > 0) * 100.0 < 20.0 * COUNT(*)
            ORDER BY COUNT(*) DESC,
                COALESCE(MIN(k.name), CASE WHEN carrier = 0 THEN '(unknown carrier)' ELSE '#' || carrier END), carrier
            """, arguments: [from, to]))
        add("customerWithoutRateCard", try Int64.fetchAll(db, sql: """
            SELECT id FROM customers WHERE status = 'active' AND rate_card_id IS NULL ORDER BY name, id
            """))
        add("carrierWithoutRateCard", try Int64.fetchAll(db, sql: """
            SELECT id FROM carriers WHERE status = 'active' AND rate_card_id IS NULL ORDER BY name, id
            """))
        add("profileNotVerified", try Int64.fetchAll(db, sql: """
            SELECT id FROM customers WHERE profile_verified = 0 ORDER BY name, id
            """))
        return result
    }

    private static func balance(in db: Database) throws -> AccountBalance {
        let row = try Row.fetchOne(db, sql: """
            SELECT COUNT(*), COALESCE(SUM(balance_micros), 0), COALESCE(SUM(ABS(debit_limit_micros)), 0),
                COUNT(DISTINCT currency), MIN(currency), COALESCE(SUM(balance_micros < -ABS(debit_limit_micros)), 0)
            FROM customers WHERE status = 'active'
            """)!
        return AccountBalance(accounts: row[0], balance: Money(micros: row[1]), floor: Money(micros: -(row[2] as Int64)),
                              currency: (row[3] as Int) == 1 ? row[4] : nil, accountsPastLimit: row[5])
    }

    /// Per customer and bucket: `count` buckets of `bucketSeconds`, the last one starting at `current`. Rows: every
    /// active customer, and every customer (or the unknown one) with calls in the period; sorted by name, then id.
    private static func summary(bucketSeconds size: Int64, count: Int, current: Int64, in db: Database) throws -> Grid {
        let buckets = (0..<Int64(count)).map { current - (Int64(count) - 1 - $0) * size }
        let rows = try Row.fetchAll(db, sql: """
            SELECT COALESCE(customer_id, 0), start_at - start_at % \(size), \(aggregates)
            FROM cdrs WHERE start_at >= ? AND start_at < ?
            GROUP BY 1, 2
            """, arguments: [buckets[0], current + size])
        var cells: [Int64: [Int64: RollupCounts]] = [:]
        for row in rows { cells[row[0], default: [:]][row[1]] = counts(row, from: 2) }
        let called = cells.keys.map(String.init).joined(separator: ",")
        var names: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT id, name FROM customers WHERE status = 'active' OR id IN (\(called.isEmpty ? "NULL" : called))
            """) { names[row[0]] = row[1] }
        if cells[0] != nil { names[0] = "(unknown customer)" }
        let gridRows = names.map { id, name in
            GridRow(id: id, name: name, cells: buckets.map { cells[id]?[$0] ?? RollupCounts() })
        }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        return Grid(buckets: buckets, rows: gridRows)
    }

    private static func totals(column: String, names table: String, from: Int64, to: Int64, in db: Database) throws
        -> [Int64: NamedCounts]
    {
        var names: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM \(table)") { names[row[0]] = row[1] }
        var result: [Int64: NamedCounts] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT COALESCE(\(column), 0), \(aggregates)
            FROM cdrs WHERE start_at >= ? AND start_at < ?
            GROUP BY 1
            """, arguments: [from, to])
        {
            let id: Int64 = row[0]
            result[id] = NamedCounts(name: names[id] ?? (id == 0 ? "(unknown)" : "#\(id)"), counts: counts(row, from: 1))
        }
        return result
    }

    /// The dashboard pane as the engine reads it (it uses no rollup): counters, channels in use per second of the
    /// last 400 s from finished CDRs and live calls, and the busiest and idlest 25 customers.
    private static func dashboard(at now: Int64, path: String, in db: Database) throws -> DashboardSnapshot {
        let row = try Row.fetchOne(db, sql: """
            SELECT (SELECT COUNT(*) FROM calls_in_progress),
                   (SELECT COALESCE(SUM(channels_configured), 0) FROM customers WHERE status = 'active'),
                   (SELECT COUNT(*) FROM customers WHERE status = 'active'),
                   (SELECT COUNT(*) FROM carriers),
                   (SELECT COUNT(*) FROM rate_cards)
            """)!
        let counters = Counters(liveChannels: row[0], configuredChannels: row[1], activeCustomers: row[2],
                                carriers: row[3], rateCards: row[4])
        let window = 400
        let first = now - Int64(window) + 1
        var delta = [Int](repeating: 0, count: window + 1)
        func occupy(_ start: Int64, _ end: Int64) {
            let from = max(start, first)
            let to = min(end, now + 1)
            guard from < to else { return }
            delta[Int(from - first)] += 1
            delta[Int(to - first)] -= 1
        }
        let finished = try Row.fetchCursor(
            db, sql: "SELECT start_at, end_at FROM cdrs WHERE end_at > ? AND start_at <= ?", arguments: [first, now])
        while let row = try finished.next() { occupy(row[0], row[1]) }
        let running = try Int64.fetchCursor(
            db, sql: "SELECT start_at FROM calls_in_progress WHERE start_at <= ?", arguments: [now])
        while let start = try running.next() { occupy(start, now + 1) }
        var series = [Int](repeating: 0, count: window)
        var level = 0
        for index in 0..<window {
            level += delta[index]
            series[index] = level
        }
        func channels(highestFirst: Bool) throws -> [ChannelUsage] {
            try Row.fetchAll(db, sql: """
                SELECT c.name, COALESCE(u.in_use, 0) AS in_use, c.channels_configured
                FROM customers c
                LEFT JOIN (SELECT customer_id, COUNT(*) AS in_use FROM calls_in_progress GROUP BY customer_id) u
                    ON u.customer_id = c.id
                WHERE \(highestFirst ? "COALESCE(u.in_use, 0) > 0" : "c.status = 'active'")
                ORDER BY in_use \(highestFirst ? "DESC" : "ASC"), c.name
                LIMIT 25
                """
            ).map { ChannelUsage(name: $0[0], inUse: $0[1], configured: $0[2]) }
        }
        return DashboardSnapshot(
            takenAt: Date(timeIntervalSince1970: TimeInterval(now)), counters: counters, liveChannels: series,
            topCustomers: try channels(highestFirst: true), bottomCustomers: try channels(highestFirst: false),
            storePath: path)
    }
}
