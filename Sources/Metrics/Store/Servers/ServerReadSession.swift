import Metrics
import PostgresNIO

/// One read of a servers store: finished calls grouped on ClickHouse from the minute and second rollups where they
/// are clean, from the CDRs elsewhere (`FINAL` collapses a CDR written twice), calls in progress and accounts from
/// PostgreSQL.
final class ServerReadSession: StoreReadSession {
    let store: ServerStore
    private var table: String { "\(store.readCDRTable) FINAL" }

    init(store: ServerStore) { self.store = store }

    // MARK: Grouping on ClickHouse

    /// The SQL sum of `counter`. Money is summed as Decimal128, which cannot wrap, then checked against Int64.
    private static func sum(_ counter: Counter) -> String {
        switch counter {
        case .attempts: return "count()"
        case .sellMicros, .buyMicros: return "sum(toDecimal128(\(counter.name), 0))"
        default: return "sum(\(counter.name))"
        }
    }

    /// The group column of `grouping`, and the condition it adds.
    private static func group(_ grouping: FigureGrouping) -> (column: String, condition: String) {
        switch grouping {
        case .total: return ("toInt64(0)", "1")
        case .customer: return ("customer_id", "1")
        case .carrier: return ("carrier_id", "1")
        case .did: return ("did_id", "1")
        case .customerCarrier(let customer): return ("carrier_id", "customer_id = \(customer)")
        }
    }

    /// The bucket a call's start falls in; months come back as YYYYMM and are turned into their start here.
    private static func bucket(_ level: TimeBucket) -> String {
        switch level {
        case .minute: return "intDiv(start_at, 60) * 60"
        case .hour: return "intDiv(start_at, 3600) * 3600"
        case .day: return "intDiv(start_at, 86400) * 86400"
        case .month: return "toInt64(toYYYYMM(toDateTime(start_at)))"
        }
    }

    private static func bucketStart(_ level: TimeBucket, _ value: Int64) -> Int64 {
        guard level == .month else { return value }
        return CivilDate(year: value / 100, month: value % 100, day: 1).unixDay * 86_400
    }

    /// Called for every field of every row (tens of thousands a snapshot): nothing is allocated unless it fails.
    private func integer(_ answer: ClickHouseAnswer, _ row: Int, _ column: Int, _ what: @autoclosure () -> String)
        throws -> Int64
    {
        switch answer.integer(row, column) {
        case .value(let value): return value
        case .overflow: throw ServerStoreError.overflow(server: answer.server, what: what())
        case .invalid:
            throw ServerStoreError.refused(
                server: answer.server, answer: "unexpected value \(answer.text(row, column)) for \(what())")
        }
    }

    /// Each query's answer, all sent at once: to the one server read, or, on a cluster read shard by shard, to
    /// every server (over its local tables), their answers to one query joined (`ServerStore.readNodes`).
    private func answers(_ queries: [String]) throws -> [ClickHouseAnswer] {
        let nodes = store.readNodes
        let each = try ClickHouseLink.answers(queries.flatMap { sql in nodes.map { (link: $0, sql: sql) } })
        guard nodes.count > 1 else { return each }
        return queries.indices.map { ClickHouseAnswer(joining: Array(each[($0 * nodes.count)..<(($0 + 1) * nodes.count)])) }
    }

