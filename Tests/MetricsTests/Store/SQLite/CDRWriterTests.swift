import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

final class CDRWriterTests: XCTestCase {
    /// Random CDRs, some spanning minute/hour/day/month boundaries, some duplicated: every rollup level must equal
    /// a brute-force count over the distinct records, and a second write of the same rows must add nothing.
    func testRollupsEqualBruteForceOverTheRawRows() throws {
        let temporary = try TemporaryStore()
        var random = seededRandom()
        let monthEdge: Int64 = 1_711_929_600  // 2024-04-01 00:00:00 UTC
        var records: [CallRecord] = []
        for index in 0..<2_700 {
            let start = monthEdge + Int64.random(in: -90_000...90_000, using: &random)
            let answered = Int.random(in: 0..<3, using: &random) > 0
            let ring = Int64.random(in: 0...30, using: &random)
            let talk = Int64.random(in: 0...7_200, using: &random)
            let disposition: Disposition = answered ? .answered : [.busy, .noAnswer, .failed, .congestion].randomElement(using: &random)!
            records.append(.make(
                key: "k\(index)",
                start: start, answerAfter: answered ? ring : nil, end: start + ring + (answered ? talk : 0),
                disposition: disposition, customer: Bool.random(using: &random) ? Int64.random(in: 1...5, using: &random) : nil,
                carrier: Int64.random(in: 1...3, using: &random), dtmf: Bool.random(using: &random) ? Int.random(in: 0...4, using: &random) : nil,
                sell: Bool.random(using: &random) ? Int64.random(in: 0...900_000, using: &random) : nil,
                buy: Int64.random(in: 0...500_000, using: &random)))
        }
        // 300 CDRs written twice in the same batch (a CDR is its key and its start).
        for _ in 0..<300 { records.insert(records[Int.random(in: 0..<2_700, using: &random)], at: Int.random(in: 0...records.count, using: &random)) }
        try temporary.store.write { db in
            for index in 1...5 {
                try Accounts.addCustomer(.init(accountCode: "C\(index)", name: "Customer \(index)", channelsConfigured: 5,
                                               rateCardID: nil), createdAt: 0, in: db)
            }
            for index in 1...3 { try Accounts.addCarrier(name: "Carrier \(index)", channelsConfigured: 5, rateCardID: nil, in: db) }
        }
        let inserted = try temporary.store.write { try CDRWriter.insert(records, in: $0) }
        XCTAssertEqual(inserted, 2_700)
        XCTAssertEqual(try temporary.store.write { try CDRWriter.insert(records, in: $0) }, 0, "re-writing adds nothing")

        var seen = Set<RowKey>()
        let distinct = records.filter { seen.insert($0.rowKey).inserted }
        for table in RollupTable.all {
            let columns = table.keyColumns + RollupTable.counterColumns
            let rows = try temporary.store.read { db in
                try Row.fetchAll(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table.name)")
            }
            var stored: [String: [Int64]] = [:]
            for row in rows {
                let key = table.keyColumns.indices.map { String(row[$0] as Int64) }.joined(separator: "/")
                stored[key] = (table.keyColumns.count..<columns.count).map { row[$0] }
            }
            var expected: [String: [Int64]] = [:]
            for record in distinct {
                // Independent of the production code: bucket by Foundation's calendar, answered by the definition.
                let bucket = String(calendarStart(table.level, record.startAt))
                let customer = String(record.customerID ?? 0)
                let carrier = String(record.carrierID ?? 0)
                let key: String
                switch table {
                case .carrier: key = "\(bucket)/\(carrier)"
                case .customer: key = "\(bucket)/\(customer)"
                case .customerCarrierHour: key = "\(customer)/\(bucket)/\(carrier)"
                }
                var counts = expected[key] ?? Array(repeating: 0, count: 13)
                let answered = record.answerAt != nil && record.billsec > 0
                counts[0] += 1
                if answered {
                    counts[1] += 1
                    counts[5] += Int64(record.billsec)
                    if let dtmf = record.dtmfDigits {
                        counts[6] += 1
                        counts[7] += dtmf > 0 ? 1 : 0
                        counts[8] += Int64(dtmf)
                    }
                } else if record.disposition == .busy {
                    counts[2] += 1
                } else if record.disposition == .failed || record.disposition == .congestion {
                    counts[4] += 1
                } else {
                    counts[3] += 1
                }
                if let sell = record.sell { counts[9] += sell.micros } else { counts[11] += 1 }
                if let buy = record.buy { counts[10] += buy.micros } else { counts[12] += 1 }
                expected[key] = counts
            }
            XCTAssertEqual(stored, expected, table.name)
        }

        // Channel occupancy: total seconds equal the sum of call lengths; per-second attempts equal a recount.
        let occupancy = try temporary.store.read { try Int64.fetchOne($0, sql: "SELECT SUM(channel_seconds) FROM channel_seconds_per_minute") }
        XCTAssertEqual(occupancy, distinct.reduce(0) { $0 + ($1.endAt - $1.startAt) })
        let peak = try temporary.store.read { try Int64.fetchOne($0, sql: "SELECT MAX(attempts) FROM attempts_per_second") }
        XCTAssertEqual(peak, Int64(Dictionary(grouping: distinct, by: \.startAt).values.map(\.count).max()!))
    }

