import GRDB

extension RollupDeltas {
    /// Upserts every row inside the caller's transaction.
    func write(into db: Database) throws {
        let counters = RollupTable.counterColumns
        for (table, rows) in tables where !rows.isEmpty {
            let columns = table.keyColumns + counters
            let statement = try db.cachedStatement(sql: """
                INSERT INTO \(table.name) (\(columns.joined(separator: ", ")))
                VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
                ON CONFLICT (\(table.keyColumns.joined(separator: ", "))) DO UPDATE SET
                    \(counters.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", "))
                """)
            var fast = FastStatement(statement, in: db)
            // In key order: each upsert lands next to the previous one in the table's b-tree.
            for (key, counts) in rows {
                fast.bind(key.values.0)
                fast.bind(key.values.1)
                if key.count == 3 { fast.bind(key.values.2) }
                fast.bind(counts)
                _ = try fast.execute()
            }
        }

        // The busiest second of a minute or hour is the largest per-second total after this flush: the stored
        // totals of the touched seconds are read once, then each second is written with its delta.
        var stored: [Int64: Int64] = [:]
        if let first = seconds.first?.0, let last = seconds.last?.0 {
            try FastRows.forEach(
                db, sql: "SELECT second, attempts FROM attempts_per_second WHERE second BETWEEN ? AND ?",
                arguments: [first, last]
            ) { row in stored[row.int(0)] = row.int(1) }
        }
        let perSecond = try db.cachedStatement(sql: """
            INSERT INTO attempts_per_second (second, attempts) VALUES (?, ?)
            ON CONFLICT (second) DO UPDATE SET attempts = attempts + excluded.attempts
            """)
        var fastPerSecond = FastStatement(perSecond, in: db)
        var peaks: [TimeBucket: [Int64: BusiestSecond]] = [:]
        for (second, attempts) in seconds {
            fastPerSecond.bind(second)
            fastPerSecond.bind(attempts)
            _ = try fastPerSecond.execute()
            let peak = BusiestSecond(attempts: (stored[second] ?? 0) + attempts, second: second)
            for level in NetworkDelta.levels {
                peaks[level, default: [:]][level.start(of: second), default: .none].merge(peak)
            }
        }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO channel_seconds_per_minute (minute, channel_seconds) VALUES (?, ?)
            ON CONFLICT (minute) DO UPDATE SET channel_seconds = channel_seconds + excluded.channel_seconds
            """)
        var fastOccupancy = FastStatement(statement, in: db)
        for (minute, seconds) in occupancy {
            fastOccupancy.bind(minute)
            fastOccupancy.bind(seconds)
            _ = try fastOccupancy.execute()
        }
        let secondStatement = try db.cachedStatement(sql: """
            INSERT INTO rollup_network_second (bucket, \(counters.joined(separator: ", ")), ended)
            VALUES (?, \(Array(repeating: "?", count: counters.count).joined(separator: ", ")), ?)
            ON CONFLICT (bucket) DO UPDATE SET
                \(counters.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", ")),
                ended = ended + excluded.ended
            """)
        var fastSeconds = FastStatement(secondStatement, in: db)
        for (second, delta) in networkSeconds {
            fastSeconds.bind(second)
            fastSeconds.bind(delta.counts)
            fastSeconds.bind(delta.ended)
            _ = try fastSeconds.execute()
        }
        var deltas: [TimeBucket: [Int64: NetworkDelta]] = [:]
        for (level, rows) in network {
            var rows = rows
            for (bucket, peak) in peaks[level] ?? [:] { rows[bucket, default: .init()].peak = peak }
            deltas[level] = rows
        }
        try NetworkRollup.flush(deltas, into: db)
    }
}

extension RollupAccumulator {
    /// Writes every delta (a row whose delta is zero — CDRs counted and taken back out — is left alone).
    func flush(into db: Database) throws {
        try deltas().write(into: db)
    }
}
