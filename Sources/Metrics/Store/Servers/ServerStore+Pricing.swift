import Foundation
import Metrics
import PostgresNIO

/// `priceUnratedCDRs` on ClickHouse. A CDR is never updated in place: the priced CDR is written again as a new
/// row with the same key, which the ReplacingMergeTree keeps over the older one (the last inserted wins, at merge
/// and under `FINAL`; both copies are on the same shard, sharded by row key). A re-run finds no CDR whose price
/// would change and writes nothing; a run killed part-way has priced some CDRs, and the next run prices the rest.
extension ServerStore {
    public func priceUnratedCDRs(in period: Period, retention: Retention, at now: Int64) throws -> Int {
        try reading {
            let rater = Rater(tables: try loadRateTables())
            var customerCards: [Int64: Int64] = [:], carrierCards: [Int64: Int64] = [:]
            for row in try postgres.execute("SELECT id, rate_card_id FROM customers WHERE rate_card_id IS NOT NULL") {
                customerCards[try row.int(0)] = try row.int(1)
            }
            for row in try postgres.execute("SELECT id, rate_card_id FROM carriers WHERE rate_card_id IS NOT NULL") {
                carrierCards[try row.int(0)] = try row.int(1)
            }
            let names = ClickHouseSchema.columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            func column(_ name: String) -> Int { names.firstIndex(of: name)! }
            let (customer, carrier, dst) = (column("customer_id"), column("carrier_id"), column("dst"))
            let (billsec, answered) = (column("billsec"), column("answered"))
            let (sell, buy, unratedSell, unratedBuy) = (
                column("sell_micros"), column("buy_micros"), column("unrated_sell"), column("unrated_buy"))
            var body = ""
            var priced = 0
            var first = Int64.max, last = Int64.min
            for var row in try clickhouse[0].rows("""
                SELECT \(ClickHouseSchema.columns) FROM \(cdrTable) FINAL
                WHERE start_at >= \(period.from) AND start_at < \(period.to) AND (unrated_sell = 1 OR unrated_buy = 1)
                """) where row.count == names.count {
                // As an import prices: answered is an answer time and billed seconds (the `answered` column), and
                // `billsec` holds the billed seconds of answered calls.
                let seconds = Int(row[billsec]) ?? 0, isAnswered = row[answered] == "1"
                let dialled = ClickHouseText.unescaped(row[dst])
                var changed = false
                if row[unratedSell] == "1", let price = rater.price(
                    card: Int64(row[customer]).flatMap { customerCards[$0] }, dialled: dialled, billsec: seconds,
                    answered: isAnswered) {
                    row[sell] = Substring(String(price.micros))
                    row[unratedSell] = "0"
                    changed = true
                }
                if row[unratedBuy] == "1", let price = rater.price(
                    card: Int64(row[carrier]).flatMap { carrierCards[$0] }, dialled: dialled, billsec: seconds,
                    answered: isAnswered) {
                    row[buy] = Substring(String(price.micros))
                    row[unratedBuy] = "0"
                    changed = true
                }
                guard changed else { continue }
                if let start = Int64(row[column("start_at")]) { (first, last) = (min(first, start), max(last, start)) }
                // The other fields go back as ClickHouse wrote them: its TSV output is its TSV input.
                body += row.joined(separator: "\t") + "\n"
                priced += 1
            }
            guard priced > 0 else { return 0 }
            // The new versions change the minutes' money: marked before the insert, recomputed after it.
            let mark = try markRollups(first..<(last + 1))
            defer { settleRollups([mark]) }
            try clickhouse[0].query(
                "INSERT INTO \(database).\(cdrTable) (\(ClickHouseSchema.columns)) FORMAT TSV", body: body,
                settings: clickhouse.count > 1 ? "insert_distributed_sync=1" : nil)
            return priced
        }
    }
}
