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

    mutating func add(_ record: CallRecord) {
        attempts += 1
        switch record.outcome {
        case .answered:
            answered += 1
            billsec += Int64(record.billsec)
            if let digits = record.dtmfDigits {
                dtmfKnown += 1
                dtmfDigits += Int64(digits)
                if digits > 0 { dtmfCalls += 1 }
            }
        case .busy: busy += 1
        case .noAnswer: noAnswer += 1
        case .failed: failed += 1
        }
        if let sell = record.sell { sellMicros += sell.micros } else { unratedSell += 1 }
        if let buy = record.buy { buyMicros += buy.micros } else { unratedBuy += 1 }
    }
}

/// Collects the rollup deltas of a batch of new CDRs in memory, then writes each touched row once with an
/// upsert, inside the caller's transaction. This is what keeps aggregates current at import speed.
struct RollupAccumulator {
    private var tables: [RollupTable: [RollupKey: RollupCounts]] = [:]
    private var attemptsPerSecond: [Int64: Int64] = [:]
    private var channelSeconds: [Int64: Int64] = [:]

    mutating func add(_ record: CallRecord) {
        for table in RollupTable.all {
            tables[table, default: [:]][table.key(of: record), default: RollupCounts()].add(record)
        }
        attemptsPerSecond[record.startAt, default: 0] += 1
        // The call occupies a channel over [start, end): split that interval at minute boundaries.
        var from = record.startAt
        while from < record.endAt {
            let minute = TimeBucket.minute.start(of: from)
            let upTo = min(record.endAt, minute + 60)
            channelSeconds[minute, default: 0] += upTo - from
            from = upTo
        }
    }

    func flush(into db: Database) throws {
        let counters = RollupTable.counterColumns
        for (table, rows) in tables {
            let columns = table.keyColumns + counters
            let statement = try db.cachedStatement(sql: """
                INSERT INTO \(table.name) (\(columns.joined(separator: ", ")))
                VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
                ON CONFLICT (\(table.keyColumns.joined(separator: ", "))) DO UPDATE SET
                    \(counters.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", "))
                """)
            var fast = FastStatement(statement, in: db)
            for (key, counts) in rows {
                for value in key.list { fast.bind(value) }
                for value in counts.values { fast.bind(value) }
                _ = try fast.execute()
            }
        }
        // The upsert returns each second's new total: the busiest second of a minute or hour is the largest total.
        let perSecond = try db.cachedStatement(sql: """
            INSERT INTO attempts_per_second (second, attempts) VALUES (?, ?)
            ON CONFLICT (second) DO UPDATE SET attempts = attempts + excluded.attempts
            RETURNING attempts
            """)
        var fastPerSecond = FastStatement(perSecond, in: db)
        var network: [TimeBucket: [Int64: NetworkRollup.Delta]] = [.minute: [:], .hour: [:]]
        for (second, attempts) in attemptsPerSecond {
            fastPerSecond.bind(second)
            fastPerSecond.bind(attempts)
            let total = try fastPerSecond.executeReturningInt() ?? attempts
            let peak = NetworkRollup.Peak(attempts: total, second: second)
            for level in NetworkRollup.levels {
                network[level]![level.start(of: second), default: .init()].peak.merge(peak)
            }
        }
        let occupancy = try db.cachedStatement(sql: """
            INSERT INTO channel_seconds_per_minute (minute, channel_seconds) VALUES (?, ?)
            ON CONFLICT (minute) DO UPDATE SET channel_seconds = channel_seconds + excluded.channel_seconds
            """)
        var fastOccupancy = FastStatement(occupancy, in: db)
        for (minute, seconds) in channelSeconds {
            fastOccupancy.bind(minute)
            fastOccupancy.bind(seconds)
            _ = try fastOccupancy.execute()
        }
        // A store before v5 (being migrated) has no network rollups: v5 fills them from the others.
        guard try NetworkRollup.exists(in: db) else { return }
        for level in NetworkRollup.levels {
            var rows = network[level]!
            // The carrier rollup's key is (bucket, carrier): the network row is the sum over carriers.
            for (key, counts) in tables[.carrier(level)] ?? [:] {
                rows[key.values.0, default: .init()].counts += counts
            }
            for (minute, seconds) in channelSeconds {
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
