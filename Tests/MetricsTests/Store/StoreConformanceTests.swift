import Foundation
import Metrics
import TermDashTestSupport
import XCTest

/// The store conformance suite: every figure the engine computes, from a store written only through the store's
/// protocols (ledger and sink), equals a brute-force recount over the raw records written — on every backend in
/// `StoreBackend.all`. Uses only Metrics' public API, as another backend's code would.
final class StoreConformanceTests: XCTestCase {
    /// 2024-03-01 14:37:23 UTC: not on a minute, so windows have ragged edges.
    private let now: Int64 = 1_709_303_843

    private struct Traffic {
        var records: [CallRecord]
        var live: [CallInProgress]
        var customers: [Int64]
        var carriers: [Int64]
    }

    /// Five customers, four carriers, random CDRs over the last `spread` seconds (some with no customer or carrier),
    /// written in batches of random sizes, and calls in progress started in the last half hour.
    private func fill(_ store: any MetricStore, count: Int = 4_000, spread: Int64 = 3 * 86_400,
                      using random: inout RandomSource) throws -> Traffic {
        var customers: [Int64] = []
        for index in 1...5 {
            customers.append(try store.addCustomer(
                .init(accountCode: "C\(index)", name: "Customer \(index)", active: index != 5,
                      channelsConfigured: 10 * index, rateCardID: nil), createdAt: 0))
        }
        var carriers: [Int64] = []
        for index in 1...4 {
            carriers.append(try store.addCarrier(name: "Carrier \(index)", channelsConfigured: 60, rateCardID: nil))
        }
        var records = randomRecords(count, endingAt: now, spread: spread, carriers: 4, customers: 5, using: &random)
        // The ids above are the store's: map the generator's 1...n onto them.
        for index in records.indices {
            records[index].customerID = records[index].customerID.map { customers[Int($0) - 1] }
            records[index].carrierID = records[index].carrierID.map { carriers[Int($0) - 1] }
        }
        try writeInBatches(records, to: store, using: &random)
        let live = (0..<40).map { index in
            CallInProgress(
                callKey: "live\(index)", source: "test", startAt: now - Int64.random(in: 0...1_800, using: &random),
                customerID: Bool.random(using: &random) ? customers.randomElement(using: &random) : nil,
                carrierID: carriers.randomElement(using: &random))
        }
        try store.write { try $0.startCalls(live) }
        return Traffic(records: records, live: live, customers: customers, carriers: carriers)
    }

    func testIntervalFiguresByGroupingMatchBruteForce() throws {
        var random = seededRandom()
        try StoreBackend.eachEmptyStore { backend, store in
            let traffic = try fill(store, using: &random)
            let engine = MetricsEngine(store: store)
            let windows: [(Int64, Int64)] = [
                (now - 3 * 3_600 + 17, now - 5), (now - 86_400, now), (now - 7_200 - now % 3_600, now - now % 3_600),
                (now - 2 * 86_400 + 61, now - 86_400 - 59), (now - 10, now),
            ]
            let groupings: [(FigureGrouping, (CallRecord) -> Int64)] = [
                (.total, { _ in 0 }), (.carrier, { $0.carrierID ?? 0 }), (.customer, { $0.customerID ?? 0 }),
            ]
            for (from, to) in windows {
                for (grouping, group) in groupings {
                    let figures = try engine.figures(from: from, to: to, groupedBy: grouping, at: now)
                    let inWindow = traffic.records.filter { $0.startAt >= from && $0.startAt < to }
                    let expected = Dictionary(grouping: inWindow, by: group).mapValues(BruteForce.counts)
                    for (id, counts) in expected {
                        XCTAssertEqual(figures[id]?.counts, counts, "\(backend) \(grouping) [\(from), \(to)) group \(id)")
                    }
                    for (id, figure) in figures where expected[id] == nil {
                        XCTAssertEqual(figure.attempts, 0, "\(backend) \(grouping) [\(from), \(to)) group \(id) has no call")
                    }
                }
            }
        }
    }

