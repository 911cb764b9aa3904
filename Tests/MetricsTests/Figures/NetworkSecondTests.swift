import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

/// The per-second network rollup (`rollup_network_second`): the live-channels series and the network's ragged
/// interval edges read from it equal a brute-force count over the raw records, and stay equal once the CDRs are
/// gone (they are not read).
final class NetworkSecondTests: XCTestCase {
    private let base: Int64 = 1_763_683_200 + 13 * 3_600

    /// Random finished calls (zero-length ones, long ones that start before any window, some that end after the
    /// instants read) and calls in progress.
    private func fill(_ store: SQLiteStore, random: inout RandomSource) throws -> (records: [CallRecord], live: [Int64]) {
        var records: [CallRecord] = []
        for index in 0..<3_000 {
            let start = base - Int64.random(in: 0...4 * 3_600, using: &random)
            let length: Int64 = switch Int.random(in: 0..<10, using: &random) {
            case 0: 0
            case 1: Int64.random(in: 600...7_200, using: &random)
            default: Int64.random(in: 1...300, using: &random)
            }
            let answered = length > 0 && Bool.random(using: &random)
            records.append(.make(
                key: "n\(index)", start: start, answerAfter: answered ? 0 : nil, end: start + length,
                disposition: answered ? .answered : [.busy, .noAnswer, .failed, .congestion].randomElement(using: &random)!,
                carrier: Int64.random(in: 1...3, using: &random),
                dtmf: Bool.random(using: &random) ? Int.random(in: 0...3, using: &random) : nil,
                sell: Int.random(in: 0..<8, using: &random) == 0 ? nil : Int64.random(in: 0...900_000, using: &random),
                buy: Int.random(in: 0..<8, using: &random) == 0 ? nil : Int64.random(in: 0...500_000, using: &random)))
        }
        let live = (0..<60).map { _ in base - Int64.random(in: 0...3_000, using: &random) }
        try store.write { db in
            for carrier in 1...3 { try Accounts.addCarrier(name: "K\(carrier)", channelsConfigured: 1, rateCardID: nil, in: db) }
            // Several batches, so that seconds are added to more than once.
            for chunk in stride(from: 0, to: records.count, by: 450) {
                try CDRWriter.insert(Array(records[chunk..<min(records.count, chunk + 450)]), in: db)
            }
            for (index, start) in live.enumerated() {
                try db.execute(sql: "INSERT INTO calls_in_progress (call_key, source, start_at) VALUES (?, 'test', ?)",
                               arguments: ["live\(index)", start])
            }
        }
        return (records, live)
    }

    private func channels(at second: Int64, _ records: [CallRecord], _ live: [Int64], now: Int64) -> Int {
        records.filter { $0.startAt <= second && second < $0.endAt }.count
            + live.filter { $0 <= second && $0 <= now }.count
    }

    func testLiveChannelsMatchABruteForceCount() throws {
        let temporary = try TemporaryStore()
        var random = seededRandom()
        let (records, live) = try fill(temporary.store, random: &random)
        let engine = MetricsEngine(store: temporary.store)
        // Instants inside the history, where finished calls still run past `now`, and after it.
        var instants: [Int64] = [base, base - 1, base - 3_599, base + 7_200]
        for _ in 0..<12 { instants.append(base - Int64.random(in: 0...4 * 3_600, using: &random)) }
        for now in instants {
            let window = Int.random(in: 1...900, using: &random)
            let series = try engine.dashboard(at: now, liveWindow: window, tableRows: 1).liveChannels
            XCTAssertEqual(series.count, window)
            for (offset, value) in series.enumerated() {
                let second = now - Int64(window) + 1 + Int64(offset)
                XCTAssertEqual(value, channels(at: second, records, live, now: now), "second \(second) at \(now)")
            }
        }
    }

    func testNetworkFiguresOfRaggedIntervalsMatchABruteForceCount() throws {
        let temporary = try TemporaryStore()
        var random = seededRandom()
        let (records, live) = try fill(temporary.store, random: &random)
        let engine = MetricsEngine(store: temporary.store)
        var intervals: [(Int64, Int64)] = [(base - 86_400 + 17, base - 3), (base - 4 * 3_600 - 59, base + 1),
                                           (base - 30, base - 29), (base - 90, base - 90)]
        for _ in 0..<80 {
            let from = base - Int64.random(in: 0...5 * 3_600, using: &random)
            intervals.append((from, from + Int64.random(in: 0...3 * 3_600, using: &random)))
        }
        func check(_ note: String) throws {
            for (from, to) in intervals {
                let figures = try engine.figures(from: from, to: to, groupedBy: .total, at: base + 60)
                let inside = records.filter { $0.startAt >= from && $0.startAt < to }
                var expected = RollupCounts()
                for record in inside { expected.add(record) }
                XCTAssertEqual(figures.mapValues(\.counts), inside.isEmpty ? [:] : [0: expected],
                               "[\(from), \(to)) \(note)")
            }
        }
        try check("from the CDRs and rollups")
        try temporary.store.write { try $0.execute(sql: "DELETE FROM cdrs") }
        try check("with the CDRs gone")
        // No finished call runs past this instant (the latest starts at `base` and lasts at most 7,200 s), so the
        // series needs no CDR.
        let now = base + 7_200
        let series = try engine.dashboard(at: now, liveWindow: 900, tableRows: 1).liveChannels
        for (offset, value) in series.enumerated() {
            let second = now - 899 + Int64(offset)
            XCTAssertEqual(value, channels(at: second, records, live, now: now), "second \(second), the CDRs gone")
        }
    }
}