    func testAnsweredWithZeroBillsecCountsAsNotAnswered() throws {
        let temporary = try TemporaryStore()
        try temporary.store.write { db in
            try CDRWriter.insert([
                .make(key: "a", start: 0, answerAfter: 5, end: 5, billsec: 0, disposition: .answered),
                .make(key: "b", start: 0, answerAfter: 5, end: 65, disposition: .answered),
            ], in: db)
        }
        let row = try temporary.store.read { try Row.fetchOne($0, sql: "SELECT attempts, answered, no_answer, billsec FROM rollup_carrier_day")! }
        XCTAssertEqual([row[0], row[1], row[2], row[3]] as [Int64], [2, 1, 1, 60])
    }

    /// Different CDRs whose 64-bit keys collide in the same second are all stored (each later one under the next
    /// free key of its probe sequence); writing any of them again adds nothing, and the rollups count each once.
    func testCollidingKeysInOneSecondKeepEveryCDRAndStayIdempotent() throws {
        let temporary = try TemporaryStore()
        var records: [CallRecord] = []
        for check in 1...4 as ClosedRange<Int64> {
            var record = CallRecord.make(key: "", start: 1_000, answerAfter: 2, end: 1_002 + 10 * check)
            record.rowKey = RowKey(key: 7, check: check)
            records.append(record)
        }
        // Another CDR already holds a key on the probe sequence of the colliding ones.
        var blocker = CallRecord.make(key: "", start: 1_000, end: 1_005, disposition: .busy)
        blocker.rowKey = RowKey(key: 9, check: 99)
        XCTAssertEqual(try temporary.store.write { try CDRWriter.insert([blocker], in: $0) }, 1)
        XCTAssertEqual(try temporary.store.write { try CDRWriter.insert(records, in: $0) }, 4)
        XCTAssertEqual(try temporary.store.write { try CDRWriter.insert(records.reversed() + [blocker], in: $0) }, 0)
        let keys = try temporary.store.read { db in
            try Row.fetchAll(db, sql: "SELECT row_key, row_check FROM cdrs ORDER BY row_key").map { [$0[0], $0[1]] as [Int64] }
        }
        XCTAssertEqual(keys, [[7, 1], [8, 2], [9, 99], [10, 3], [11, 4]])
        let day = try temporary.store.read { try Row.fetchOne($0, sql: "SELECT attempts, billsec FROM rollup_carrier_day")! }
        XCTAssertEqual([day[0], day[1]] as [Int64], [5, 10 + 20 + 30 + 40])

        // The same key in another second is no conflict at all.
        var later = records[1]
        later.startAt += 1
        later.endAt += 1
        XCTAssertEqual(try temporary.store.write { try CDRWriter.insert([later, later], in: $0) }, 1)
        XCTAssertEqual(try temporary.store.read { try Int64.fetchOne($0, sql: "SELECT row_key FROM cdrs WHERE start_at = 1001") }, 7)
    }

    /// Text is bound from a reused buffer: every row stores its own text, a value too long for the buffer too, and
    /// empty strings stay empty (not NULL).
    func testTextColumnsKeepTheirOwnValuesRowAfterRow() throws {
        let temporary = try TemporaryStore()
        let long = String(repeating: "é", count: 40_000)  // 80,000 bytes
        var records: [CallRecord] = []
        for (index, name) in ["first", long, "", "ü-\(long)-ü", "last"].enumerated() {
            var record = CallRecord.make(key: "t\(index)", start: 100 + Int64(index), end: 200)
            record.callerName = name
            record.src = String(repeating: "9", count: index)
            record.dst = name.isEmpty ? "" : "+41\(index)"
            record.callKey = index % 2 == 0 ? nil : "call-\(index)"
            records.append(record)
        }
        XCTAssertEqual(try temporary.store.write { try CDRWriter.insert(records, in: $0) }, 5)
        let rows = try temporary.store.read { db in
            try Row.fetchAll(db, sql: "SELECT caller_name, src, dst, call_key, source FROM cdrs ORDER BY start_at")
        }
        XCTAssertEqual(rows.map { $0[0] as String }, records.map(\.callerName))
        XCTAssertEqual(rows.map { $0[1] as String }, records.map(\.src))
        XCTAssertEqual(rows.map { $0[2] as String }, records.map(\.dst))
        XCTAssertEqual(rows.map { $0[3] as String? }, records.map(\.callKey))
        XCTAssertEqual(rows.map { $0[4] as String }, Array(repeating: "test", count: 5))
    }

    /// The row key of an imported record is the key of its v5 text key, computed without building the text.
    func testRecordKeysAreTheKeysOfTheV5KeyTexts() {
        let content = ContentHash(of: "a,b,c")
        XCTAssertEqual(RowKey(record: content, occurrence: 0), RowKey("f:\(content)"))
        for occurrence in [1, 9, 10, 123, 4_567_890] {
            XCTAssertEqual(RowKey(record: content, occurrence: occurrence), RowKey("f:\(content)#\(occurrence)"))
        }
        XCTAssertNotEqual(RowKey(record: content, occurrence: 1), RowKey(record: content, occurrence: 2))
    }

    private func calendarStart(_ level: TimeBucket, _ seconds: Int64) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let component: Calendar.Component = [.minute: .minute, .hour: .hour, .day: .day, .month: .month][level]!
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        return Int64(calendar.dateInterval(of: component, for: date)!.start.timeIntervalSince1970)
    }
}