    /// Windows whose edges fall a few seconds off a minute, where the servers take an edge minute whole from the
    /// rollup less its seconds outside the window: every second of both edge minutes holds calls, and one carrier
    /// calls only in the seconds just outside the first window, so it has no figure there.
    func testFiguresOverEdgesJustOffAMinuteMatchBruteForce() throws {
        var random = seededRandom()
        let first = now - now % 60 - 3_600, last = now - now % 60 - 120
        try StoreBackend.eachEmptyStore { backend, store in
            let carriers = try (1...3).map { try store.addCarrier(name: "Carrier \($0)", channelsConfigured: 60, rateCardID: nil) }
            var records = randomRecords(300, endingAt: last, spread: last - first, carriers: 2, prefix: "m", using: &random)
                .map { record -> CallRecord in
                    var record = record
                    record.carrierID = record.carrierID.map { carriers[Int($0) - 1] }
                    return record
                }
            for minute in [first, last] {
                for second in minute..<(minute + 60) {
                    let outside = second < first + 7 || second >= last + 53
                    records.append(.make(
                        key: "e\(second)", start: second, answerAfter: 2, end: second + Int64.random(in: 2...200, using: &random),
                        customer: nil, carrier: outside ? carriers[2] : carriers[Int.random(in: 0...1, using: &random)],
                        dtmf: 1, sell: Int64.random(in: 0...900_000, using: &random), buy: 1_000))
                }
            }
            try writeInBatches(records, to: store, using: &random)
            let engine = MetricsEngine(store: store)
            for (from, to) in [(first + 7, last + 53), (first + 50, last + 10), (first + 1, last + 59), (first + 59, first + 61)] {
                for grouping in [FigureGrouping.total, .carrier] {
                    let figures = try engine.figures(from: from, to: to, groupedBy: grouping, at: now)
                    let inWindow = records.filter { $0.startAt >= from && $0.startAt < to }
                    let expected = Dictionary(grouping: inWindow) { grouping == .total ? 0 : $0.carrierID ?? 0 }
                        .mapValues(BruteForce.counts)
                    for (id, counts) in expected {
                        XCTAssertEqual(figures[id]?.counts, counts, "\(backend) \(grouping) [\(from), \(to)) group \(id)")
                    }
                    for (id, figure) in figures where expected[id] == nil {
                        XCTAssertEqual(figure.attempts, 0, "\(backend) \(grouping) [\(from), \(to)) group \(id) has no call")
                    }
                }
            }
        }
    }

    func testSummaryGridsMatchBruteForce() throws {
        var random = seededRandom()
        try StoreBackend.eachEmptyStore { backend, store in
            let traffic = try fill(store, count: 3_000, spread: 40 * 86_400, using: &random)
            let engine = MetricsEngine(store: store)
            // The page that ends now and pages back through the history (a page of days reaches 31 to 62 days back).
            for period in SummaryPeriod.allCases {
              for page in 0...2 {
                let grid = try engine.summary(period, pagesBack: page, at: now)
                XCTAssertEqual(grid.buckets, period.buckets(endingAt: now, pagesBack: page))
                XCTAssertEqual(grid.pagesBack, page)
                for row in grid.rows {
                    for (index, bucket) in grid.buckets.enumerated() {
                        let end = period.next(after: bucket)
                        let cell = traffic.records.filter {
                            ($0.customerID ?? 0) == row.customerID && $0.startAt >= bucket && $0.startAt < end
                        }
                        XCTAssertEqual(row.cells[index].counts, BruteForce.counts(cell),
                                       "\(backend) \(period) page \(page) \(row.name) \(bucket)")
                    }
                }
                let interval = try XCTUnwrap(grid.interval)
                let inPeriod = traffic.records.filter { interval.contains($0.startAt) }
                XCTAssertEqual(grid.rows.reduce(RollupCounts()) { $0 + $1.total.counts }, BruteForce.counts(inPeriod),
                               "\(backend) \(period) page \(page)")
              }
            }
        }
    }

