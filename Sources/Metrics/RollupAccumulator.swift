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

    /// How many rows it holds: what it costs in memory, and the number of upserts a flush makes (roughly).
    var count: Int { carrierMinutes.count + customerCarrierHours.count + attemptsPerSecond.count + channelSeconds.count }

    var isEmpty: Bool { count == 0 }

    /// Writes every delta (a row whose delta is zero — CDRs counted and taken back out — is left alone).
    func flush(into db: Database) throws {
        try deltas().write(into: db)
    }

    /// The rows a flush writes, derived and sorted (no store needed: an import derives them on its reading thread).
    func deltas() -> RollupDeltas {
        func sortedNonZero(_ sums: KeyedSums<RollupCounts>) -> [(key: RollupKey, counts: RollupCounts)] {
            sums.entries.filter { $0.value != .zero }.map { (key: $0.key, counts: $0.value) }.sorted { $0.key < $1.key }
        }
        let minutes = sortedNonZero(carrierMinutes)
        let crossed = sortedNonZero(customerCarrierHours)
        var tables: [(table: RollupTable, rows: [(key: RollupKey, counts: RollupCounts)])] = [
            (.carrier(.minute), minutes), (.customerCarrierHour, crossed),
        ]
        for level in [TimeBucket.hour, .day, .month] {
            var byCarrier: [RollupKey: RollupCounts] = [:]
            var last: (Int64, Int64) = (.min, 0)
            for (key, counts) in minutes {
                if key.values.0 != last.0 { last = (key.values.0, level.start(of: key.values.0)) }
                byCarrier[RollupKey(last.1, key.values.1), default: .zero] += counts
            }
            tables.append((.carrier(level), RollupDeltas.sorted(byCarrier)))
            // The crossed key is (customer, hour, carrier).
            var byCustomer: [RollupKey: RollupCounts] = [:]
            last = (.min, 0)
            for (key, counts) in crossed {
                if key.values.1 != last.0 { last = (key.values.1, level.start(of: key.values.1)) }
                byCustomer[RollupKey(last.1, key.values.0), default: .zero] += counts
            }
            tables.append((.customer(level), RollupDeltas.sorted(byCustomer)))
        }
        func sortedNonZero(_ sums: KeyedSums<Int64>) -> [(Int64, Int64)] {
            sums.entries.filter { $0.value != 0 }.map { ($0.key.values.0, $0.value) }.sorted { $0.0 < $1.0 }
        }
        let occupancy = sortedNonZero(channelSeconds)
        var network: [(level: TimeBucket, rows: [Int64: NetworkRollup.Delta])] = []
        for level in NetworkRollup.levels {
            // The network row is the sum over carriers.
            var rows: [Int64: NetworkRollup.Delta] = [:]
            for (key, counts) in minutes { rows[level.start(of: key.values.0), default: .init()].counts += counts }
            for (minute, seconds) in occupancy { rows[level.start(of: minute), default: .init()].channelSeconds += seconds }
            network.append((level, rows))
        }
        return RollupDeltas(
            tables: tables, seconds: sortedNonZero(attemptsPerSecond), occupancy: occupancy, network: network)
    }
}

/// What a flush writes: every rollup table's rows, derived from a `RollupAccumulator` and sorted by key, with the
/// per-second attempts, the occupancy and the network rows (whose peaks are completed when written, from the stored
/// per-second totals).
struct RollupDeltas: Sendable {
    fileprivate var tables: [(table: RollupTable, rows: [(key: RollupKey, counts: RollupCounts)])]
    fileprivate var seconds: [(Int64, Int64)]
    fileprivate var occupancy: [(Int64, Int64)]
    fileprivate var network: [(level: TimeBucket, rows: [Int64: NetworkRollup.Delta])]

    fileprivate static func sorted(_ rows: [RollupKey: RollupCounts]) -> [(key: RollupKey, counts: RollupCounts)] {
        rows.map { (key: $0.key, counts: $0.value) }.sorted { $0.key < $1.key }
    }

    /// Adds `other` (derived the same way: typically the counts of records taken back out, which are negative);
    /// rows left at zero are dropped.
    mutating func add(_ other: RollupDeltas) {
        for index in tables.indices {
            var rows = Dictionary(tables[index].rows.map { ($0.key, $0.counts) }, uniquingKeysWith: +)
            for (key, counts) in other.tables[index].rows { rows[key, default: .zero] += counts }
            tables[index].rows = Self.sorted(rows.filter { $0.value != .zero })
        }
        func sum(_ mine: [(Int64, Int64)], _ theirs: [(Int64, Int64)]) -> [(Int64, Int64)] {
            var values = Dictionary(mine, uniquingKeysWith: +)
            for (key, value) in theirs { values[key, default: 0] += value }
            return values.filter { $0.value != 0 }.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }
        }
        seconds = sum(seconds, other.seconds)
        occupancy = sum(occupancy, other.occupancy)
        for index in network.indices {
            var rows = network[index].rows
            for (bucket, delta) in other.network[index].rows {
                rows[bucket, default: .init()].counts += delta.counts
                rows[bucket, default: .init()].channelSeconds += delta.channelSeconds
            }
            network[index].rows = rows.filter { $0.value.counts != .zero || $0.value.channelSeconds != 0 }
        }
    }

    /// Upserts every row inside the caller's transaction.
    func write(into db: Database) throws {
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
            for (key, counts) in rows {
                fast.bind(key.values.0)
                fast.bind(key.values.1)
                if key.count == 3 { fast.bind(key.values.2) }
                fast.bind(counts)
                _ = try fast.execute()
            }
        }

        // The busiest second of a minute or hour is the largest per-second total after this flush: the stored
        // totals of the touched seconds are read once, then each second is written with its delta.
        var stored: [Int64: Int64] = [:]
        if let first = seconds.first?.0, let last = seconds.last?.0 {
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
        var peaks: [TimeBucket: [Int64: NetworkRollup.Peak]] = [:]
        for (second, attempts) in seconds {
            fastPerSecond.bind(second)
            fastPerSecond.bind(attempts)
            _ = try fastPerSecond.execute()
            let peak = NetworkRollup.Peak(attempts: (stored[second] ?? 0) + attempts, second: second)
            for level in NetworkRollup.levels {
                peaks[level, default: [:]][level.start(of: second), default: .none].merge(peak)
            }
        }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO channel_seconds_per_minute (minute, channel_seconds) VALUES (?, ?)
            ON CONFLICT (minute) DO UPDATE SET channel_seconds = channel_seconds + excluded.channel_seconds
            """)
        var fastOccupancy = FastStatement(statement, in: db)
        for (minute, seconds) in occupancy {
            fastOccupancy.bind(minute)
            fastOccupancy.bind(seconds)
            _ = try fastOccupancy.execute()
        }
        // A store before v5 (being migrated) has no network rollups: v5 fills them from the others.
        guard try NetworkRollup.exists(in: db) else { return }
        var deltas: [TimeBucket: [Int64: NetworkRollup.Delta]] = [:]
        for (level, rows) in network {
            var rows = rows
            for (bucket, peak) in peaks[level] ?? [:] { rows[bucket, default: .init()].peak = peak }
            deltas[level] = rows
        }
        try NetworkRollup.flush(deltas, into: db)
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
