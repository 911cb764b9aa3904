import GRDB
import XCTest
@testable import Metrics
import TermDashTestSupport

/// Accounts and rate cards through `StoreLedger`, and as an import's transaction sees and creates them.
final class AccountsLedgerTests: XCTestCase {
    func testAccountsAndRateCardsAreListedWithWhatUsesThem() throws {
        let temporary = try TemporaryStore()
        let store: any ImportSink = temporary.store
        let wholesale = try store.addRateCard(
            name: "Wholesale", direction: .buy, currency: "EUR", rates: [Rate(prefix: "41", perMinute: Money(micros: 5))])
        let retail = try store.addRateCard(name: "Retail", direction: .sell, rates: [
            Rate(prefix: "41", perMinute: Money(micros: 10)), Rate(prefix: "4179", perMinute: Money(micros: 20)),
        ])
        let bare = try store.addRateCard(name: "Bare", direction: .sell, rates: [])
        let acme = try store.addCustomer(.init(accountCode: "A", name: "Acme", channelsConfigured: 5, rateCardID: retail),
                                         createdAt: 10)
        try store.addCustomer(.init(accountCode: "B", name: "Bolt", active: false, channelsConfigured: 1, rateCardID: retail),
                              createdAt: 11)
        let telia = try store.addCarrier(name: "Telia", channelsConfigured: 30, rateCardID: wholesale)
        let did = try store.addDID(number: "+41220000001", customerID: acme)

        XCTAssertEqual(try store.rateCards(), [
            RateCardSummary(id: bare, name: "Bare", direction: .sell, currency: "USD", prefixes: 0, usedBy: 0),
            RateCardSummary(id: retail, name: "Retail", direction: .sell, currency: "USD", prefixes: 2, usedBy: 2),
            RateCardSummary(id: wholesale, name: "Wholesale", direction: .buy, currency: "EUR", prefixes: 1, usedBy: 1),
        ])
        let tables = try store.rateTables()
        XCTAssertEqual(Set(tables.keys), [wholesale, retail, bare])
        XCTAssertEqual(tables[retail]?.match("+41791234567")?.perMinute, Money(micros: 20))
        XCTAssertNil(tables[bare]?.match("+41791234567"))

        let stored = try temporary.store.read { db in
            try Row.fetchOne(db, sql: """
                SELECT status, channels_configured, rate_card_id, created_at FROM customers WHERE account_code = 'B'
                """)
        }
        XCTAssertEqual(stored?[0], "suspended")
        XCTAssertEqual(stored?[1], 1)
        XCTAssertEqual(stored?[2], retail)
        XCTAssertEqual(stored?[3], 11)
        let owner = try temporary.store.read {
            try Int64.fetchOne($0, sql: "SELECT customer_id FROM dids WHERE id = ?", arguments: [did])
        }
        XCTAssertEqual(owner, acme)
        let carrier = try temporary.store.read {
            try String.fetchOne($0, sql: "SELECT name FROM carriers WHERE id = ?", arguments: [telia])
        }
        XCTAssertEqual(carrier, "Telia")
    }

    /// The directory an import reads names every account with its card and the last ids; the accounts it decides
    /// are created with those ids, unverified, remembering the file.
    func testAnImportTransactionSeesTheAccountsAndCreatesTheOnesFirstSeen() throws {
        let temporary = try TemporaryStore()
        let store: any ImportSink = temporary.store
        let card = try store.addRateCard(name: "Retail", direction: .sell, rates: [])
        try temporary.store.write { db in
            try db.execute(
                sql: "INSERT INTO customers (id, account_code, name, rate_card_id, created_at) VALUES (7, 'A', 'A', ?, 0)",
                arguments: [card])
            try db.execute(sql: "INSERT INTO carriers (id, name) VALUES (3, 'K')")
        }
        let file = try store.beginFile(source: "pbx", path: "/x", name: "x", size: 1, contentHash: "h", at: 1).id
        var decided: [AccountDirectory.Creation] = []
        try store.importTransaction { transaction in
            var directory = try transaction.accountDirectory()
            XCTAssertEqual(try directory.customer("A"), .init(id: 7, rateCardID: card))
            XCTAssertEqual(try directory.carrier("K"), .init(id: 3, rateCardID: nil))
            XCTAssertEqual(try directory.customer("new"), .init(id: 8, rateCardID: nil))
            XCTAssertEqual(try directory.carrier("K2"), .init(id: 4, rateCardID: nil))
            XCTAssertEqual(try directory.did("+41", customer: 8), 1)
            decided = directory.takeCreations()
            try transaction.createAccounts(decided, firstSeenIn: file, at: 50)
        }
        XCTAssertEqual(decided, [.customer(id: 8, accountCode: "new"), .carrier(id: 4, name: "K2"),
                                 .did(id: 1, number: "+41", customer: 8)])
        let customer = try temporary.store.read { db in
            try Row.fetchOne(db, sql: """
                SELECT account_code, profile_verified, first_seen_file_id, created_at FROM customers WHERE id = 8
                """)
        }
        XCTAssertEqual(customer?[0], "new")
        XCTAssertEqual(customer?[1], 0)
        XCTAssertEqual(customer?[2], file)
        XCTAssertEqual(customer?[3], 50)
        XCTAssertEqual(
            try temporary.store.read { try Int64.fetchOne($0, sql: "SELECT first_seen_file_id FROM carriers WHERE id = 4") },
            file)
        XCTAssertEqual(
            try temporary.store.read { try Int64.fetchOne($0, sql: "SELECT customer_id FROM dids WHERE number = '+41'") }, 8)
    }
}