    func testHistoryQualityAndLiveChannelsMatchBruteForce() throws {
        var random = seededRandom()
        try StoreBackend.eachEmptyStore { backend, store in
            let traffic = try fill(store, count: 3_000, spread: 2 * 86_400, using: &random)
            // Registration samples with gaps (whole minutes), some before both windows: each bucket shows the last
            // one taken before its end.
            var samples: [Int64: Int] = [:]
            for _ in 0..<120 {
                samples[(now - Int64.random(in: 0...(2 * 86_400), using: &random)) / 60 * 60] = Int.random(in: 0...5_000, using: &random)
            }
            try store.write { try $0.sampleRegistrations(samples.map { (minute: $0.key, registrations: $0.value) }) }
            let engine = MetricsEngine(store: store)
            for range in [HistoryRange.oneHour, .oneDay] {
                let history = try engine.history(range, at: now)
                for index in 0..<history.count {
                    let from = history.from + Int64(index) * history.step
                    let to = from + history.step
                    XCTAssertEqual(history.registrations[index], samples.filter { $0.key < to }.max { $0.key < $1.key }?.value ?? 0,
                                   "\(backend) \(range) registrations \(index)")
                    let started = traffic.records.filter { $0.startAt >= from && $0.startAt < to }
                    XCTAssertEqual(history.figures[index].counts, BruteForce.counts(started), "\(backend) \(range) bucket \(index)")
                    let perSecond = Dictionary(grouping: started, by: \.startAt).mapValues(\.count)
                    XCTAssertEqual(history.peakAttempts[index], Int64(perSecond.values.max() ?? 0), "\(backend) \(range) peak \(index)")
                    let occupancy = traffic.records.reduce(Int64(0)) { $0 + BruteForce.overlap($1.startAt, $1.endAt, from, to) }
                        + traffic.live.reduce(Int64(0)) { $0 + BruteForce.overlap($1.startAt, now, from, to) }
                    XCTAssertEqual(history.channelSeconds[index], occupancy, "\(backend) \(range) occupancy \(index)")
                }
                let quality = try engine.carrierQuality(range, at: now)
                let (from, to) = range.window(at: now)
                for carrier in quality.carriers {
                    let calls = traffic.records.filter { ($0.carrierID ?? 0) == carrier.id && $0.startAt >= from && $0.startAt < to }
                    let expected = BruteForce.counts(calls)
                    XCTAssertEqual([carrier.counts.attempts, carrier.counts.answered, carrier.counts.billsec,
                                    carrier.counts.dtmfKnown, carrier.counts.dtmfCalls, carrier.counts.dtmfDigits],
                                   [expected.attempts, expected.answered, expected.billsec, expected.dtmfKnown,
                                    expected.dtmfCalls, expected.dtmfDigits], "\(backend) \(range) carrier \(carrier.name)")
                }
            }
            let window = 300
            let dashboard = try engine.dashboard(at: now, liveWindow: window, tableRows: 10)
            XCTAssertEqual(dashboard.counters.liveChannels, traffic.live.count, backend)
            XCTAssertEqual(dashboard.counters.activeCustomers, 4, backend)
            XCTAssertEqual(dashboard.counters.carriers, 4, backend)
            for (index, channels) in dashboard.liveChannels.enumerated() {
                let second = now - Int64(window) + 1 + Int64(index)
                let expected = traffic.records.filter { $0.startAt <= second && second < $0.endAt }.count
                    + traffic.live.filter { $0.startAt <= second }.count
                XCTAssertEqual(channels, expected, "\(backend) channels at \(second)")
            }
            let inUse = Dictionary(grouping: traffic.live.compactMap(\.customerID), by: { $0 }).mapValues(\.count)
            XCTAssertEqual(dashboard.topCustomers.map(\.inUse), inUse.values.sorted(by: >).prefix(10).map { $0 }, backend)
        }
    }

    /// Writers may repeat a batch (a retried transaction, a re-read file): the second write adds nothing.
    func testABatchWrittenTwiceIsStoredOnce() throws {
        var random = seededRandom()
        try StoreBackend.eachEmptyStore { backend, store in
            let carriers = try (1...3).map { try store.addCarrier(name: "K\($0)", channelsConfigured: 9, rateCardID: nil) }
            var records = randomRecords(500, endingAt: now, spread: 86_400, carriers: 3, using: &random)
            for index in records.indices { records[index].carrierID = records[index].carrierID.map { carriers[Int($0) - 1] } }
            XCTAssertEqual(try store.write { try $0.insertCDRs(records) }, 500, backend)
            let engine = MetricsEngine(store: store)
            let once = try engine.figures(from: now - 86_400, to: now, at: now)
            XCTAssertEqual(try store.write { try $0.insertCDRs(records.shuffled(using: &random)) }, 0, backend)
            XCTAssertEqual(try engine.figures(from: now - 86_400, to: now, at: now), once, backend)
            XCTAssertEqual(once[0]?.counts, BruteForce.counts(records), backend)
        }
    }

