import Metrics
import PostgresNIO

/// Rate cards on PostgreSQL: what the simulator creates and prices its calls with (the rest of the rate-card
/// ledger — storeRateCard, rateCards, pricing unrated CDRs — is not on the servers yet).
extension ServerStore {
    @discardableResult
    public func addRateCard(name: String, direction: RateDirection, currency: String, rates: [Rate]) throws -> Int64 {
        lock.lock()
        defer { lock.unlock() }
        try postgres.execute("BEGIN")
        do {
            let id = try postgres.execute(
                "INSERT INTO rate_cards (name, direction, currency) VALUES ($1, $2, $3) RETURNING id",
                [PostgresData(string: name), PostgresData(string: direction.rawValue), PostgresData(string: currency)]
            )[0].int(0)
            for rate in rates {
                try postgres.execute("""
                    INSERT INTO rates (rate_card_id, prefix, description, rate_micros_per_minute, initial_seconds,
                        increment_seconds, minimum_micros, connection_fee_micros)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                    """, [PostgresData(int64: id), PostgresData(string: rate.prefix),
                          PostgresData(string: rate.description), PostgresData(int64: rate.perMinute.micros),
                          PostgresData(int64: Int64(rate.initialSeconds)), PostgresData(int64: Int64(rate.incrementSeconds)),
                          PostgresData(int64: rate.minimum.micros), PostgresData(int64: rate.connectionFee.micros)])
            }
            try postgres.execute("COMMIT")
            return id
        } catch {
            _ = try? postgres.execute("ROLLBACK")
            throw error
        }
    }

    public func rateTables() throws -> [Int64: RateTable] {
        lock.lock()
        defer { lock.unlock() }
        return try ServerAccounts.rateTables(postgres)
    }
}
