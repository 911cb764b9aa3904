import GRDB

/// The counters one rollup row holds; also what a summary cell is built from.
public struct RollupCounts: Sendable, Equatable {
    public var attempts: Int64 = 0
    public var answered: Int64 = 0
    public var busy: Int64 = 0
    public var noAnswer: Int64 = 0
    public var failed: Int64 = 0
    public var billsec: Int64 = 0
    public var dtmfKnown: Int64 = 0
    public var dtmfCalls: Int64 = 0
    public var dtmfDigits: Int64 = 0
    public var sellMicros: Int64 = 0
    public var buyMicros: Int64 = 0
    public var unratedSell: Int64 = 0
    public var unratedBuy: Int64 = 0

    public init() {}

    mutating func add(_ record: CallRecord) { add(record, sign: 1) }

    /// Adds `record` (`sign` 1) or takes it back out (`sign` -1).
    mutating func add(_ record: CallRecord, sign: Int64) {
        attempts += sign
        switch record.outcome {
        case .answered:
            answered += sign
            billsec += sign * Int64(record.billsec)
            if let digits = record.dtmfDigits {
                dtmfKnown += sign
                dtmfDigits += sign * Int64(digits)
                if digits > 0 { dtmfCalls += sign }
            }
        case .busy: busy += sign
        case .noAnswer: noAnswer += sign
        case .failed: failed += sign
        }
        if let sell = record.sell { sellMicros += sign * sell.micros } else { unratedSell += sign }
        if let buy = record.buy { buyMicros += sign * buy.micros } else { unratedBuy += sign }
    }
}

/// Collects the rollup deltas of new CDRs in memory, then writes each touched row once with an upsert, inside the
/// caller's transaction. This is what keeps aggregates current at import speed.
///
/// A CDR is counted into two fine breakdowns only — by (minute, carrier) and by (customer, hour, carrier) — plus the
/// per-second attempts and the per-minute occupancy; every rollup table is derived from those at `flush`, once per
/// touched row rather than once per CDR. Counts can be taken back out (`remove`), so a writer may count a CDR before
/// it knows whether the store already holds it, and take it out again if it does.
struct RollupAccumulator {
    private var carrierMinutes = KeyedSums(zero: RollupCounts())
    private var customerCarrierHours = KeyedSums(zero: RollupCounts())
    /// Keyed by (second, 0) and (minute, 0).
    private var attemptsPerSecond = KeyedSums(zero: Int64(0))
    private var channelSeconds = KeyedSums(zero: Int64(0))

    mutating func add(_ record: CallRecord) { add(record, sign: 1) }

    mutating func remove(_ record: CallRecord) { add(record, sign: -1) }

    private mutating func add(_ record: CallRecord, sign: Int64) {
        let minute = TimeBucket.minute.start(of: record.startAt)
        let hour = TimeBucket.hour.start(of: minute)
        let customer = record.customerID ?? 0
        let carrier = record.carrierID ?? 0
        carrierMinutes.update(RollupKey(minute, carrier)) { $0.add(record, sign: sign) }
        customerCarrierHours.update(RollupKey(customer, hour, carrier)) { $0.add(record, sign: sign) }
        attemptsPerSecond.update(RollupKey(record.startAt, 0)) { $0 += sign }
        // The call occupies a channel over [start, end): split that interval at minute boundaries.
        var from = record.startAt
        var bucket = minute
        while from < record.endAt {
            let upTo = min(record.endAt, bucket + 60)
            channelSeconds.update(RollupKey(bucket, 0)) { $0 += sign * (upTo - from) }
            from = upTo
            bucket += 60
        }
    }

    /// Adds what `other` holds.
    mutating func merge(_ other: RollupAccumulator) {
        for (key, counts) in other.carrierMinutes.entries { carrierMinutes.update(key) { $0 += counts } }
        for (key, counts) in other.customerCarrierHours.entries { customerCarrierHours.update(key) { $0 += counts } }
        for (key, attempts) in other.attemptsPerSecond.entries { attemptsPerSecond.update(key) { $0 += attempts } }
        for (key, seconds) in other.channelSeconds.entries { channelSeconds.update(key) { $0 += seconds } }
    }

    /// How many rows it holds: what it costs in memory, and the number of upserts a flush makes (roughly).
    var count: Int { carrierMinutes.count + customerCarrierHours.count + attemptsPerSecond.count + channelSeconds.count }

    var isEmpty: Bool { count == 0 }

