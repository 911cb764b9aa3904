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
        var rollups = RollupAccumulator()
        var inserted = 0
        for record in records {
            try statement.execute(arguments: [
                record.source, record.rowKey, record.callKey, record.legID, record.startAt, record.answerAt,
                record.endAt, record.duration, record.billsec, record.disposition.rawValue, record.hangupCause,
                record.customerID, record.carrierID, record.didID, record.src, record.dst, record.callerName,
                record.dtmfDigits, record.sell?.micros, record.buy?.micros, record.fileID, record.line,
            ])
            if db.changesCount > 0 {
                inserted += 1
                rollups.add(record)
            }
        }
        try rollups.flush(into: db)
        return inserted
    }
}
