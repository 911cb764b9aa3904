import Foundation
import XCTest
@testable import Metrics
import TermDashTestSupport

/// The checklist's portal items: extensions used outside their customer's blocks (registrations and the last
/// hour's callers, each number once), and in a customer's own checklist their unverified email and mobile —
/// never another customer's.
final class ChecklistAccountsTests: XCTestCase {
    func testExtensionsOutsideBlocksAndUnverifiedContacts() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let now: Int64 = 1_800_000_000
        let acme = try store.addCustomer(.init(accountCode: "ACME", name: "Acme", channelsConfigured: 1, rateCardID: nil), createdAt: 0)
        let beta = try store.addCustomer(.init(accountCode: "BETA", name: "Beta", channelsConfigured: 1, rateCardID: nil), createdAt: 0)
        try store.addBlock(customerID: acme, start: 1000, size: 1000, at: 0)
        try store.addBlock(customerID: beta, start: 2000, size: 1000, at: 0)
        func call(_ key: String, _ customer: Int64, _ src: String, _ start: Int64) -> CallRecord {
            var record = CallRecord.make(key: key, start: start, end: start + 5, customer: customer)
            record.src = src
            return record
        }
        try store.write { session in
            _ = try session.insertCDRs([call("1", acme, "1001", now - 60), call("2", acme, "2500", now - 60),
                                        call("3", acme, "2600", now - 7_200), call("4", beta, "3001", now - 10)])
            try session.updateRegistrations(adding: [
                Registration(endpoint: "sip:2500@pbx.acme", customerID: acme, contact: "", registeredAt: 0, expiresAt: now + 60),
            ], removing: [])
        }
        try store.updateProfile(customerID: acme, [.email: "ann@acme.example", .mobile: "+48601234567"], by: "portal", at: 0)
        try store.updateProfile(customerID: beta, [.email: "bob@beta.example"], by: "portal", at: 0)

        let all = try MetricsEngine(store: store).checklist(at: now).filter {
            $0.kind == .extensionOutsideBlock || $0.kind == .contactNotVerified
        }
        XCTAssertEqual(all.map(\.reason), [
            "ACME: extension 2500 is outside its number blocks (caller in the last hour)",
            "BETA: extension 3001 is outside its number blocks (caller in the last hour)",
        ], "2600 was called from two hours ago; the operator's checklist does not list portal users' addresses")

        let scoped = ScopedStoreReader(store, scope: CustomerScope(customerID: acme))
        let own = try MetricsEngine(store: scoped).checklist(at: now, customerID: acme).filter {
            $0.kind == .extensionOutsideBlock || $0.kind == .contactNotVerified
        }
        XCTAssertEqual(own.map(\.reason), [
            "ACME: extension 2500 is outside its number blocks (caller in the last hour)",
            "verify your email ann@acme.example in My profile",
            "verify your mobile +48601234567 in My profile",
        ])
        XCTAssertFalse(own.map(\.reason).joined().contains("BETA"))
    }
}
