import Foundation
import GRDB

/// The engine's read side: turns the store into the figures the views show. Every query is bounded by an index
/// range or a small live table, so the cost of a snapshot does not grow with the number of stored CDRs.
public final class MetricsEngine: Sendable {
    public let store: SQLiteStore
    /// What the aggregates keep: figures never read a level beyond its horizon.
    public let retention: Retention

    public init(store: SQLiteStore, retention: Retention = .standard) {
        self.store = store
        self.retention = retention
    }

    /// Everything the dashboard shows at `now` (UTC Unix seconds), read in one consistent transaction.
    /// - Parameters:
    ///   - liveWindow: how many seconds of the live-channels series to return, ending at `now`.
    ///   - tableRows: how many rows each top/bottom table gets.
    ///
    /// Only the first dashboard's panes (counters, live channels, customer tables): `dashboard(at:request:)` reads
    /// the others.
    public func dashboard(at now: Int64, liveWindow: Int = 600, tableRows: Int = 10) throws -> DashboardSnapshot {
        try dashboard(at: now, request: .basic(liveWindow: liveWindow, tableRows: tableRows))
    }

    /// Every pane `request` asks for at `now` (UTC Unix seconds), read in one consistent transaction.
    public func dashboard(at now: Int64, request: SnapshotRequest) throws -> DashboardSnapshot {
        try store.read { db in
            // One pass over the calls in progress serves the live series, the history and the channels tables.
            let live = request.history != nil || request.channelTables ? try LiveCalls.read(in: db) : nil
            var snapshot = DashboardSnapshot(
                takenAt: Date(timeIntervalSince1970: TimeInterval(now)),
                counters: try counters(in: db),
                liveChannels: try liveChannels(endingAt: now, seconds: request.liveWindow, live: live, in: db),
                topCustomers: try customersByChannels(highestFirst: true, limit: request.tableRows, in: db),
                bottomCustomers: try customersByChannels(highestFirst: false, limit: request.tableRows, in: db),
                storePath: store.path)
            if let range = request.history {
                snapshot.history = try history(range, at: now, live: live, in: db)
                snapshot.quality = try carrierQuality(range, at: now, in: db)
                if !request.excludedCarriers.isEmpty {
                    snapshot.qualityHistory = try figuresByBucket(range, at: now, excludingCarriers: request.excludedCarriers, in: db)
                }
            }
            if request.channelTables {
                snapshot.channelTables = try channelTables(rows: request.tableRows, live: live, in: db)
            }
            if let thresholds = request.checklist {
                snapshot.checklist = try checklist(
                    at: now, thresholds: thresholds, customerID: request.customerID,
                    lastHour: request.history == .oneHour ? snapshot.quality : nil, in: db)
            }
            if request.balance {
                snapshot.balance = try accountBalance(customerID: request.customerID, in: db)
            }
            return snapshot
        }
    }

    func counters(in db: Database) throws -> Counters {
        let row = try Row.fetchOne(db, sql: """
            SELECT (SELECT COUNT(*) FROM calls_in_progress),
                   (SELECT COALESCE(SUM(channels_configured), 0) FROM customers WHERE status = 'active'),
                   (SELECT COUNT(*) FROM customers WHERE status = 'active'),
                   (SELECT COUNT(*) FROM carriers),
                   (SELECT COUNT(*) FROM rate_cards)
            """)!
        return Counters(
            liveChannels: row[0], configuredChannels: row[1], activeCustomers: row[2], carriers: row[3],
            rateCards: row[4])
    }

    /// Channels in use at each second of (now - seconds, now]: a call holds a channel over [start, end), from
    /// its start, answered or not. Finished calls come from CDRs, running ones from `calls_in_progress`.
    func liveChannels(endingAt now: Int64, seconds: Int, live: LiveCalls? = nil, in db: Database) throws -> [Int] {
        guard seconds > 0 else { return [] }
        let first = now - Int64(seconds) + 1
        // delta[i] changes the count from second first+i on; one extra slot absorbs ends past the window.
        var delta = [Int](repeating: 0, count: seconds + 1)
        func occupy(_ start: Int64, _ end: Int64) {
            let from = max(start, first)
            let to = min(end, now + 1)
            guard from < to else { return }
            delta[Int(from - first)] += 1
            delta[Int(to - first)] -= 1
        }
        try FastRows.forEach(db, sql: "SELECT start_at, end_at FROM cdrs WHERE end_at > ? AND start_at <= ?",
                             arguments: [first, now]) { row in occupy(row.int(0), row.int(1)) }
        if let live {
            for start in live.starts where start <= now { occupy(start, now + 1) }
        } else {
            try FastRows.forEach(db, sql: "SELECT start_at FROM calls_in_progress WHERE start_at <= ?",
                                 arguments: [now]) { row in occupy(row.int(0), now + 1) }
        }
        var series = [Int](repeating: 0, count: seconds)
        var level = 0
        for index in 0..<seconds {
            level += delta[index]
            series[index] = level
        }
        return series
    }

    func customersByChannels(highestFirst: Bool, limit: Int, in db: Database) throws -> [ChannelUsage] {
        guard limit > 0 else { return [] }
        let order = highestFirst ? "DESC" : "ASC"
        // Highest: only customers holding channels. Lowest: every active customer, idle ones included.
        let filter = highestFirst ? "COALESCE(u.in_use, 0) > 0" : "c.status = 'active'"
        return try Row.fetchAll(
            db,
            sql: """
                SELECT c.name, COALESCE(u.in_use, 0) AS in_use, c.channels_configured
                FROM customers c
                LEFT JOIN (SELECT customer_id, COUNT(*) AS in_use FROM calls_in_progress GROUP BY customer_id) u
                    ON u.customer_id = c.id
                WHERE \(filter)
                ORDER BY in_use \(order), c.name
                LIMIT ?
                """, arguments: [limit]
        ).map { ChannelUsage(name: $0[0], inUse: $0[1], configured: $0[2]) }
    }
}

extension MetricsEngine {
    /// Channels in use now by every customer (active ones, idle included) or every carrier, busiest first.
    public func channelUsage(byCarrier: Bool) throws -> [ChannelUsage] {
        let table = byCarrier ? "carriers" : "customers"
        let column = byCarrier ? "carrier_id" : "customer_id"
        let filter = byCarrier ? "1" : "t.status = 'active' OR COALESCE(u.in_use, 0) > 0"
        return try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT t.name, COALESCE(u.in_use, 0) AS in_use, t.channels_configured
                FROM \(table) t
                LEFT JOIN (SELECT \(column) AS id, COUNT(*) AS in_use FROM calls_in_progress GROUP BY \(column)) u
                    ON u.id = t.id
                WHERE \(filter)
                ORDER BY in_use DESC, t.name
                """
            ).map { ChannelUsage(name: $0[0], inUse: $0[1], configured: $0[2]) }
        }
    }
}

/// The calls in progress as several panes need them, read in one pass (a scan of the live table costs about as
/// much as everything else a pane reads).
struct LiveCalls {
    var starts: [Int64] = []
    /// 0 where unknown.
    var carriers: [Int64] = []
    var dids: [Int64] = []

    static func read(in db: Database) throws -> LiveCalls {
        var live = LiveCalls()
        try FastRows.forEach(db, sql: "SELECT start_at, carrier_id, did_id FROM calls_in_progress", arguments: []) { row in
            live.starts.append(row.int(0))
            live.carriers.append(row.int(1))
            live.dids.append(row.int(2))
        }
        return live
    }
}
