import Metrics
import SQLiteReference

extension PlainSQL {
    /// One timed pass of plain SQL over the raw CDRs, pane by pane in `Pane` order, in the compared shape.
    static func compute(store: SQLiteStore, at now: Int64) throws -> (PaneFigures, PassTiming) {
        let sql = try PlainSQL(path: store.path)
        var timer = PassTimer()
        let hourNow = now - now % 3_600
        let dayNow = now - now % 86_400
        let (dashboard, checklist) = try timer.time { try sql.dashboard(at: now, range: EngineSnapshot.request.history!) }
        let figures = PaneFigures(
            dashboard: dashboard,
            liveSummary: try timer.time { try sql.summary(bucketSeconds: 3_600, count: 24, current: hourNow) },
            dailySummary: try timer.time { try sql.summary(bucketSeconds: 86_400, count: 31, current: dayNow) },
            carrierTotals: try timer.time { try sql.totals(byCarrier: true, from: hourNow - 23 * 3_600, to: hourNow + 3_600) },
            customerTotals: try timer.time { try sql.totals(byCarrier: false, from: hourNow - 23 * 3_600, to: hourNow + 3_600) },
            last24Hours: try timer.time { try sql.network(from: now - 86_400, to: now) },
            checklist: checklist)
        return (figures, timer.finish())
    }
}