    /// The queries of a figure whose first `keys` columns are integers and the rest the sums of `counters`. Keys
    /// and condition are written over the CDR table (`start_at`). The whole minutes of the range not marked stale
    /// are read from a rollup instead when one holds the figure (`start_at` read as its time column): the minute
    /// rollup when no key is a second and nothing names a DID, the second rollup (every second of a clean minute,
    /// ragged edges too) for attempts per second of everyone; the rest from the CDRs. `merge` adds the answers.
    /// A figure that counts attempts may take an edge minute whole from the minute rollup less its CDRs outside the
    /// range (`RollupPlan.nearest`): a group is then known by its attempts.
    private func groupedQueries(keys: [String], counters: [Counter], from range: Range<Int64>, condition: String)
        throws -> [GroupedQuery]
    {
        let perSecond = keys.contains("start_at")
        let named = (keys + [condition]).contains { $0.contains("did_id") }
        let rollup: (table: String, time: String)? = named ? nil
            : !perSecond ? (store.rollupTable, "minute")
            : counters == [.attempts] && condition == "1" && keys.allSatisfy({ $0 == "start_at" || $0 == "toInt64(0)" })
            ? (store.secondRollupTable, "second") : nil
        let plan = rollup == nil ? RollupPlan(raw: [range], rollup: [])
            : rollup?.time == "second" ? RollupPlan.perSecond(range, stale: try staleRanges())
            : counters.contains(.attempts) ? RollupPlan.nearest(range, stale: try staleRanges())
            : RollupPlan(range, stale: try staleRanges())
        var sources: [(table: String, ranges: [Range<Int64>], time: String)] = [(table, plan.raw, "start_at")]
        if let rollup {
            if rollup.time == "minute" && !keys.contains(Self.bucket(.minute)) {
                // No key finer than an hour: whole clean hours from the hour rollup, minutes only at their edges.
                let (hours, minutes) = RollupPlan.hours(in: plan.rollup)
                sources.append(("\(rollup.table) FINAL", minutes, "minute"))
                sources.append(("\(store.hourRollupTable) FINAL", hours, "hour"))
            } else {
                sources.append(("\(rollup.table) FINAL", plan.rollup, rollup.time))
            }
        }
        var queries: [GroupedQuery] = []
        for (index, (source, ranges, time)) in (sources + [(table, plan.subtracted, "start_at")]).enumerated()
            where !ranges.isEmpty {
            func overTime(_ text: String) -> String { text.replacingOccurrences(of: "start_at", with: time) }
            let sums = counters.map { source == table ? Self.sum($0) : Self.rollupSum($0) }
            let columns = (keys.enumerated().map { "\(overTime($1)) AS k\($0)" } + sums).joined(separator: ", ")
            let groupBy = keys.isEmpty ? "" : "GROUP BY " + keys.indices.map { "k\($0)" }.joined(separator: ", ")
            var within = ranges.map { "(\(time) >= \($0.lowerBound) AND \(time) < \($0.upperBound))" }
                .joined(separator: " OR ")
            if time == "minute" || time == "hour" {
                // The minute (hour) rollup's rows grouped by exactly the ids the query names.
                let named = keys + [condition]
                let grouping = (named.contains { $0.contains("customer_id") } ? 1 : 0)
                    + (named.contains { $0.contains("carrier_id") } ? 2 : 0)
                within = "grouped_by = \(grouping) AND (\(within))"
            }
            queries.append(GroupedQuery(sql: "SELECT \(columns) FROM \(source) WHERE (\(within)) AND \(condition) \(groupBy)",
                                        subtracted: index == sources.count))
        }
        return queries
    }

    /// The answers of `groupedQueries`, added by key (money checked against Int64; those `subtracted` taken away),
    /// visited in the order first seen; with a subtraction, a group left with no attempt had no call in the range.
    private func merge(_ answers: [ClickHouseAnswer], of queries: [GroupedQuery], keys: Int, counters: [Counter],
                       _ visit: ([Int64], RollupCounts) throws -> Void) throws {
        // Keyed by a value, not an array: no allocation per row (a figure has at most two keys).
        precondition(keys <= 2, "a grouped figure has at most two keys")
        var position: [SIMD2<Int64>: Int] = [:]
        var merged: [(keys: SIMD2<Int64>, counts: RollupCounts)] = []
        for (answer, query) in zip(answers, queries) {
            for row in 0..<answer.count where answer.width(row) == keys + counters.count {
                var key = SIMD2<Int64>(0, 0)
                for index in 0..<keys { key[index] = try integer(answer, row, index, "a group") }
                let at = position[key] ?? merged.count
                if at == merged.count {
                    position[key] = at
                    merged.append((key, RollupCounts()))
                }
                for (index, counter) in counters.enumerated() {
                    let value = try integer(answer, row, keys + index, "the sum of \(counter.name)")
                    let (sum, overflow) = query.subtracted
                        ? merged[at].counts[counter].subtractingReportingOverflow(value)
                        : merged[at].counts[counter].addingReportingOverflow(value)
                    if overflow { throw ServerStoreError.overflow(server: answer.server, what: "the sum of \(counter.name)") }
                    merged[at].counts[counter] = sum
                }
            }
        }
        let subtracts = queries.contains(where: \.subtracted)
        for (key, counts) in merged where !subtracts || counts.attempts != 0 {
            try visit((0..<keys).map { key[$0] }, counts)
        }
    }

