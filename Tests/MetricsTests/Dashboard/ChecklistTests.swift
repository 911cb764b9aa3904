import Foundation
import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

final class ChecklistTests: XCTestCase {
    private var now: Int64 = 1_700_000_000 + 1_800

    private func items(_ store: SQLiteStore, _ thresholds: ChecklistThresholds = ChecklistThresholds(),
                       customer: Int64? = nil) throws -> [ChecklistItem] {
        try MetricsEngine(store: store).checklist(at: now, thresholds: thresholds, customerID: customer)
    }

    private func kinds(_ items: [ChecklistItem]) -> [ChecklistItem.Kind] { items.map(\.kind) }

    private func addFile(_ name: String, status: String, error: String?, in db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO cdr_files (source, path, name, size, status, first_error, discovered_at)
            VALUES ('asterisk', ?, ?, 10, ?, ?, 0)
            """, arguments: ["/in/" + name, name, status, error])
        return db.lastInsertedRowID
    }

    /// A network with nothing outstanding: a carrier and a customer, both with rate cards, balances inside their
    /// limits, profiles verified, calls answered.
    private func healthyStore() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        try temporary.store.write { db in
            let sell = try Accounts.addRateCard(name: "Retail", direction: .sell, rates: [], in: db)
            let buy = try Accounts.addRateCard(name: "Wholesale", direction: .buy, rates: [], in: db)
            try Accounts.addCarrier(name: "Telia", channelsConfigured: 30, rateCardID: buy, in: db)
            try Accounts.addCustomer(.init(accountCode: "C1", name: "Acme", channelsConfigured: 10,
                                           balance: Money(micros: -400_000_000), debitLimit: Money(micros: -500_000_000),
                                           rateCardID: sell), createdAt: 0, in: db)
            _ = try addFile("good.csv", status: "success", error: nil, in: db)
            try CDRWriter.insert((0..<30).map {
                .make(key: "ok\($0)", start: now - 100 - Int64($0), answerAfter: 1, end: now - 10, carrier: 1)
            }, in: db)
        }
        return temporary
    }

    func testAHealthyNetworkHasNoItems() throws {
        let temporary = try healthyStore()
        XCTAssertEqual(try items(temporary.store), [])
    }

    func testNoCarriersConfigured() throws {
        let temporary = try TemporaryStore()
        let list = try items(temporary.store)
        XCTAssertEqual(kinds(list), [.noCarriers])
        XCTAssertEqual(list[0].severity, .alert)
        XCTAssertEqual(list[0].title, "No carriers configured")
        XCTAssertEqual(list[0].reason, "no carrier is configured: calls cannot be routed or costed")
        try temporary.store.write { db in
            try Accounts.addCarrier(name: "Telia", channelsConfigured: 30, rateCardID: nil, in: db)
            try db.execute(sql: "UPDATE carriers SET status = 'disabled'")
        }
        XCTAssertEqual(try items(temporary.store).first { $0.kind == .noCarriers }?.reason,
                       "none of the 1 carriers is active")
        try temporary.store.write { try $0.execute(sql: "UPDATE carriers SET status = 'active'") }
        XCTAssertFalse(kinds(try items(temporary.store)).contains(.noCarriers))
    }

    func testCustomerAndCarrierWithoutARateCard() throws {
        let temporary = try healthyStore()
        try temporary.store.write { db in
            try Accounts.addCustomer(.init(accountCode: "C2", name: "Bare\u{1B}[31mEvil", channelsConfigured: 1, rateCardID: nil),
                                     createdAt: 0, in: db)
            // Suspended: its missing card does not matter.
            try Accounts.addCustomer(.init(accountCode: "C3", name: "Gone", active: false, channelsConfigured: 1, rateCardID: nil),
                                     createdAt: 0, in: db)
            try Accounts.addCarrier(name: "Nocard", channelsConfigured: 1, rateCardID: nil, in: db)
        }
        let list = try items(temporary.store)
        XCTAssertEqual(kinds(list), [.customerWithoutRateCard, .carrierWithoutRateCard])
        XCTAssertEqual(list[0].reason, "Bare\u{1B}[31mEvil (C2) has no sell rate card: its calls stay unrated",
                       "the engine keeps names as stored; the widget sanitises")
        XCTAssertEqual(list[0].severity, .warning)
        XCTAssertEqual(list[0].subjectID, 2)
        XCTAssertEqual(list[1].reason, "Nocard has no buy rate card: its calls have no cost")
        try temporary.store.write { db in
            try db.execute(sql: "UPDATE customers SET rate_card_id = 1")
            try db.execute(sql: "UPDATE carriers SET rate_card_id = 2")
        }
        XCTAssertEqual(try items(temporary.store), [])
    }

    func testCDRFilesInError() throws {
        let temporary = try healthyStore()
        try temporary.store.write { db in
            _ = try addFile("Master.csv", status: "error", error: "line 3: broken quote", in: db)
            _ = try addFile("waiting.csv", status: "waiting", error: nil, in: db)
            _ = try addFile("silent.csv", status: "error", error: nil, in: db)
        }
        let list = try items(temporary.store)
        XCTAssertEqual(kinds(list), [.cdrFileError, .cdrFileError])
        XCTAssertEqual(list.map(\.reason), ["Master.csv: line 3: broken quote", "silent.csv: import failed"])
        XCTAssertEqual(list[0].severity, .alert)
        XCTAssertEqual(list[0].title, "CDR file in error")
        try temporary.store.write { try $0.execute(sql: "UPDATE cdr_files SET status = 'success'") }
        XCTAssertEqual(try items(temporary.store), [])
    }

    /// An import still `processing` whose process is gone is listed; one whose process runs is not, nor is it
    /// once the file is imported again.
    func testInterruptedImportsAreListed() throws {
        let temporary = try healthyStore()
        let ledger: any StoreLedger = temporary.store
        let gone = FileLedger.Owner(pid: Int32.max, start: FileLedger.Owner.current.start)
        let killed = try ledger.beginFile(source: "pbx", path: "/in/Master.csv", name: "Master.csv", size: 10,
                                          contentHash: "a", owner: gone, at: now - 60).id
        _ = try ledger.beginFile(source: "pbx", path: "/in/running.csv", name: "running.csv", size: 10,
                                 contentHash: "b", at: now - 30)
        let list = try items(temporary.store)
        XCTAssertEqual(kinds(list), [.importInterrupted])
        XCTAssertEqual(list[0].reason, "import of Master.csv interrupted: nothing of it was kept; import it again")
        XCTAssertEqual(list[0].title, "Import interrupted")
        XCTAssertEqual(list[0].severity, .alert)
        XCTAssertEqual(list[0].subjectID, killed)

        let retry = try ledger.beginFile(source: "pbx", path: "/in/Master.csv", name: "Master.csv", size: 10,
                                         contentHash: "a", at: now)
        XCTAssertEqual(retry.id, killed)
        XCTAssertEqual(try items(temporary.store), [])
    }

    /// Past the limit when balance < -|debit limit|, whichever sign the limit is stored with.
    func testBalancePastTheDebitLimit() throws {
        let temporary = try healthyStore()
        try temporary.store.write { db in
            for (code, balance, limit) in [("N1", -600_000_000, -500_000_000), ("N2", -600_000_000, 500_000_000),
                                           ("N3", -10_000, 0), ("OK1", -500_000_000, -500_000_000), ("OK2", 0, 0)] as [(String, Int64, Int64)] {
                try Accounts.addCustomer(.init(accountCode: code, name: code, channelsConfigured: 1,
                                               balance: Money(micros: balance), debitLimit: Money(micros: limit), rateCardID: 1),
                                         createdAt: 0, in: db)
            }
        }
        let list = try items(temporary.store)
        XCTAssertEqual(kinds(list), [.balancePastLimit, .balancePastLimit, .balancePastLimit])
        // Furthest past the limit first.
        XCTAssertEqual(list.map(\.reason), [
            "N1: balance -600.00 USD, limit -500.00 USD",
            "N2: balance -600.00 USD, limit -500.00 USD",
            "N3: balance -0.01 USD, limit 0.00 USD",
        ])
        XCTAssertEqual(list[0].severity, .alert)
    }

    /// Live (minute rollups, three columns) and long ago (interval figures past the minute retention).
    func testASRUnderTheThresholdOverTheLastHour() throws {
        for instant: Int64 in [1_700_000_000 + 1_800, Int64(Date().timeIntervalSince1970)] {
            now = instant
            try checkASRUnderTheThreshold()
        }
    }

    private func checkASRUnderTheThreshold() throws {
        let temporary = try healthyStore()
        try temporary.store.write { db in
            for name in ["Lossy", "Few", "Fine", "Yesterday"] {
                try Accounts.addCarrier(name: name, channelsConfigured: 1, rateCardID: 2, in: db)
            }
            var records: [CallRecord] = []
            // Lossy (2): 20 attempts, 2 answered: 10 %.
            for index in 0..<20 {
                records.append(.make(key: "l\(index)", start: now - 1_000 - Int64(index), answerAfter: index < 2 ? 1 : nil,
                                     end: now - 900, disposition: index < 2 ? .answered : .failed, carrier: 2))
            }
            // Few (3): 5 failed attempts, under the minimum count.
            for index in 0..<5 {
                records.append(.make(key: "f\(index)", start: now - 500, end: now - 499, disposition: .failed, carrier: 3))
            }
            // Fine (4): 30 attempts, half answered.
            for index in 0..<30 {
                records.append(.make(key: "g\(index)", start: now - 300, answerAfter: index % 2 == 0 ? 1 : nil,
                                     end: now - 200, disposition: index % 2 == 0 ? .answered : .busy, carrier: 4))
            }
            // Yesterday (5): all failed, but before the hour.
            for index in 0..<40 {
                records.append(.make(key: "y\(index)", start: now - 80_000, end: now - 79_990, disposition: .failed, carrier: 5))
            }
            try CDRWriter.insert(records, in: db)
        }
        let list = try items(temporary.store)
        XCTAssertEqual(kinds(list), [.lowASR])
        XCTAssertEqual(list[0].reason, "Lossy: ASR 10.0% over 20 attempts in the last hour (threshold 20.0%)")
        XCTAssertEqual(list[0].subjectID, 2)
        var strict = ChecklistThresholds()
        strict.minimumAttempts = 5
        strict.minimumASR = 60
        // Telia (100 %) stays out; the rest in the quality table's order (attempts, then name).
        XCTAssertEqual(try items(temporary.store, strict).map(\.reason), [
            "Fine: ASR 50.0% over 30 attempts in the last hour (threshold 60.0%)",
            "Lossy: ASR 10.0% over 20 attempts in the last hour (threshold 60.0%)",
            "Few: ASR 0.0% over 5 attempts in the last hour (threshold 60.0%)",
        ])
        var lenient = ChecklistThresholds()
        lenient.minimumASR = 10
        XCTAssertEqual(try items(temporary.store, lenient), [], "10 % is not under 10 %")
    }

    func testProfileNotVerifiedNamesTheImportedFile() throws {
        let temporary = try healthyStore()
        try temporary.store.write { db in
            let file = try addFile("Master-2026-11.csv", status: "success", error: nil, in: db)
            let id = try Accounts.addCustomer(.init(accountCode: "X9", name: "New Co", channelsConfigured: 0, rateCardID: 1),
                                              createdAt: 0, in: db)
            try db.execute(sql: "UPDATE customers SET profile_verified = 0, first_seen_file_id = ? WHERE id = ?",
                           arguments: [file, id])
            let other = try Accounts.addCustomer(.init(accountCode: "X8", name: "Older Co", channelsConfigured: 0, rateCardID: 1),
                                                 createdAt: 0, in: db)
            try db.execute(sql: "UPDATE customers SET profile_verified = 0 WHERE id = ?", arguments: [other])
        }
        let list = try items(temporary.store)
        XCTAssertEqual(kinds(list), [.profileNotVerified, .profileNotVerified])
        XCTAssertEqual(list.map(\.reason), ["New Co (X9) was created by importing Master-2026-11.csv",
                                            "Older Co (X8) was created by an import or a switch feed"])
        XCTAssertEqual(list[0].severity, .warning)
        try temporary.store.write { try $0.execute(sql: "UPDATE customers SET profile_verified = 1") }
        XCTAssertEqual(try items(temporary.store), [])
    }

    /// Alerts before warnings; a customer view sees its own items only; a long list of one kind is summed up.
    func testOrderScopeAndOverflow() throws {
        let temporary = try healthyStore()
        try temporary.store.write { db in
            for index in 0..<5 {
                try Accounts.addCustomer(.init(accountCode: "B\(index)", name: "Broke \(index)", channelsConfigured: 1,
                                               balance: Money(micros: -1_000_000_000 + Int64(index)), rateCardID: nil),
                                         createdAt: 0, in: db)
            }
            _ = try addFile("bad.csv", status: "error", error: "unreadable", in: db)
        }
        let list = try items(temporary.store)
        XCTAssertEqual(kinds(list), [.cdrFileError] + Array(repeating: .balancePastLimit, count: 5)
                       + Array(repeating: .customerWithoutRateCard, count: 5))
        var short = ChecklistThresholds()
        short.maximumItemsPerKind = 3
        let summed = try items(temporary.store, short)
        XCTAssertEqual(summed.map(\.reason).filter { $0.contains("more") },
                       ["3 more customers past their limit", "3 more customers without a rate card"])
        XCTAssertEqual(summed.count, 1 + 3 + 3)
        XCTAssertNil(summed[3].subjectID)
        // Customer 3 ("Broke 1") sees only its own items.
        let own = try items(temporary.store, customer: 3)
        XCTAssertEqual(kinds(own), [.balancePastLimit, .customerWithoutRateCard])
        XCTAssertTrue(own.allSatisfy { $0.subjectID == 3 })
        XCTAssertEqual(try items(temporary.store, customer: 1), [], "the healthy customer has nothing outstanding")
    }
}
