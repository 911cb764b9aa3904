import GRDB

/// The network-wide rollups of schema v5, by minute and by hour: the usual counters summed over every carrier,
/// plus the busiest second and the channel occupancy of the bucket. A history graph reads one row per bucket from
/// them (168 for a week) instead of one per carrier, and never scans the per-second table for its peak.
///
/// They are minute-level aggregates, kept for the minute retention (like `attempts_per_second`, from which the
/// peaks come) and pruned with it; older figures come from the carrier rollups.
enum NetworkRollup {
    static let levels: [TimeBucket] = [.minute, .hour]

    static func name(_ level: TimeBucket) -> String { "rollup_network_\(level.rawValue)" }

    static let tableNames = levels.map(name)

    /// Columns after the counters: the attempts of the busiest second of the bucket, the first second that
    /// reached them (NULL when the bucket has no attempt), and the seconds of finished calls inside the bucket.
    static let extraColumns = ["peak_attempts", "peak_second", "channel_seconds"]

    static func create(in db: Database) throws {
        for level in levels {
            let counters = RollupTable.counterColumns.map { "\($0) INTEGER NOT NULL DEFAULT 0" }
            try db.execute(sql: """
                CREATE TABLE \(name(level)) (
                    bucket INTEGER PRIMARY KEY,
                    \(counters.joined(separator: ",\n    ")),
                    peak_attempts INTEGER NOT NULL DEFAULT 0,
                    peak_second INTEGER,
                    channel_seconds INTEGER NOT NULL DEFAULT 0
                );
                """)
        }
    }

    /// Whether the store has them: not before v5 (the v2 migration rebuilds the rollups with today's code).
    static func exists(in db: Database) throws -> Bool {
        try db.tableExists(name(.minute))
    }

    /// Fills freshly created tables from what a v4 store keeps: counters from the carrier rollups, peaks from the
    /// per-second table, occupancy from the per-minute table; every bucket of the minute retention, and the hours
    /// from the first kept minute's hour on.
    static func fill(in db: Database) throws {
        let counters = RollupTable.counterColumns
        let sums = counters.map { "SUM(\($0))" }.joined(separator: ", ")
        try db.execute(sql: """
            INSERT INTO \(name(.minute)) (bucket, \(counters.joined(separator: ", ")))
            SELECT bucket, \(sums) FROM \(RollupTable.carrier(.minute).name) GROUP BY bucket;
            INSERT INTO \(name(.minute)) (bucket, channel_seconds)
            SELECT minute, channel_seconds FROM channel_seconds_per_minute WHERE 1
            ON CONFLICT (bucket) DO UPDATE SET channel_seconds = excluded.channel_seconds;
            """)
        guard let first = try Int64.fetchOne(db, sql: "SELECT MIN(bucket) FROM \(name(.minute))") else { return }
        let firstHour = TimeBucket.hour.start(of: first)
        try db.execute(sql: """
            INSERT INTO \(name(.hour)) (bucket, \(counters.joined(separator: ", ")))
            SELECT bucket, \(sums) FROM \(RollupTable.carrier(.hour).name) WHERE bucket >= ? GROUP BY bucket;
            """, arguments: [firstHour])
        try db.execute(sql: """
            INSERT INTO \(name(.hour)) (bucket, channel_seconds)
            SELECT bucket - bucket % 3600, SUM(channel_seconds) FROM \(name(.minute)) WHERE 1 GROUP BY 1
            ON CONFLICT (bucket) DO UPDATE SET channel_seconds = excluded.channel_seconds;
            """)
        var minutes: [Int64: Peak] = [:]
        var hours: [Int64: Peak] = [:]
        try FastRows.forEach(db, sql: "SELECT second, attempts FROM attempts_per_second", arguments: []) { row in
            let peak = Peak(attempts: row.int(1), second: row.int(0))
            minutes[TimeBucket.minute.start(of: peak.second), default: .none].merge(peak)
            hours[TimeBucket.hour.start(of: peak.second), default: .none].merge(peak)
        }
        for (level, peaks) in [(TimeBucket.minute, minutes), (.hour, hours)] {
            let statement = try db.makeStatement(sql: """
                UPDATE \(name(level)) SET peak_attempts = ?, peak_second = ? WHERE bucket = ?
                """)
            for (bucket, peak) in peaks where peak.attempts > 0 {
                try statement.execute(arguments: [peak.attempts, peak.second, bucket])
            }
        }
    }

    /// The busiest second of a bucket: the most attempts, the earliest second on a tie.
    struct Peak: Equatable {
        var attempts: Int64
        var second: Int64

        static let none = Peak(attempts: 0, second: .max)

        mutating func merge(_ other: Peak) {
            if other.attempts > attempts || (other.attempts == attempts && other.second < second) { self = other }
        }
    }

    /// What one batch adds to a bucket.
    struct Delta {
        var counts = RollupCounts()
        var peak = Peak.none
        var channelSeconds: Int64 = 0
    }

    /// Adds a batch's deltas inside the caller's transaction. Peaks are the busiest second's *total* after the
    /// batch (what the per-second upsert returned), so the stored peak is the larger of the two.
    static func flush(_ deltas: [TimeBucket: [Int64: Delta]], into db: Database) throws {
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
                for value in delta.counts.values { fast.bind(value) }
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