    /// A grouped figure (`groupedQueries`), its queries sent at once.
    private func grouped(keys: [String], counters: [Counter], from range: Range<Int64>, condition: String,
                         _ visit: ([Int64], RollupCounts) throws -> Void) throws {
        let queries = try groupedQueries(keys: keys, counters: counters, from: range, condition: condition)
        try merge(try answers(queries.map(\.sql)), of: queries, keys: keys.count, counters: counters, visit)
    }

    /// The sum of `counter` over rollup rows (money is Decimal128 there, like the CDRs' sums).
    private static func rollupSum(_ counter: Counter) -> String { "sum(\(counter.name))" }

    private var stale: [Range<Int64>]?
    private var longest: Int64??

    /// The longest call stored, read once per session after the marks (nil: not known yet, scan unbounded).
    private func longestCall() throws -> Int64? {
        if let longest { return longest }
        let value = try store.longestCall(on: store.postgres, stale: try staleRanges())
        longest = .some(value)
        return value
    }

    /// The ranges marked stale now (read once per session: a mark appearing later only announces CDRs this read
    /// need not see).
    private func staleRanges() throws -> [Range<Int64>] {
        if let stale { return stale }
        let ranges = try store.dirtyRollupRanges(on: store.postgres)
        stale = ranges
        return ranges
    }

    func rollupCounts(
        _ level: TimeBucket, by grouping: FigureGrouping, buckets: Range<Int64>, counters: [Counter],
        _ visit: (_ bucket: Int64, _ group: Int64, _ counts: RollupCounts) -> Void
    ) throws {
        guard grouping != .did, !buckets.isEmpty else { return }
        let (column, condition) = Self.group(grouping)
        try grouped(keys: [Self.bucket(level), column], counters: counters, from: buckets, condition: condition) {
            visit(Self.bucketStart(level, $0[0]), $0[1], $1)
        }
    }

    func rollupTotals(_ level: TimeBucket, by grouping: FigureGrouping, buckets: Range<Int64>, counters: [Counter])
        throws -> [Int64: RollupCounts]
    {
        guard grouping != .did else { return [:] }
        return try callCounts(by: grouping, starts: buckets, counters: counters)
    }

    func callCounts(by grouping: FigureGrouping, starts: Range<Int64>, counters: [Counter]) throws
        -> [Int64: RollupCounts]
    {
        guard !starts.isEmpty else { return [:] }
        var result: [Int64: RollupCounts] = [:]
        let (column, condition) = Self.group(grouping)
        try grouped(keys: [column], counters: counters, from: starts, condition: condition) { result[$0[0]] = $1 }
        return result
    }

    /// `grouped` plans every read: clean minutes from the rollups, edges and marked minutes from the CDRs.
    var countsAnyInterval: Bool { true }

    func secondTotals(_ seconds: Range<Int64>, counters: [Counter]) throws -> RollupCounts? {
        guard !seconds.isEmpty else { return nil }
        var result: RollupCounts?
        try grouped(keys: [], counters: [.attempts] + counters.filter { $0 != .attempts }, from: seconds,
                    condition: "1") { _, counts in
            if counts.attempts > 0 {
                var kept = RollupCounts()
                for counter in counters { kept[counter] = counts[counter] }
                result = kept
            }
        }
        return result
    }