    /// A batch of 15,000 CDRs, 14,000 of them stored already among 76,000 others of the same hour: only its 1,000
    /// new ones count. On ClickHouse this asks for stored keys by a list in the query (the hour holds many other
    /// rows), and a query is at most 256 KiB of text: the list goes in slices (one list would be about 300 KB).
    func testALargeBatchAmongManyStoredCDRsCountsOnlyItsNewOnes() throws {
        var random = seededRandom()
        try StoreBackend.eachEmptyStore { backend, store in
            let carriers = try (1...3).map { try store.addCarrier(name: "K\($0)", channelsConfigured: 9, rateCardID: nil) }
            var records = randomRecords(91_000, endingAt: now, spread: 3_600, carriers: 3, using: &random)
            for index in records.indices { records[index].carrierID = records[index].carrierID.map { carriers[Int($0) - 1] } }
            XCTAssertEqual(try store.write { try $0.insertCDRs(Array(records[..<90_000])) }, 90_000, backend)
            XCTAssertEqual(try store.write { try $0.insertCDRs(records[76_000...].shuffled(using: &random)) }, 1_000, backend)
            let figures = try MetricsEngine(store: store).figures(from: now - 3_600, to: now, at: now)
            XCTAssertEqual(figures[0]?.counts, BruteForce.counts(records), backend)
        }
    }

    /// A switch feed's cursor is stored with its CDRs, all or nothing; accounts it creates in the transaction are
    /// there for the next; the checklist reads the feed's state.
    func testAFeedsCursorCommitsWithItsCDRsOrNotAtAll() throws {
        var random = seededRandom()
        struct Rollback: Error {}
        try StoreBackend.eachEmptyStore { backend, store in
            XCTAssertNil(try store.write { try $0.feed(named: "edge") }, backend)
            // No accounts: the CDRs name none.
            let records = randomRecords(50, endingAt: now, spread: 3_600, carriers: 1, customers: 1, using: &random).map {
                var record = $0
                record.customerID = nil
                record.carrierID = nil
                return record
            }
            // A transaction that fails after the CDRs and the cursor keeps neither.
            XCTAssertThrowsError(try store.write { session in
                try session.insertCDRs(records)
                try session.storeFeed(FeedState(name: "edge", kind: "kamailio", cursor: 50, checkedAt: now))
                throw Rollback()
            }, backend)
            XCTAssertNil(try store.write { try $0.feed(named: "edge") }, backend)
            XCTAssertEqual(try MetricsEngine(store: store).figures(from: now - 3_600, to: now, at: now)[0]?.counts.attempts ?? 0,
                           0, backend)

            let stored = try store.write { session -> Int in
                var directory = try session.accountDirectory()
                _ = try directory.customer("acme")
                try session.createAccounts(directory.takeCreations(), at: now)
                let new = try session.insertCDRs(records)
                try session.storeFeed(FeedState(name: "edge", kind: "kamailio", cursor: 50, downSince: now - 5, checkedAt: now))
                return new
            }
            XCTAssertEqual(stored, 50, backend)
            XCTAssertEqual(try store.write { try $0.feed(named: "edge") },
                           FeedState(name: "edge", kind: "kamailio", cursor: 50, downSince: now - 5, checkedAt: now), backend)
            XCTAssertEqual(try store.read { try $0.feeds() }.map(\.name), ["edge"], backend)
            XCTAssertEqual(try store.accounts().customers.map(\.accountCode), ["acme"], backend)
            XCTAssertEqual(try MetricsEngine(store: store).checklist(at: now).filter { $0.kind == .feedDown }.count, 1, backend)
        }
    }
}
