import GRDB

/// The live tables (`calls_in_progress` and its counts, `registrations`), the CDRs that overlap a window, through
/// `cdrs_by_end_start`, and the calls starting and ending per second.
extension SQLiteReadSession: LiveReading {
    func callsInProgress() throws -> [LiveCall] {
        var calls: [LiveCall] = []
        // NULL reads as 0, which no row id takes.
        try FastRows.forEach(db, sql: "SELECT start_at, customer_id, carrier_id, did_id FROM calls_in_progress",
                             arguments: []) { row in
            calls.append(LiveCall(start: row.int(0), customer: row.int(1), carrier: row.int(2), did: row.int(3)))
        }
        return calls
    }

    func liveSummary() throws -> LiveSummary {
        var summary = LiveSummary()
        // Sized first and the dimension read as a number: at carrier rates these are thousands of rows a second.
        try FastRows.forEach(db, sql: "SELECT COUNT(*) FROM live_calls_by_start", arguments: []) { row in
            summary.byStart.reserveCapacity(Int(row.int(0)))
        }
        try FastRows.forEach(db, sql: "SELECT second, calls FROM live_calls_by_start", arguments: []) { row in
            summary.byStart[row.int(0)] = Int(row.int(1))
        }
        try FastRows.forEach(db, sql: """
            SELECT CASE dimension WHEN 'customer' THEN 0 WHEN 'carrier' THEN 1 ELSE 2 END, group_id, calls
            FROM live_calls_by_group
            """, arguments: []) { row in
            switch row.int(0) {
            case 0: summary.byCustomer[row.int(1)] = Int(row.int(2))
            case 1: summary.byCarrier[row.int(1)] = Int(row.int(2))
            default: summary.byDID[row.int(1)] = Int(row.int(2))
            }
        }
        return summary
    }

    func finishedCalls(
        overlapping window: Range<Int64>, by grouping: FigureGrouping,
        _ visit: (_ group: Int64, _ start: Int64, _ end: Int64) -> Void
    ) throws {
        var arguments = [window.lowerBound, window.upperBound]
        var filter = ""
        if let customer = grouping.customerFilter {
            filter = " AND COALESCE(customer_id, 0) = ?"
            arguments.append(customer)
        }
        // For the network (group 0) the index on (end_at, start_at) covers the query.
        try FastRows.forEach(db, sql: """
            SELECT \(grouping.callColumn), start_at, end_at FROM cdrs WHERE end_at > ? AND start_at < ?\(filter)
            """, arguments: arguments) { row in visit(row.int(0), row.int(1), row.int(2)) }
    }

    func channelChanges(
        _ seconds: Range<Int64>, _ visit: (_ second: Int64, _ started: Int64, _ ended: Int64) -> Void
    ) throws {
        try FastRows.forEach(db, sql: """
            SELECT bucket, attempts, ended FROM rollup_network_second WHERE bucket >= ? AND bucket < ?
            """, arguments: [seconds.lowerBound, seconds.upperBound]) { row in visit(row.int(0), row.int(1), row.int(2)) }
    }

    func registrationsByCustomer() throws -> [Int64: Int] {
        var result: [Int64: Int] = [:]
        try FastRows.forEach(db, sql: "SELECT COALESCE(customer_id, 0), COUNT(*) FROM registrations GROUP BY 1",
                             arguments: []) { row in result[row.int(0)] = Int(row.int(1)) }
        return result
    }
}
