import Metrics
import PostgresNIO

/// The billing dashboard's figures on the servers, as SQLite's: customers, CDR files (`cdr_files` on PostgreSQL),
/// open tickets and invoices.
extension ServerReadSession {
    func billingFigures(at now: Int64) throws -> BillingFigures {
        let postgres = store.postgres
        var figures = BillingFigures()
        figures.customers = Int(try postgres.execute("SELECT count(*) FROM customers")[0].int(0))
        // A path imported again (a re-import, a retry) is one file on disk, at its latest size.
        figures.cdrBytes = try postgres.execute("""
            SELECT coalesce(sum(size), 0)::bigint FROM cdr_files
            WHERE id IN (SELECT max(id) FROM cdr_files GROUP BY source, path)
            """)[0].int(0)
        for row in try postgres.execute("SELECT status, count(*) FROM cdr_files GROUP BY status") {
            let count = Int(try row.int(1))
            switch try row.text(0) {
            case "success": figures.filesSuccess += count
            case "error": figures.filesError += count
            default: figures.filesWaiting += count
            }
        }
        if let last = try postgres.execute("""
            SELECT name, finished_at, status FROM cdr_files
            WHERE finished_at IS NOT NULL AND status IN ('success', 'error')
            ORDER BY finished_at DESC, id DESC LIMIT 1
            """).first {
            figures.lastFile = .init(name: try last.text(0), finishedAt: try last.int(1),
                                     succeeded: try last.text(2) == "success")
        }
        figures.openTickets = Int(try postgres.execute(
            "SELECT count(*) FROM help_tickets WHERE closed_at IS NULL")[0].int(0))
        let months = BillingFigures.months(at: now)
        let end = TimeBucket.month.next(after: now)
        var perMonth = Dictionary(uniqueKeysWithValues: months.map { ($0, 0) })
        for row in try postgres.execute("""
            SELECT finished_at FROM cdr_files
            WHERE status IN ('success', 'error') AND finished_at >= $1 AND finished_at < $2
            """, [PostgresData(int64: months[0]), PostgresData(int64: end)]) {
            perMonth[TimeBucket.month.start(of: try row.int(0)), default: 0] += 1
        }
        figures.filesPerMonth = months.map { BillingFigures.MonthCount(month: $0, files: perMonth[$0] ?? 0) }
        if let pastMonth = BillingFigures.pastMonth(at: now) {
            figures.take(try invoiceSummary(period: pastMonth, top: 5))
        }
        return figures
    }
}
