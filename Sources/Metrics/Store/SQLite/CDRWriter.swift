import GRDB
import GRDBSQLite

/// Writes CDRs and keeps every aggregate current in the same transaction, so a reader never sees a CDR without
/// its rollups or the other way round, and a killed writer leaves neither.
enum CDRWriter {
    /// Inserts `records` inside the caller's transaction; records already stored (same start and row key, see
    /// `RowKey`) are skipped. Returns how many were new.
    @discardableResult
    static func insert(_ records: [CallRecord], in db: Database) throws -> Int {
        let inserter = try Inserter(db)
        var rollups = RollupAccumulator()
        var inserted = 0
        try inserter.holdingConnection {
            for record in records where try inserter.insert(record) {
                inserted += 1
                rollups.add(record)
            }
        }
        try rollups.flush(into: db)
        return inserted
    }

    /// Inserts CDRs one at a time through one prepared statement, without touching the rollups: the caller counts
    /// the new ones (`CDRWriter.insert` does; an import counts a whole file before it flushes).
    final class Inserter {
        private var statement: FastStatement
        private var lookup: FastStatement
        /// What the text parameters point to (bound without a copy by SQLite).
        private var arena = TextArena()
        private let connection: OpaquePointer
        /// The parameter of `row_key` in the insert.
        private static let rowKeyParameter: Int32 = 2

        init(_ db: Database) throws {
            connection = db.sqliteConnection!
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

        deinit {
            // The statement stays in the connection's cache: it must not keep pointers into the arena.
            statement.clearBindings()
            arena.deallocate()
        }

        /// Runs `body` (inserts) holding the connection's mutex, which SQLite otherwise takes and releases for every
        /// bind and step: inside, those re-enter the recursive mutex without atomic operations. The connection is
        /// used by this thread only (GRDB serializes its use), so nobody waits on it.
        func holdingConnection<T>(_ body: () throws -> T) rethrows -> T {
            let mutex = sqlite3_db_mutex(connection)
            sqlite3_mutex_enter(mutex)
            defer { sqlite3_mutex_leave(mutex) }
            return try body()
        }

        /// Inserts `record` unless the store holds it already; returns whether it was new.
        ///
        /// A conflict on (start_at, row_key) is the same CDR when the stored `row_check` matches; otherwise it is
        /// another CDR whose 64-bit key collided, and the record goes under the next key of its probe sequence.
        func insert(_ record: CallRecord) throws -> Bool {
            arena.reset()
            statement.bind(record.source, copyingInto: &arena)
            statement.bind(record.rowKey.key)
            statement.bind(record.rowKey.check)
            statement.bind(record.callKey, copyingInto: &arena)
            statement.bind(record.legID, copyingInto: &arena)
            statement.bind(record.startAt)
            statement.bind(record.answerAt)
            statement.bind(record.endAt)
            statement.bind(record.duration)
            statement.bind(record.billsec)
            statement.bind(record.disposition.rawValue, copyingInto: &arena)
            statement.bind(record.hangupCause, copyingInto: &arena)
            statement.bind(record.customerID)
            statement.bind(record.carrierID)
            statement.bind(record.didID)
            statement.bind(record.src, copyingInto: &arena)
            statement.bind(record.dst, copyingInto: &arena)
            statement.bind(record.callerName, copyingInto: &arena)
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
