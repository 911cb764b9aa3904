import GRDB

extension SQLiteAccounts {
    /// `StoreLedger.priceUnratedCDRs`: the CDRs of `period` without a sell or buy price are priced as an import
    /// would price them now (`Rater`, answered = an answer time and billed seconds), and the aggregates, which count
    /// prices and unrated calls, are rebuilt in the same transaction when any changed.
    static func priceUnrated(in period: Period, retention: Retention, at now: Int64, in db: Database) throws -> Int {
        let rater = Rater(tables: try rateTables(in: db))
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.id, cu.rate_card_id, ca.rate_card_id, c.dst, c.billsec, c.answer_at IS NOT NULL, c.sell_micros,
                c.buy_micros
            FROM cdrs c LEFT JOIN customers cu ON cu.id = c.customer_id LEFT JOIN carriers ca ON ca.id = c.carrier_id
            WHERE c.start_at >= ? AND c.start_at < ? AND (c.sell_micros IS NULL OR c.buy_micros IS NULL)
            """, arguments: [period.from, period.to])
        let update = try db.makeStatement(sql: "UPDATE cdrs SET sell_micros = ?, buy_micros = ? WHERE id = ?")
        var priced = 0
        for row in rows {
            let billsec: Int = row[4]
            let answered = (row[5] as Bool) && billsec > 0
            let oldSell: Int64? = row[6]
            let oldBuy: Int64? = row[7]
            let (sell, buy) = rater.prices(sellCard: row[1], buyCard: row[2], dialled: row[3], billsec: billsec,
                                           answered: answered)
            let newSell = oldSell ?? sell?.micros
            let newBuy = oldBuy ?? buy?.micros
            guard newSell != oldSell || newBuy != oldBuy else { continue }
            try update.execute(arguments: [newSell, newBuy, row[0] as Int64])
            priced += 1
        }
        if priced > 0 { _ = try Aggregates.rebuild(retention, at: now, in: db) }
        return priced
    }
}
