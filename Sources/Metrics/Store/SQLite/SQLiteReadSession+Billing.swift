import GRDB

/// The billing dashboard's figures: customers, CDR files (`cdr_files`), help tickets (`help_tickets`) and invoices.
extension SQLiteReadSession: BillingReading {
    func billingFigures(at now: Int64) throws -> BillingFigures {
        var figures = BillingFigures()
        figures.customers = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customers") ?? 0
        // A path imported again (a re-import, a retry) is one file on disk, at its latest size.
        figures.cdrBytes = try Int64.fetchOne(db, sql: """
            SELECT COALESCE(SUM(size), 0) FROM cdr_files
            WHERE id IN (SELECT MAX(id) FROM cdr_files GROUP BY source, path)
            """) ?? 0
        for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) FROM cdr_files GROUP BY status") {
            let count: Int = row[1]
            switch row[0] as String {
            case "success": figures.filesSuccess += count
            case "error": figures.filesError += count
            default: figures.filesWaiting += count
            }
        }
        if let last = try Row.fetchOne(db, sql: """
            SELECT name, finished_at, status FROM cdr_files
            WHERE finished_at IS NOT NULL AND status IN ('success', 'error')
            ORDER BY finished_at DESC, id DESC LIMIT 1
            """) {
            figures.lastFile = .init(name: last[0], finishedAt: last[1], succeeded: (last[2] as String) == "success")
        }
        figures.openTickets = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM help_tickets WHERE closed_at IS NULL") ?? 0
        let months = BillingFigures.months(at: now)
        let end = TimeBucket.month.next(after: now)
        var perMonth = Dictionary(uniqueKeysWithValues: months.map { ($0, 0) })
        for row in try Row.fetchAll(db, sql: """
            SELECT finished_at FROM cdr_files
            WHERE status IN ('success', 'error') AND finished_at >= ? AND finished_at < ?
            """, arguments: [months[0], end]) {
            perMonth[TimeBucket.month.start(of: row[0]), default: 0] += 1
        }
        figures.filesPerMonth = months.map { BillingFigures.MonthCount(month: $0, files: perMonth[$0] ?? 0) }
        // The invoices' own reading, in this same read.
        if let pastMonth = BillingFigures.pastMonth(at: now) {
            figures.take(try invoiceSummary(period: pastMonth, top: 5))
        }
        return figures
    }
}
