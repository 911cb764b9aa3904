import Metrics
import PostgresNIO

/// Rate cards (`rate_cards`, `rates`) on PostgreSQL, as SQLite keeps them. A card's rates go in one statement
/// (`unnest` of arrays), so a card of tens of thousands of prefixes is one round trip.
extension ServerStore {
    @discardableResult
    public func addRateCard(name: String, direction: RateDirection, currency: String, rates: [Rate]) throws -> Int64 {
        try transaction { try insertRateCard(name: name, direction: direction, currency: currency, rates: rates) }
    }

    public func storeRateCard(_ rates: [Rate], card name: String, direction: RateDirection, currency: String,
                              replace: Bool) throws -> (cardID: Int64, replaced: Bool) {
        try transaction {
            if let existing = try postgres.execute("SELECT id, direction FROM rate_cards WHERE name = $1 FOR UPDATE",
                                                   [PostgresData(string: name)]).first {
                guard replace else { throw RateCardError.exists(name) }
                let stored = try existing.text(1)
                guard stored == direction.rawValue else { throw RateCardError.directionMismatch(name, stored) }
                let id = try existing.int(0)
                try postgres.execute("DELETE FROM rates WHERE rate_card_id = $1", [PostgresData(int64: id)])
                try postgres.execute("UPDATE rate_cards SET currency = $2 WHERE id = $1",
                                     [PostgresData(int64: id), PostgresData(string: currency)])
                try insertRates(rates, card: id)
                return (id, true)
            }
            return (try insertRateCard(name: name, direction: direction, currency: currency, rates: rates), false)
        }
    }

    public func rateTables() throws -> [Int64: RateTable] {
        try reading { try loadRateTables() }
    }

    public func rateCards() throws -> [RateCardSummary] {
        try reading {
            try postgres.execute("""
                SELECT c.id, c.name, c.direction, c.currency, count(r.prefix),
                    (SELECT count(*) FROM customers WHERE rate_card_id = c.id) +
                    (SELECT count(*) FROM carriers WHERE rate_card_id = c.id)
                FROM rate_cards c LEFT JOIN rates r ON r.rate_card_id = c.id GROUP BY c.id
                """).map {
                RateCardSummary(id: try $0.int(0), name: try $0.text(1),
                                direction: RateDirection(rawValue: try $0.text(2)) ?? .sell, currency: try $0.text(3),
                                prefixes: Int(try $0.int(4)), usedBy: Int(try $0.int(5)))
            }
            // Sell cards first, then by the bytes of the name: SQLite's order, whatever the server's collation.
            .sorted {
                $0.direction != $1.direction ? $0.direction == .sell
                    : Array($0.name.utf8).lexicographicallyPrecedes($1.name.utf8)
            }
        }
    }

    /// Every rate card, indexed for rating, by id (inside the caller's statement lock).
    func loadRateTables() throws -> [Int64: RateTable] {
        var rates: [Int64: [Rate]] = [:]
        for row in try postgres.execute("""
            SELECT rate_card_id, prefix, description, rate_micros_per_minute, initial_seconds, increment_seconds,
                minimum_micros, connection_fee_micros
            FROM rates
            """) {
            rates[try row.int(0), default: []].append(try Self.rate(row, from: 1))
        }
        var tables: [Int64: RateTable] = [:]
        for row in try postgres.execute("SELECT id FROM rate_cards") {
            let id = try row.int(0)
            tables[id] = RateTable(rates[id] ?? [])
        }
        return tables
    }

    /// One card's rates, indexed (nil when there is no such card).
    func rateTable(card: Int64) throws -> RateTable {
        RateTable(try postgres.execute("""
            SELECT prefix, description, rate_micros_per_minute, initial_seconds, increment_seconds, minimum_micros,
                connection_fee_micros
            FROM rates WHERE rate_card_id = $1
            """, [PostgresData(int64: card)]).map { try Self.rate($0, from: 0) })
    }

    private static func rate(_ row: PostgresRow, from first: Int) throws -> Rate {
        Rate(prefix: try row.text(first), description: try row.text(first + 1),
             perMinute: Money(micros: try row.int(first + 2)), initialSeconds: Int(try row.int(first + 3)),
             incrementSeconds: Int(try row.int(first + 4)), minimum: Money(micros: try row.int(first + 5)),
             connectionFee: Money(micros: try row.int(first + 6)))
    }

    private func insertRateCard(name: String, direction: RateDirection, currency: String, rates: [Rate]) throws
        -> Int64
    {
        let id = try postgres.execute(
            "INSERT INTO rate_cards (name, direction, currency) VALUES ($1, $2, $3) RETURNING id",
            [PostgresData(string: name), PostgresData(string: direction.rawValue), PostgresData(string: currency)]
        )[0].int(0)
        try insertRates(rates, card: id)
        return id
    }

    private func insertRates(_ rates: [Rate], card id: Int64) throws {
        guard !rates.isEmpty else { return }
        try postgres.execute("""
            INSERT INTO rates (rate_card_id, prefix, description, rate_micros_per_minute, initial_seconds,
                increment_seconds, minimum_micros, connection_fee_micros)
            SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[],
                $8::bigint[])
            """, [PostgresData(int64: id), .texts(rates.map(\.prefix)), .texts(rates.map(\.description)),
                  .ints(rates.map(\.perMinute.micros)), .ints(rates.map { Int64($0.initialSeconds) }),
                  .ints(rates.map { Int64($0.incrementSeconds) }), .ints(rates.map(\.minimum.micros)),
                  .ints(rates.map(\.connectionFee.micros))])
    }
}
