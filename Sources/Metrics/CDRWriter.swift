import GRDB

/// Writes CDRs and keeps every aggregate current in the same transaction, so a reader never sees a CDR without
/// its rollups or the other way round, and a killed writer leaves neither.
public enum CDRWriter {
    /// Inserts `records` inside the caller's transaction; records already stored (same start and row key, see
    /// `RowKey`) are skipped. Returns how many were new.
    @discardableResult
    public static func insert(_ records: [CallRecord], in db: Database) throws -> Int {
        var inserter = try Inserter(db)
        var rollups = RollupAccumulator()
        var inserted = 0
        for record in records where try inserter.insert(record) {
            inserted += 1
            rollups.add(record)
        }
        try rollups.flush(into: db)
        return inserted
    }

    /// Inserts CDRs one at a time through one prepared statement, without touching the rollups: the caller counts
    /// the new ones (`CDRWriter.insert` does; an import counts a whole file before it flushes).
    struct Inserter {
        private var statement: FastStatement
        private var lookup: FastStatement
        /// The parameter of `row_key` in the insert.
        private static let rowKeyParameter: Int32 = 2

        init(_ db: Database) throws {
            statement = FastStatement(try db.cachedStatement(sql: """
                INSERT INTO cdrs (source, row_key, row_check, call_key, leg_id, start_at, answer_at, end_at, duration,
                    billsec, disposition, hangup_cause, customer_id, carrier_id, did_id, src, dst, caller_name,
                    dtmf_digits, sell_micros, buy_micros, file_id, line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (start_at, row_key) DO NOTHING
                """), in: db)
            lookup = FastStatement(
                try db.cachedStatement(sql: "SELECT row_check FROM cdrs WHERE start_at = ? AND row_key = ?"), in: db)
        }

        /// Inserts `record` unless the store holds it already; returns whether it was new.
        ///
        /// A conflict on (start_at, row_key) is the same CDR when the stored `row_check` matches; otherwise it is
        /// another CDR whose 64-bit key collided, and the record goes under the next key of its probe sequence.
        mutating func insert(_ record: CallRecord) throws -> Bool {
            statement.bind(record.source)
            statement.bind(record.rowKey.key)
            statement.bind(record.rowKey.check)
            statement.bind(record.callKey)
            statement.bind(record.legID)
            statement.bind(record.startAt)
            statement.bind(record.answerAt)
            statement.bind(record.endAt)
            statement.bind(record.duration)
            statement.bind(record.billsec)
            statement.bind(record.disposition.rawValue)
            statement.bind(record.hangupCause)
            statement.bind(record.customerID)
            statement.bind(record.carrierID)
            statement.bind(record.didID)
            statement.bind(record.src)
            statement.bind(record.dst)
            statement.bind(record.callerName)
            statement.bind(record.dtmfDigits)
            statement.bind(record.sell?.micros)
            statement.bind(record.buy?.micros)
            statement.bind(record.fileID)
            statement.bind(record.line)
            var attempt = 0
            while true {
                // The bound values stay bound after a run: a probe only rebinds the key.
                if try statement.execute() > 0 { return true }
                let key = record.rowKey.probe(attempt)
                lookup.bind(record.startAt)
                lookup.bind(key)
                guard let stored = try lookup.executeReturningInt() else {
                    throw DatabaseError(message: "cdrs: insert of (\(record.startAt), \(key)) did nothing, yet no such row")
                }
                if stored == record.rowKey.check { return false }
                attempt += 1
                statement.bind(record.rowKey.probe(attempt), at: Self.rowKeyParameter)
            }
        }
    }
}
