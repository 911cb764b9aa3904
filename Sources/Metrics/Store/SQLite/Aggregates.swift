import GRDB

enum Aggregates {
    /// Drops aggregates older than the retention allows. CDRs are never pruned here.
    static func prune(_ retention: Retention, at now: Int64, in db: Database) throws {
        let minute = retention.minuteHorizon(at: now)
        try db.execute(sql: "DELETE FROM \(RollupTable.carrier(.minute).name) WHERE bucket < ?", arguments: [minute])
        try db.execute(sql: "DELETE FROM attempts_per_second WHERE second < ?", arguments: [minute])
        try db.execute(sql: "DELETE FROM channel_seconds_per_minute WHERE minute < ?", arguments: [minute])
        try db.execute(sql: "DELETE FROM rollup_network_second WHERE bucket < ?", arguments: [minute])
        try NetworkRollup.prune(before: minute, in: db)
        if let hour = retention.hourHorizon(at: now) {
            for table in RollupTable.all where table.level == .hour {
                try db.execute(sql: "DELETE FROM \(table.name) WHERE bucket < ?", arguments: [hour])
            }
        }
    }

    /// Recomputes every aggregate from the CDRs, inside the caller's transaction, then prunes as the retention
    /// says; the result is identical to what incremental writes kept. Returns the number of CDRs read.
    @discardableResult
    static func rebuild(_ retention: Retention, at now: Int64, in db: Database) throws -> Int {
        for table in RollupTable.all.map(\.name) + ["attempts_per_second", "channel_seconds_per_minute",
                                                         "rollup_network_second"] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        for table in NetworkRollup.tableNames { try db.execute(sql: "DELETE FROM \(table)") }
        var read = 0
        var lastID: Int64 = 0
        // In chunks by row id: bounded memory on any store, and no read cursor open across the flush's writes.
        while true {
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, start_at, answer_at, end_at, billsec, disposition, customer_id, carrier_id, dtmf_digits,
                    sell_micros, buy_micros
                FROM cdrs WHERE id > ? ORDER BY id LIMIT 200000
                """, arguments: [lastID])
            guard let last = rows.last else { break }
            lastID = last[0]
            var accumulator = RollupAccumulator()
            for row in rows {
                accumulator.add(CallRecord(
                    source: "", rowKey: RowKey(key: 0, check: 0), startAt: row[1], answerAt: row[2], endAt: row[3], duration: 0,
                    billsec: row[4], disposition: Disposition(rawValue: row[5]) ?? .failed, customerID: row[6],
                    carrierID: row[7], dtmfDigits: row[8], sell: (row[9] as Int64?).map(Money.init),
                    buy: (row[10] as Int64?).map(Money.init)))
            }
            try accumulator.flush(into: db)
            read += rows.count
        }
        try prune(retention, at: now, in: db)
        try recountCallsInProgress(in: db)
        return read
    }

    /// Counts the calls in progress again by group and start second (the triggers on `calls_in_progress` keep them
    /// as calls start and end; a writer that bypassed them, e.g. with INSERT OR REPLACE, is corrected here).
    static func recountCallsInProgress(in db: Database) throws {
        try db.execute(sql: """
            DELETE FROM live_calls_by_start;
            DELETE FROM live_calls_by_group;
            INSERT INTO live_calls_by_start (second, calls) SELECT start_at, COUNT(*) FROM calls_in_progress GROUP BY 1;
            INSERT INTO live_calls_by_group (dimension, group_id, calls)
                SELECT 'customer', COALESCE(customer_id, 0), COUNT(*) FROM calls_in_progress GROUP BY 2;
            INSERT INTO live_calls_by_group (dimension, group_id, calls)
                SELECT 'carrier', COALESCE(carrier_id, 0), COUNT(*) FROM calls_in_progress GROUP BY 2;
            INSERT INTO live_calls_by_group (dimension, group_id, calls)
                SELECT 'did', COALESCE(did_id, 0), COUNT(*) FROM calls_in_progress GROUP BY 2;
            """)
    }
}
