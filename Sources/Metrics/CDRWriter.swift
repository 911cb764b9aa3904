import GRDB

/// Writes CDRs and keeps every aggregate current in the same transaction, so a reader never sees a CDR without
/// its rollups or the other way round, and a killed writer leaves neither.
public enum CDRWriter {
    /// Inserts `records` inside the caller's transaction; rows whose row key is already stored are skipped.
    /// Returns how many were new.
    @discardableResult
    public static func insert(_ records: [CallRecord], in db: Database) throws -> Int {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO cdrs (source, row_key, call_key, leg_id, start_at, answer_at, end_at, duration, billsec,
                disposition, hangup_cause, customer_id, carrier_id, did_id, src, dst, caller_name, dtmf_digits,
                sell_micros, buy_micros, file_id, line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (row_key) DO NOTHING
            """)
        var fast = FastStatement(statement, in: db)
        var rollups = RollupAccumulator()
        var inserted = 0
        for record in records {
            fast.bind(record.source)
            fast.bind(record.rowKey)
            fast.bind(record.callKey)
            fast.bind(record.legID)
            fast.bind(record.startAt)
            fast.bind(record.answerAt)
            fast.bind(record.endAt)
            fast.bind(record.duration)
            fast.bind(record.billsec)
            fast.bind(record.disposition.rawValue)
            fast.bind(record.hangupCause)
            fast.bind(record.customerID)
            fast.bind(record.carrierID)
            fast.bind(record.didID)
            fast.bind(record.src)
            fast.bind(record.dst)
            fast.bind(record.callerName)
            fast.bind(record.dtmfDigits)
            fast.bind(record.sell?.micros)
            fast.bind(record.buy?.micros)
            fast.bind(record.fileID)
            fast.bind(record.line)
            if try fast.execute() > 0 {
                inserted += 1
                rollups.add(record)
            }
        }
        try rollups.flush(into: db)
        return inserted
    }
}