    func networkBuckets(_ level: TimeBucket, buckets: Range<Int64>) throws -> [NetworkBucket] {
        guard !buckets.isEmpty else { return [] }
        // Figures, attempts per second (the peaks) and channel seconds: every query sent at once.
        let figureKeys = [Self.bucket(level)]
        let figures = try groupedQueries(keys: figureKeys, counters: Counter.allCases, from: buckets, condition: "1")
        let perSecond = try groupedQueries(keys: ["start_at"], counters: [.attempts], from: buckets, condition: "1")
        let channel = try channelQueries(minutes: buckets)
        let answered = try answers(figures.map(\.sql) + perSecond.map(\.sql) + channel)
        var result: [Int64: NetworkBucket] = [:]
        try merge(Array(answered[..<figures.count]), of: figures, keys: 1, counters: Counter.allCases) {
            let start = Self.bucketStart(level, $0[0])
            result[start] = NetworkBucket(bucket: start, counts: $1, peakAttempts: 0, peakSecond: nil, channelSeconds: 0)
        }
        try merge(Array(answered[figures.count..<(figures.count + perSecond.count)]), of: perSecond, keys: 1,
                  counters: [.attempts]) {
            let (second, attempts) = ($0[0], $1.attempts)
            let start = level.start(of: second)
            guard var bucket = result[start] else { return }
            if attempts > bucket.peakAttempts || (attempts == bucket.peakAttempts && second < (bucket.peakSecond ?? .max)) {
                bucket.peakAttempts = attempts
                bucket.peakSecond = second
            }
            result[start] = bucket
        }
        try visitChannel(Array(answered[(figures.count + perSecond.count)...])) { minute, seconds in
            // A bucket no call started in still has the seconds of calls that started before it.
            let start = level.start(of: minute)
            result[start, default: NetworkBucket(
                bucket: start, counts: RollupCounts(), peakAttempts: 0, peakSecond: nil, channelSeconds: 0)
            ].channelSeconds += seconds
        }
        return Array(result.values)
    }

    func attemptsPerSecond(_ seconds: Range<Int64>, _ visit: (_ second: Int64, _ attempts: Int64) -> Void) throws {
        guard !seconds.isEmpty else { return }
        try grouped(keys: ["start_at"], counters: [.attempts], from: seconds, condition: "1") {
            visit($0[0], $1.attempts)
        }
    }

    func callAttempts(
        by grouping: FigureGrouping, seconds: Range<Int64>,
        _ visit: (_ group: Int64, _ second: Int64, _ attempts: Int64) -> Void
    ) throws {
        guard !seconds.isEmpty else { return }
        let (column, condition) = Self.group(grouping)
        try grouped(keys: [column, "start_at"], counters: [.attempts], from: seconds, condition: condition) {
            visit($0[0], $0[1], $1.attempts)
        }
    }

    func channelSeconds(minutes: Range<Int64>, _ visit: (_ minute: Int64, _ seconds: Int64) -> Void) throws {
        guard !minutes.isEmpty else { return }
        try visitChannel(try answers(try channelQueries(minutes: minutes)), visit)
    }

    /// The queries of `channelSeconds`: clean whole minutes from the channel rollup (a stale one was marked from its
    /// calls' starts to their ends), the rest from the CDRs, each call spread over the minutes it spans (arrayJoin)
    /// and clipped to each. Every answer is rows of (minute, seconds).
    private func channelQueries(minutes: Range<Int64>) throws -> [String] {
        guard !minutes.isEmpty else { return [] }
        let plan = RollupPlan(minutes, stale: try staleRanges())
        var queries: [String] = []
        if !plan.rollup.isEmpty {
            let within = plan.rollup.map { "(minute >= \($0.lowerBound) AND minute < \($0.upperBound))" }
                .joined(separator: " OR ")
            queries.append("SELECT minute, sum(seconds) FROM \(store.channelRollupTable) FINAL WHERE \(within) GROUP BY minute")
        }
        for range in plan.raw {
            let (low, high) = (range.lowerBound, range.upperBound)
            queries.append("""
                SELECT m, sum(least(end_at, m + 60) - greatest(start_at, m)) FROM (
                    SELECT start_at, end_at,
                        (intDiv(start_at, 60) + toInt64(arrayJoin(range(toUInt64(intDiv(end_at - 1, 60) - intDiv(start_at, 60) + 1))))) * 60 AS m
                    FROM \(table) WHERE end_at > start_at AND end_at > \(low) AND start_at < \(high))
                WHERE m >= \(low) AND m < \(high) GROUP BY m
                """)
        }
        return queries
    }

