import GRDB

/// The network-wide rollups of schema v5, by minute and by hour: the usual counters summed over every carrier,
/// plus the busiest second and the channel occupancy of the bucket. A history graph reads one row per bucket from
/// them (168 for a week) instead of one per carrier, and never scans the per-second table for its peak.
///
/// They are minute-level aggregates, kept for the minute retention (like `attempts_per_second`, from which the
/// peaks come) and pruned with it; older figures come from the carrier rollups.
enum NetworkRollup {
    static var levels: [TimeBucket] { NetworkDelta.levels }

    static func name(_ level: TimeBucket) -> String { "rollup_network_\(level.rawValue)" }

    static let tableNames = levels.map(name)

    /// Columns after the counters: the attempts of the busiest second of the bucket, the first second that
    /// reached them (NULL when the bucket has no attempt), and the seconds of finished calls inside the bucket.
    static let extraColumns = ["peak_attempts", "peak_second", "channel_seconds"]

    /// Adds a batch's deltas inside the caller's transaction. Peaks are the busiest second's *total* after the
    /// batch (what the per-second upsert returned), so the stored peak is the larger of the two.
    static func flush(_ deltas: [TimeBucket: [Int64: NetworkDelta]], into db: Database) throws {
        let counters = RollupTable.counterColumns
        let columns = ["bucket"] + counters + extraColumns
        for (level, rows) in deltas where !rows.isEmpty {
            let statement = try db.cachedStatement(sql: """
                INSERT INTO \(name(level)) (\(columns.joined(separator: ", ")))
                VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
                ON CONFLICT (bucket) DO UPDATE SET
                    \(counters.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", ")),
                    channel_seconds = channel_seconds + excluded.channel_seconds,
                    peak_second = CASE
                        WHEN excluded.peak_attempts > peak_attempts
                            OR (excluded.peak_attempts = peak_attempts AND excluded.peak_second < peak_second)
                        THEN excluded.peak_second ELSE peak_second END,
                    peak_attempts = MAX(peak_attempts, excluded.peak_attempts)
                """)
            var fast = FastStatement(statement, in: db)
            for (bucket, delta) in rows {
                fast.bind(bucket)
                fast.bind(delta.counts)
                let hasPeak = delta.peak.attempts > 0
                fast.bind(hasPeak ? delta.peak.attempts : 0)
                fast.bind(hasPeak ? delta.peak.second : nil)
                fast.bind(delta.channelSeconds)
                _ = try fast.execute()
            }
        }
    }

    static func prune(before horizon: Int64, in db: Database) throws {
        for table in tableNames {
            try db.execute(sql: "DELETE FROM \(table) WHERE bucket < ?", arguments: [horizon])
        }
    }
}
