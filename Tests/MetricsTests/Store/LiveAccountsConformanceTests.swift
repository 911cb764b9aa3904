import Foundation
import Metrics
import TermDashTestSupport
import XCTest

/// What the simulator and the switch feeds write besides CDRs — registrations held now, accounts a feed first sees,
/// rate cards to price with — read back the same on every backend.
final class LiveAccountsConformanceTests: XCTestCase {
    private let now: Int64 = 1_709_303_843

    private func registration(_ endpoint: String, _ customer: Int64?) -> Registration {
        Registration(endpoint: endpoint, customerID: customer, contact: "sip:198.51.100.7:5060", registeredAt: now,
                     expiresAt: now + 3_600)
    }

    func testRegistrationsAreReplacedRemovedAndCountedByCustomer() throws {
        try StoreBackend.eachEmptyStore { backend, store in
            let acme = try store.addCustomer(.init(accountCode: "acme", name: "Acme", channelsConfigured: 4, rateCardID: nil),
                                             createdAt: 0)
            let zeta = try store.addCustomer(.init(accountCode: "zeta", name: "Zeta", channelsConfigured: 4, rateCardID: nil),
                                             createdAt: 0)
            try store.write { session in
                try session.updateRegistrations(adding: [
                    registration("sip:1@pbx.example", acme), registration("sip:2@pbx.example", acme),
                    registration("sip:3@pbx.example", zeta), registration("sip:4@other.example", nil),
                    // A suffix is data: its % and _ match only themselves.
                    registration("sip:5@pbx_example", zeta), registration("sip:6%pbx.example", nil),
                ], removing: [])
            }
            XCTAssertEqual(try MetricsEngine(store: store).registrationsByCustomer(), [acme: 2, zeta: 2, 0: 2], backend)
            // The same endpoint again replaces it (now zeta's); a removal and an addition in one write.
            try store.write { session in
                try session.updateRegistrations(adding: [registration("sip:1@pbx.example", zeta)],
                                                removing: ["sip:2@pbx.example", "sip:unknown"])
            }
            XCTAssertEqual(try MetricsEngine(store: store).registrationsByCustomer(), [zeta: 3, 0: 2], backend)
            try store.write { try $0.removeRegistrations(endpointSuffix: "@pbx.example") }
            XCTAssertEqual(try MetricsEngine(store: store).registrationsByCustomer(), [zeta: 1, 0: 2], backend)
            try store.write { try $0.removeRegistrations(endpointSuffix: "") }
            XCTAssertEqual(try MetricsEngine(store: store).registrationsByCustomer(), [zeta: 1, 0: 2],
                           "\(backend): an empty suffix removes nothing")
        }
    }

    /// An import names accounts first, then fails (on the servers their ids stay reserved, with no row); a feed
    /// naming them next creates them — with the ids the import was given there — and its CDR names an account
    /// that exists, as on the embedded store, where the failed import left nothing. The next new name gets the next id.
    func testAFeedCreatesTheAccountsAFailedImportNamedFirst() throws {
        struct Failed: Error {}
        try StoreBackend.eachEmptyStore { backend, store in
            let file = try store.beginFile(source: "pbx", path: "/f.csv", name: "f.csv", size: 1, contentHash: "f", at: 1).id
            XCTAssertThrowsError(try store.importTransaction { transaction in
                var directory = try transaction.accountDirectory()
                _ = try directory.customer("ghost")
                _ = try directory.carrier("Phantom")
                try transaction.createAccounts(directory.takeCreations(), firstSeenIn: file, at: 1)
                throw Failed()
            })
            let created = try store.write { session -> (customer: Int64?, carrier: Int64?, next: Int64?) in
                var directory = try session.accountDirectory()
                let customer = try directory.customer("ghost")?.id
                let carrier = try directory.carrier("Phantom")?.id
                let next = try directory.customer("later")?.id
                try session.createAccounts(directory.takeCreations(), at: 2)
                try session.insertCDRs([CallRecord.make(key: "g1", start: now - 60, answerAfter: 1, end: now - 30,
                                                        billsec: 29, customer: customer, carrier: carrier)])
                return (customer, carrier, next)
            }
            XCTAssertEqual([created.customer, created.carrier, created.next], [1, 1, 2], backend)
            let accounts = try store.accounts()
            XCTAssertEqual(accounts.customers.map { "\($0.id) \($0.accountCode)" }, ["1 ghost", "2 later"], backend)
            XCTAssertEqual(try store.read { try $0.carriers() }.map { "\($0.id) \($0.name)" }, ["1 Phantom"], backend)
            let figures = try MetricsEngine(store: store).figures(from: now - 3_600, to: now, groupedBy: .customer, at: now)
            XCTAssertEqual(figures[1]?.counts.attempts, 1, backend)
        }
    }

    func testAccountsAFeedCreatesKeepTheirIdsAndTheLedgerCarriesOnAfterThem() throws {
        try StoreBackend.eachEmptyStore { backend, store in
            let card = try store.addRateCard(name: "Retail", direction: .sell, rates: [
                Rate(prefix: "41", description: "Switzerland", perMinute: Money(micros: 120_000), initialSeconds: 30,
                     incrementSeconds: 6, minimum: Money(micros: 1_000), connectionFee: Money(micros: 500)),
                Rate(prefix: "4179", perMinute: Money(micros: 450_000)),
            ])
            try store.addRateCard(name: "Empty", direction: .buy, rates: [])
            let acme = try store.addCustomer(.init(accountCode: "acme", name: "Acme", channelsConfigured: 4, rateCardID: card),
                                             createdAt: 0)
            let created = try store.write { session -> [AccountDirectory.Creation] in
                var directory = try session.accountDirectory()
                XCTAssertEqual(try directory.customer("acme"), AccountDirectory.Account(id: acme, rateCardID: card), backend)
                _ = try directory.customer("new1")
                _ = try directory.carrier("Transit")
                _ = try directory.did("+41225550000", customer: acme)
                let creations = directory.takeCreations()
                try session.createAccounts(creations, at: now)
                let tables = try session.rateTables()
                XCTAssertEqual(tables.count, 2, backend)
                XCTAssertEqual(tables[card]?.match("41795550000")?.prefix, "4179", backend)
                XCTAssertEqual(tables[card]?.match("41225550000")?.perMinute, Money(micros: 120_000), backend)
                return creations
            }
            XCTAssertEqual(created, [.customer(id: acme + 1, accountCode: "new1"), .carrier(id: 1, name: "Transit"),
                                     .did(id: 1, number: "+41225550000", customer: acme)], backend)
            // The ledger's next ids come after those the feed gave.
            let next = try store.addCustomer(.init(accountCode: "later", name: "Later", channelsConfigured: 1, rateCardID: nil),
                                             createdAt: 0)
            XCTAssertEqual(next, acme + 2, backend)
            XCTAssertEqual(try store.addCarrier(name: "Second", channelsConfigured: 1, rateCardID: nil), 2, backend)
            let book = try store.accounts()
            XCTAssertEqual(book.customers.map(\.accountCode), ["acme", "new1", "later"], backend)
            XCTAssertEqual(book.customers.map(\.rateCardID), [card, nil, nil], backend)
            XCTAssertEqual(book.dids, [DIDAccount(id: 1, number: "+41225550000", customerID: acme)], backend)
            XCTAssertEqual(try store.read { try $0.rateCardCount() }, 2, backend)
            XCTAssertEqual(try store.read { try $0.customers() }.first { $0.accountCode == "new1" }?.profileVerified, false,
                           backend)
        }
    }
}
