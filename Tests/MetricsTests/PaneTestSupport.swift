import Foundation
import GRDB
import XCTest
@testable import Metrics

/// Independent recounts over raw records for the pane tests: the DESIGN.md definitions written out again, not
/// the engine's `RollupCounts.add`.
enum BruteForce {
    static func isAnswered(_ record: CallRecord) -> Bool { record.answerAt != nil && record.billsec > 0 }

    static func counts(_ records: [CallRecord]) -> RollupCounts {
        var counts = RollupCounts()
        for record in records {
            counts.attempts += 1
            if isAnswered(record) {
                counts.answered += 1
                counts.billsec += Int64(record.billsec)
                if let digits = record.dtmfDigits {
                    counts.dtmfKnown += 1
                    counts.dtmfDigits += Int64(digits)
                    if digits >= 1 { counts.dtmfCalls += 1 }
                }
            } else if record.disposition == .busy {
                counts.busy += 1
            } else if record.disposition == .failed || record.disposition == .congestion {
                counts.failed += 1
            } else {
                counts.noAnswer += 1
            }
            if let sell = record.sell { counts.sellMicros += sell.micros } else { counts.unratedSell += 1 }
            if let buy = record.buy { counts.buyMicros += buy.micros } else { counts.unratedBuy += 1 }
        }
        return counts
    }

    /// ASR in percent over raw records, nil with none.
    static func asr(_ records: [CallRecord]) -> Double? {
        records.isEmpty ? nil : Double(records.filter(isAnswered).count) * 100 / Double(records.count)
    }

    /// ACD in seconds, nil with nothing answered.
    static func acd(_ records: [CallRecord]) -> Double? {
        let answered = records.filter(isAnswered)
        return answered.isEmpty ? nil : Double(answered.reduce(0) { $0 + $1.billsec }) / Double(answered.count)
    }

    /// Share (percent) of answered calls with a digit among answered calls whose DTMF is known; nil when none is.
    static func dtmfShare(_ records: [CallRecord]) -> Double? {
        let known = records.filter { isAnswered($0) && $0.dtmfDigits != nil }
        return known.isEmpty ? nil : Double(known.filter { $0.dtmfDigits! > 0 }.count) * 100 / Double(known.count)
    }

    /// Seconds of [start, end) inside [from, to).
    static func overlap(_ start: Int64, _ end: Int64, _ from: Int64, _ to: Int64) -> Int64 {
        max(0, min(end, to) - max(start, from))
    }
}

extension XCTestCase {
    /// Random CDRs starting in [now - spread, now) and ending by `now`: answered or not, some "ANSWERED" with
    /// billsec 0, DTMF known or not, rated or not, on carriers 1...carriers or none.
    func randomRecords(_ count: Int, endingAt now: Int64, spread: Int64, carriers: Int64, customers: Int64 = 0,
                       prefix: String = "r", using random: inout RandomSource) -> [CallRecord] {
        (0..<count).map { index in
            // Seconds cluster on multiples of 3 so that busy seconds (peaks above 1) happen.
            let start = now - 1 - Int64.random(in: 0..<spread, using: &random) / 3 * 3
            let answered = Int.random(in: 0..<5, using: &random) < 3
            let ring = Int64.random(in: 0...20, using: &random)
            let talk = Int.random(in: 0..<10, using: &random) == 0 ? 0 : Int64.random(in: 1...900, using: &random)
            let end = min(now, start + ring + (answered ? talk : 0))
            return .make(
                key: "\(prefix)\(index)", start: start, answerAfter: answered ? min(ring, end - start) : nil, end: end,
                billsec: answered ? Int(max(0, end - start - ring)) : 0,
                disposition: answered ? .answered : [.busy, .noAnswer, .failed, .congestion].randomElement(using: &random)!,
                customer: customers > 0 && Bool.random(using: &random) ? Int64.random(in: 1...customers, using: &random) : nil,
                carrier: Int.random(in: 0..<8, using: &random) == 0 ? nil : Int64.random(in: 1...carriers, using: &random),
                dtmf: Bool.random(using: &random) ? Int.random(in: 0...3, using: &random) : nil,
                sell: Int.random(in: 0..<10, using: &random) == 0 ? nil : Int64.random(in: 0...2_000_000, using: &random),
                buy: Int.random(in: 0..<10, using: &random) == 0 ? nil : Int64.random(in: 0...1_500_000, using: &random))
        }
    }

    /// Writes `records` in batches of random sizes, so that one second's calls land in several transactions.
    func writeInBatches(_ records: [CallRecord], to store: SQLiteStore, using random: inout RandomSource) throws {
        var rest = records[...]
        while !rest.isEmpty {
            let size = Int.random(in: 1...max(1, records.count / 5), using: &random)
            let batch = Array(rest.prefix(size))
            rest = rest.dropFirst(size)
            try store.write { try CDRWriter.insert(batch, in: $0) }
        }
    }
}
