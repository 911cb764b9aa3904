import Foundation
import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

final class CarrierQualityTests: XCTestCase {
    /// Per carrier over each range, ASR, ACD and DTMF equal a recount over the raw rows, N/A where the
    /// denominator is empty; the total line of the toggled-in carriers is recomputed from their rows' counters.
    func testQualityByCarrierMatchesBruteForce() throws {
        var random = seededRandom()
        // One store read as live (minute rollups) and one from long ago (hour rollups and raw edges).
        for now: Int64 in [Int64(Date().timeIntervalSince1970) - 5, 1_709_251_200 + 12_345] {
            let temporary = try TemporaryStore()
            try temporary.store.write { db in
                for index in 1...4 {
                    try Accounts.addCarrier(name: "K\(index)", channelsConfigured: 9, rateCardID: nil, in: db)
                }
                try db.execute(sql: "UPDATE carriers SET status = 'disabled' WHERE id = 4")
            }
            // Carrier 4 is never used: it is listed with N/A figures.
            let records = randomRecords(5_000, endingAt: now, spread: 8 * 86_400, carriers: 3, using: &random)
                + randomRecords(800, endingAt: now, spread: 3_600, carriers: 3, prefix: "h", using: &random)
            try writeInBatches(records, to: temporary.store, using: &random)
            let engine = MetricsEngine(store: temporary.store)
            for range in HistoryRange.allCases {
                let quality = try engine.carrierQuality(range, at: now)
                let (from, to) = range.window(at: now)
                XCTAssertEqual(quality.from, from)
                XCTAssertEqual(quality.to, to)
                let inWindow = records.filter { $0.startAt >= from && $0.startAt < to }
                let byCarrier = Dictionary(grouping: inWindow, by: { $0.carrierID ?? 0 })
                XCTAssertEqual(Set(quality.carriers.map(\.id)), Set([1, 2, 3, 4] + (byCarrier[0] == nil ? [] : [0])))
                for row in quality.carriers {
                    let calls = byCarrier[row.id] ?? []
                    let label = "\(range) carrier \(row.id) at \(now)"
                    XCTAssertEqual(row.counts, QualityCounts(BruteForce.counts(calls)), label)
                    XCTAssertEqual(row.attempts, Int64(calls.count), label)
                    assertEqual(row.asr, BruteForce.asr(calls), label)
                    assertEqual(row.acd, BruteForce.acd(calls), label)
                    assertEqual(row.dtmfShare, BruteForce.dtmfShare(calls), label)
                    XCTAssertEqual(row.dtmfDigits, calls.filter(BruteForce.isAnswered).reduce(0) { $0 + Int64($1.dtmfDigits ?? 0) })
                    XCTAssertEqual(row.name, row.id == 0 ? "(unknown carrier)" : "K\(row.id)")
                    XCTAssertEqual(row.active, row.id != 4)
                }
                let idle = quality.carriers.first { $0.id == 4 }!
                XCTAssertNil(idle.asr, "no attempts: N/A, never 0 %")
                XCTAssertNil(idle.acd)
                XCTAssertNil(idle.dtmfShare)
                // Busiest first.
                XCTAssertEqual(quality.carriers.map(\.attempts), quality.carriers.map(\.attempts).sorted(by: >))
                // The total of the toggled-in carriers, from raw rows.
                for excluded in [Set<Int64>(), [2], [1, 3], [0, 1, 2, 3, 4]] {
                    let kept = inWindow.filter { !excluded.contains($0.carrierID ?? 0) }
                    let total = quality.total(excluding: excluded)
                    XCTAssertEqual(total, QualityCounts(BruteForce.counts(kept)), "\(range) without \(excluded)")
                    assertEqual(total.asr, BruteForce.asr(kept), "\(range) without \(excluded)")
                    assertEqual(total.acd, BruteForce.acd(kept), "\(range) without \(excluded)")
                    assertEqual(total.dtmfShare, BruteForce.dtmfShare(kept), "\(range) without \(excluded)")
                }
            }
        }
    }

    /// Hand-counted: N/A for no attempts and for nothing answered, DTMF unknown left out of the ratio (not counted
    /// as zero), an "ANSWERED" row with billsec 0 not answered, and a total that is not the mean of the rows.
    func testNotApplicableCasesAndUnknownDTMF() throws {
        let temporary = try TemporaryStore()
        let now: Int64 = 1_700_000_000 + 1_800
        try temporary.store.write { db in
            for name in ["Answers", "Silent", "Idle"] {
                try Accounts.addCarrier(name: name, channelsConfigured: 1, rateCardID: nil, in: db)
            }
            try CDRWriter.insert([
                // Answers: 4 attempts, 3 answered (60, 90, 30 s); DTMF 2 digits, 0 digits, unknown.
                .make(key: "a1", start: now - 600, answerAfter: 5, end: now - 535, carrier: 1, dtmf: 2),
                .make(key: "a2", start: now - 500, answerAfter: 5, end: now - 405, carrier: 1, dtmf: 0),
                .make(key: "a3", start: now - 400, answerAfter: 5, end: now - 365, carrier: 1, dtmf: nil),
                .make(key: "a4", start: now - 300, end: now - 290, disposition: .busy, carrier: 1),
                // Silent: 2 attempts, one "ANSWERED" with billsec 0: nothing answered.
                .make(key: "s1", start: now - 200, answerAfter: 3, end: now - 197, billsec: 0, carrier: 2, dtmf: 1),
                .make(key: "s2", start: now - 100, end: now - 90, disposition: .noAnswer, carrier: 2),
                // Outside the hour: not counted.
                .make(key: "old", start: now - 7_200, answerAfter: 1, end: now - 7_100, carrier: 3),
            ], in: db)
        }
        let quality = try MetricsEngine(store: temporary.store).carrierQuality(.oneHour, at: now)
        XCTAssertEqual(quality.carriers.map(\.name), ["Answers", "Silent", "Idle"])
        let answers = quality.carriers[0], silent = quality.carriers[1], idle = quality.carriers[2]
        XCTAssertEqual(answers.asr, 75)
        XCTAssertEqual(answers.acd, 60)
        XCTAssertEqual(answers.dtmfShare, 50, "1 of the 2 calls whose DTMF is known; the unknown one is left out")
        XCTAssertEqual(answers.dtmfDigits, 2)
        XCTAssertEqual(answers.counts.dtmfUnknown, 1)
        XCTAssertEqual(silent.asr, 0)
        XCTAssertNil(silent.acd, "nothing answered: N/A")
        XCTAssertNil(silent.dtmfShare)
        XCTAssertEqual(idle.attempts, 0)
        XCTAssertNil(idle.asr)
        let total = quality.total()
        XCTAssertEqual(total.asr, 50, "3 answered of 6 attempts")
        XCTAssertNotEqual(total.asr, (75 + 0) / 2, "not the mean of the rows")
        XCTAssertEqual(quality.total(excluding: [1]).asr, 0)
        XCTAssertNil(quality.total(excluding: [1, 2]).asr)
    }

    private func assertEqual(_ value: Double?, _ expected: Double?, _ label: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        switch (value, expected) {
        case (nil, nil): return
        case let (value?, expected?): XCTAssertEqual(value, expected, accuracy: 1e-9, label, file: file, line: line)
        default: XCTFail("\(label): \(String(describing: value)) vs \(String(describing: expected))", file: file, line: line)
        }
    }
}