    /// Writes every delta (a row whose delta is zero — CDRs counted and taken back out — is left alone).
    func flush(into db: Database) throws {
        func nonZero(_ sums: KeyedSums<RollupCounts>) -> [RollupKey: RollupCounts] {
            var result: [RollupKey: RollupCounts] = [:]
            result.reserveCapacity(sums.count)
            for (key, counts) in sums.entries where counts != .zero { result[key] = counts }
            return result
        }
        var tables: [(RollupTable, [RollupKey: RollupCounts])] = [
            (.carrier(.minute), nonZero(carrierMinutes)),
            (.customerCarrierHour, nonZero(customerCarrierHours)),
        ]
        let minutes = tables[0].1
        let crossed = tables[1].1
        for level in [TimeBucket.hour, .day, .month] {
            var byCarrier: [RollupKey: RollupCounts] = [:]
            for (key, counts) in minutes {
                byCarrier[RollupKey(level.start(of: key.values.0), key.values.1), default: .zero] += counts
            }
            tables.append((.carrier(level), byCarrier))
            var byCustomer: [RollupKey: RollupCounts] = [:]
            // The crossed key is (customer, hour, carrier).
            var lastHour: (Int64, Int64) = (.min, 0)
            for (key, counts) in crossed {
                if key.values.1 != lastHour.0 { lastHour = (key.values.1, level.start(of: key.values.1)) }
                byCustomer[RollupKey(lastHour.1, key.values.0), default: .zero] += counts
            }
            tables.append((.customer(level), byCustomer))
        }
        let counters = RollupTable.counterColumns
        for (table, rows) in tables where !rows.isEmpty {
            let columns = table.keyColumns + counters
            let statement = try db.cachedStatement(sql: """
                INSERT INTO \(table.name) (\(columns.joined(separator: ", ")))
                VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
                ON CONFLICT (\(table.keyColumns.joined(separator: ", "))) DO UPDATE SET
                    \(counters.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", "))
                """)
            var fast = FastStatement(statement, in: db)
            // In key order: each upsert lands next to the previous one in the table's b-tree.
            for (key, counts) in rows.sorted(by: { $0.key < $1.key }) {
                for value in key.list { fast.bind(value) }
                fast.bind(counts)
                _ = try fast.execute()
            }
        }

        // The busiest second of a minute or hour is the largest per-second total after this flush: the stored
        // totals of the touched seconds are read once, then each second is written with its delta.
        let seconds = attemptsPerSecond.entries.filter { $0.value != 0 }.map { (key: $0.key.values.0, value: $0.value) }
            .sorted { $0.key < $1.key }
        var stored: [Int64: Int64] = [:]
        if let first = seconds.first?.key, let last = seconds.last?.key {
            try FastRows.forEach(
                db, sql: "SELECT second, attempts FROM attempts_per_second WHERE second BETWEEN ? AND ?",
                arguments: [first, last]
            ) { row in stored[row.int(0)] = row.int(1) }
        }
        let perSecond = try db.cachedStatement(sql: """
            INSERT INTO attempts_per_second (second, attempts) VALUES (?, ?)
            ON CONFLICT (second) DO UPDATE SET attempts = attempts + excluded.attempts
            """)
        var fastPerSecond = FastStatement(perSecond, in: db)
        var network: [TimeBucket: [Int64: NetworkRollup.Delta]] = [.minute: [:], .hour: [:]]
        for (second, attempts) in seconds {
            fastPerSecond.bind(second)
            fastPerSecond.bind(attempts)
            _ = try fastPerSecond.execute()
            let peak = NetworkRollup.Peak(attempts: (stored[second] ?? 0) + attempts, second: second)
            for level in NetworkRollup.levels {
                network[level]![level.start(of: second), default: .init()].peak.merge(peak)
            }
        }
        let occupancy = try db.cachedStatement(sql: """
            INSERT INTO channel_seconds_per_minute (minute, channel_seconds) VALUES (?, ?)
            ON CONFLICT (minute) DO UPDATE SET channel_seconds = channel_seconds + excluded.channel_seconds
            """)
        var fastOccupancy = FastStatement(occupancy, in: db)
        let occupied = channelSeconds.entries.filter { $0.value != 0 }.map { (key: $0.key.values.0, value: $0.value) }
            .sorted { $0.key < $1.key }
        for (minute, seconds) in occupied {
            fastOccupancy.bind(minute)
            fastOccupancy.bind(seconds)
            _ = try fastOccupancy.execute()
        }
        // A store before v5 (being migrated) has no network rollups: v5 fills them from the others.
        guard try NetworkRollup.exists(in: db) else { return }
        for level in NetworkRollup.levels {
            var rows = network[level]!
            // The network row is the sum over carriers.
            for (key, counts) in minutes {
                rows[level.start(of: key.values.0), default: .init()].counts += counts
            }
            for (minute, seconds) in occupied {
                rows[level.start(of: minute), default: .init()].channelSeconds += seconds
            }
            network[level] = rows
        }
        try NetworkRollup.flush(network, into: db)
    }
}

extension RollupCounts {
    /// The counters in `RollupTable.counterColumns` order.
    var values: [Int64] {
        [attempts, answered, busy, noAnswer, failed, billsec, dtmfKnown, dtmfCalls, dtmfDigits, sellMicros, buyMicros,
         unratedSell, unratedBuy]
    }
}

extension FastStatement {
    /// Binds the counters in `RollupTable.counterColumns` order.
    mutating func bind(_ counts: RollupCounts) {
        bind(counts.attempts)
        bind(counts.answered)
        bind(counts.busy)
        bind(counts.noAnswer)
        bind(counts.failed)
        bind(counts.billsec)
        bind(counts.dtmfKnown)
        bind(counts.dtmfCalls)
        bind(counts.dtmfDigits)
        bind(counts.sellMicros)
        bind(counts.buyMicros)
        bind(counts.unratedSell)
        bind(counts.unratedBuy)
    }
}