    /// Visits each minute once, its seconds added over the answers (one per shard when read shard by shard).
    private func visitChannel(_ answers: [ClickHouseAnswer], _ visit: (_ minute: Int64, _ seconds: Int64) -> Void) throws {
        var seconds: [Int64: Int64] = [:]
        var order: [Int64] = []
        for answer in answers {
            for row in 0..<answer.count where answer.width(row) == 2 {
                let value = try integer(answer, row, 1, "channel seconds")
                guard value > 0 else { continue }
                let minute = try integer(answer, row, 0, "a minute")
                if seconds[minute] == nil { order.append(minute) }
                seconds[minute, default: 0] += value
            }
        }
        for minute in order { visit(minute, seconds[minute]!) }
    }

    func registrationSamples(minutes: Range<Int64>, _ visit: (_ minute: Int64, _ registrations: Int64) -> Void)
        throws
    {
        for row in try store.postgres.execute(
            "SELECT minute, registrations FROM registration_samples WHERE minute >= $1 AND minute < $2",
            [PostgresData(int64: minutes.lowerBound), PostgresData(int64: minutes.upperBound)]) {
            visit(try row.int(0), try row.int(1))
        }
    }

    func registrationSample(before minute: Int64) throws -> Int64? {
        try store.postgres.execute(
            "SELECT registrations FROM registration_samples WHERE minute < $1 ORDER BY minute DESC LIMIT 1",
            [PostgresData(int64: minute)]).first.map { try $0.int(0) }
    }

    func registrationSamples(before minutes: [Int64]) throws -> [Int64?] {
        guard !minutes.isEmpty else { return [] }
        // One statement for every bucket end (168 for a week), not a round trip each.
        let ends = minutes.map(String.init).joined(separator: ",")
        var samples: [Int64: Int64] = [:]
        for row in try store.postgres.execute("""
            SELECT e, (SELECT registrations FROM registration_samples WHERE minute < e ORDER BY minute DESC LIMIT 1)
            FROM unnest(ARRAY[\(ends)]::bigint[]) AS e
            """) {
            if let value = try row.optionalInt(1) { samples[try row.int(0)] = value }
        }
        return minutes.map { samples[$0] }
    }

    // MARK: Live

    func callsInProgress() throws -> [LiveCall] {
        try store.postgres.execute("""
            SELECT start_at, coalesce(customer_id, 0), coalesce(carrier_id, 0), coalesce(did_id, 0)
            FROM calls_in_progress
            """).map { LiveCall(start: try $0.int(0), customer: try $0.int(1), carrier: try $0.int(2), did: try $0.int(3)) }
    }

    func liveSummary() throws -> LiveSummary { LiveSummary(try callsInProgress()) }

    func finishedCalls(
        overlapping window: Range<Int64>, by grouping: FigureGrouping,
        _ visit: (_ group: Int64, _ start: Int64, _ end: Int64) -> Void
    ) throws {
        let (column, condition) = Self.group(grouping)
        // `end_at` is not in the sort key: bounding the starts by the longest call keeps the scan to the window.
        let earliest = try longestCall().map { "start_at >= \(window.lowerBound - $0)" } ?? "1"
        let answer = try answers(["""
            SELECT \(column), start_at, end_at FROM \(table)
            WHERE end_at > \(window.lowerBound) AND start_at < \(window.upperBound) AND \(earliest) AND \(condition)
            """])[0]
        for row in 0..<answer.count where answer.width(row) == 3 {
            visit(try integer(answer, row, 0, "a group"), try integer(answer, row, 1, "a start"),
                  try integer(answer, row, 2, "an end"))
        }
    }

