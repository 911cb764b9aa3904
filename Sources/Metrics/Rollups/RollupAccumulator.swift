/// Collects the rollup deltas of new CDRs in memory, then writes each touched row once with an upsert, inside the
/// caller's transaction. This is what keeps aggregates current at import speed.
///
/// A CDR is counted into two fine breakdowns only — by (minute, carrier) and by (customer, hour, carrier) — plus the
/// per-second attempts, the network's second of its start and of its end, and the per-minute occupancy; every rollup table is derived from those at `flush`, once per
/// touched row rather than once per CDR. Counts can be taken back out (`remove`), so a writer may count a CDR before
/// it knows whether the store already holds it, and take it out again if it does.
struct RollupAccumulator {
    private var carrierMinutes = KeyedSums(zero: RollupCounts())
    private var customerCarrierHours = KeyedSums(zero: RollupCounts())
    /// Keyed by (second, 0) and (minute, 0).
    private var attemptsPerSecond = KeyedSums(zero: Int64(0))
    private var channelSeconds = KeyedSums(zero: Int64(0))
    /// Keyed by (second, 0): counters at the second a call started, `ended` at the second it ended.
    private var networkSeconds = KeyedSums(zero: SecondDelta())

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
        networkSeconds.update(RollupKey(record.startAt, 0)) { $0.counts.add(record, sign: sign) }
        networkSeconds.update(RollupKey(record.endAt, 0)) { $0.ended += sign }
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
    var count: Int {
        carrierMinutes.count + customerCarrierHours.count + attemptsPerSecond.count + channelSeconds.count
            + networkSeconds.count
    }

    var isEmpty: Bool { count == 0 }

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
        var network: [(level: TimeBucket, rows: [Int64: NetworkDelta])] = []
        for level in NetworkDelta.levels {
            // The network row is the sum over carriers.
            var rows: [Int64: NetworkDelta] = [:]
            for (key, counts) in minutes { rows[level.start(of: key.values.0), default: .init()].counts += counts }
            for (minute, seconds) in occupancy { rows[level.start(of: minute), default: .init()].channelSeconds += seconds }
            network.append((level, rows))
        }
        let networkRows = networkSeconds.entries.filter { $0.value != SecondDelta() }
            .map { ($0.key.values.0, $0.value) }.sorted { $0.0 < $1.0 }
        return RollupDeltas(
            tables: tables, seconds: sortedNonZero(attemptsPerSecond), occupancy: occupancy, network: network,
            networkSeconds: networkRows)
    }
}

/// What a flush writes: every rollup table's rows, derived from a `RollupAccumulator` and sorted by key, with the
/// per-second attempts, the occupancy, the network rows (whose peaks are completed when written, from the stored
/// per-second totals) and the network's seconds. Public so that a store's import transaction can take them (`ImportTransaction.write`); its
/// contents are the module's.
public struct RollupDeltas: Sendable {
    var tables: [(table: RollupTable, rows: [(key: RollupKey, counts: RollupCounts)])]
    var seconds: [(Int64, Int64)]
    var occupancy: [(Int64, Int64)]
    var network: [(level: TimeBucket, rows: [Int64: NetworkDelta])]
    var networkSeconds: [(Int64, SecondDelta)]

    static func sorted(_ rows: [RollupKey: RollupCounts]) -> [(key: RollupKey, counts: RollupCounts)] {
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
        var secondRows = Dictionary(networkSeconds, uniquingKeysWith: +)
        for (second, delta) in other.networkSeconds { secondRows[second] = (secondRows[second] ?? SecondDelta()) + delta }
        networkSeconds = secondRows.filter { $0.value != SecondDelta() }.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }
        for index in network.indices {
            var rows = network[index].rows
            for (bucket, delta) in other.network[index].rows {
                rows[bucket, default: .init()].counts += delta.counts
                rows[bucket, default: .init()].channelSeconds += delta.channelSeconds
            }
            network[index].rows = rows.filter { $0.value.counts != .zero || $0.value.channelSeconds != 0 }
        }
    }
}
