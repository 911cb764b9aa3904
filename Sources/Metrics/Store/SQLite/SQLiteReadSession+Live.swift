import GRDB

/// The live tables (`calls_in_progress`, `registrations`) and the CDRs that overlap a window, through
/// `cdrs_by_end_start`.
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

    func registrationsByCustomer() throws -> [Int64: Int] {
        var result: [Int64: Int] = [:]
        try FastRows.forEach(db, sql: "SELECT COALESCE(customer_id, 0), COUNT(*) FROM registrations GROUP BY 1",
                             arguments: []) { row in result[row.int(0)] = Int(row.int(1)) }
        return result
    }
}