    func finishedCallCount(at second: Int64) throws -> Int {
        try overlapCount(try answers([countQuery(at: second)])[0], at: second)
    }

    func channelChanges(
        _ seconds: Range<Int64>, _ visit: (_ second: Int64, _ started: Int64, _ ended: Int64) -> Void
    ) throws {
        guard !seconds.isEmpty else { return }
        let (started, ended) = try changeQueries(seconds)
        try visitChanges(try answers(started.map(\.sql) + ended), started: started, visit)
    }

    func finishedCallCount(
        at second: Int64, changes seconds: Range<Int64>,
        _ visit: (_ second: Int64, _ started: Int64, _ ended: Int64) -> Void
    ) throws -> Int {
        guard !seconds.isEmpty else { return try finishedCallCount(at: second) }
        let (started, ended) = try changeQueries(seconds)
        // The calls open at the minute's start (channel rollup), plus those started since, less those ended since
        // (the changes read anyway): no CDR read, when the minute is clean and the changes cover it.
        let minute = ServerStore.minuteFloor(second)
        let stale = try staleRanges()
        let fromMinute = seconds.lowerBound <= minute + 1 && seconds.upperBound >= second + 1
            && !stale.contains { $0.contains(minute) }
        let count = fromMinute
            ? "SELECT sum(\(ClickHouseSchema.openColumn)) FROM \(store.channelRollupTable) FINAL WHERE minute = \(minute)"
            : try countQuery(at: second)
        let answered = try answers([count] + started.map(\.sql) + ended)
        var since: Int64 = 0
        try visitChanges(Array(answered.dropFirst()), started: started) { at, started, ended in
            if at > minute && at <= second { since += started - ended }
            visit(at, started, ended)
        }
        let counted = try overlapCount(answered[0], at: second)
        return fromMinute ? counted + Int(since) : counted
    }

    /// The count of finished calls overlapping `second`: its starts bounded by the longest call.
    private func countQuery(at second: Int64) throws -> String {
        let earliest = try longestCall().map { "start_at >= \(second - $0)" } ?? "1"
        return "SELECT count() FROM \(table) WHERE end_at > \(second) AND start_at <= \(second) AND \(earliest)"
    }

    /// The count answered, added over its rows (one per shard when read shard by shard).
    private func overlapCount(_ answer: ClickHouseAnswer, at second: Int64) throws -> Int {
        guard answer.count > 0 else {
            throw ServerStoreError.refused(server: answer.server, answer: "no count of calls overlapping \(second)")
        }
        var total = 0
        for row in 0..<answer.count { total += Int(try integer(answer, row, 0, "calls overlapping a second")) }
        return total
    }

    /// The queries of `channelChanges`: calls started per second (`groupedQueries`), and ended per second — clean
    /// minutes from the ended rollup (a write marks up to its last end), marked minutes from the CDRs, whose starts
    /// are bounded by the longest call.
    private func changeQueries(_ seconds: Range<Int64>) throws -> (started: [GroupedQuery], ended: [String]) {
        let started = try groupedQueries(keys: ["start_at"], counters: [.attempts], from: seconds, condition: "1")
        let plan = RollupPlan.perSecond(seconds, stale: try staleRanges())
        let longest = try longestCall()
        var ended = plan.rollup.isEmpty ? [] : ["""
            SELECT second, sum(ended) FROM \(store.endedRollupTable) FINAL WHERE \(plan.rollup.map {
                "(second >= \($0.lowerBound) AND second < \($0.upperBound))" }.joined(separator: " OR ")) GROUP BY second
            """]
        if !plan.raw.isEmpty {
            ended.append("""
                SELECT end_at, count() FROM \(table) WHERE \(plan.raw.map { range in
                    "(end_at >= \(range.lowerBound) AND end_at < \(range.upperBound)"
                        + (longest.map { " AND start_at >= \(range.lowerBound - $0)" } ?? "") + ")"
                }.joined(separator: " OR ")) GROUP BY end_at
                """)
        }
        return (started, ended)
    }

    /// The answers of `changeQueries` (the first `started` of them calls started), visited once per second.
    private func visitChanges(_ answers: [ClickHouseAnswer], started: [GroupedQuery],
                              _ visit: (_ second: Int64, _ started: Int64, _ ended: Int64) -> Void) throws {
        var changes: [Int64: (Int64, Int64)] = [:]
        try merge(Array(answers[..<started.count]), of: started, keys: 1, counters: [.attempts]) {
            changes[$0[0], default: (0, 0)].0 += $1.attempts
        }
        for answer in answers[started.count...] {
            for row in 0..<answer.count where answer.width(row) == 2 {
                let count = try integer(answer, row, 1, "calls ended")
                if count > 0 { changes[try integer(answer, row, 0, "an end"), default: (0, 0)].1 += count }
            }
        }
        for (second, change) in changes { visit(second, change.0, change.1) }
    }

    func registrationsByCustomer() throws -> [Int64: Int] {
        var result: [Int64: Int] = [:]
        for row in try store.postgres.execute(
            "SELECT coalesce(customer_id, 0), count(*) FROM registrations GROUP BY 1") {
            result[try row.int(0)] = Int(try row.int(1))
        }
        return result
    }

    // MARK: Directory

    func customers() throws -> [CustomerEntry] {
        let entries = try store.postgres.execute("""
            SELECT id, name, account_code, active, channels_configured, currency, balance_micros,
                debit_limit_micros, rate_card_id IS NOT NULL, profile_verified FROM customers
            """).map {
            CustomerEntry(
                id: try $0.int(0), name: try $0.text(1), accountCode: try $0.text(2), active: try $0.bool(3),
                channelsConfigured: Int(try $0.int(4)), currency: try $0.text(5), balance: Money(micros: try $0.int(6)),
                debitLimit: Money(micros: try $0.int(7)), hasRateCard: try $0.bool(8), profileVerified: try $0.bool(9),
                firstSeenFile: nil)
        }
        // By the bytes of the name, then id: the order SQLite's BINARY collation gives.
        return entries.sorted { left, right in
            left.name == right.name ? left.id < right.id : Array(left.name.utf8).lexicographicallyPrecedes(right.name.utf8)
        }
    }

    func carriers() throws -> [CarrierEntry] {
        try store.postgres.execute("""
            SELECT id, name, active, channels_configured, rate_card_id IS NOT NULL FROM carriers
            """).map {
            CarrierEntry(id: try $0.int(0), name: try $0.text(1), active: try $0.bool(2),
                         channelsConfigured: Int(try $0.int(3)), hasRateCard: try $0.bool(4))
        }.sorted { Array($0.name.utf8).lexicographicallyPrecedes($1.name.utf8) }
    }

    func didIDs() throws -> [Int64] {
        // By number as bytes, as SQLite orders them.
        try store.postgres.execute("SELECT id, number FROM dids").map { (try $0.int(0), try $0.text(1)) }
            .sorted { Array($0.1.utf8).lexicographicallyPrecedes($1.1.utf8) }.map(\.0)
    }

    func didNumbers(_ ids: [Int64]?) throws -> [Int64: String] {
        var result: [Int64: String] = [:]
        for row in try store.postgres.execute("SELECT id, number FROM dids") {
            let id = try row.int(0)
            if ids?.contains(id) ?? true { result[id] = try row.text(1) }
        }
        return result
    }

    // MARK: Feeds

    func feeds() throws -> [FeedState] {
        try store.postgres.execute("SELECT name, kind, cursor, down_since, checked_at FROM feeds ORDER BY name")
            .map(Self.feedState)
    }

    static func feedState(_ row: PostgresRow) throws -> FeedState {
        FeedState(name: try row.text(0), kind: try row.text(1), cursor: try row.int(2), downSince: try row.optionalInt(3),
                  checkedAt: try row.int(4))
    }
}
