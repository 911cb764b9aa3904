import Foundation
import XCTest
@testable import Metrics
import TermDashTestSupport

/// The portal's accounts on every backend: profile values checked and audited field by field, verification codes
/// bound to the address they were sent to, TOTP steps and recovery codes accepted once.
final class PortalLedgerTests: XCTestCase {
    func testProfileChangesAreValidatedAndAudited() throws {
        try StoreBackend.eachEmptyStore { backend, store in
            let acme = try store.addCustomer(.init(accountCode: "A1", name: "Acme", channelsConfigured: 1, rateCardID: nil),
                                             createdAt: 0)
            XCTAssertEqual(try store.portalUser(customerID: acme), PortalUser(customerID: acme))
            let changes = try store.updateProfile(customerID: acme, [.name: "Ann", .email: "ann@acme.example", .phone: ""],
                                                  by: "portal", at: 100)
            XCTAssertEqual(changes.map(\.field), [.name, .email], "\(backend): an unchanged value is not a change")
            try store.updateProfile(customerID: acme, [.name: "Ann Nowak", .language: "pl"], by: "operator root", at: 200)
            XCTAssertThrowsError(try store.updateProfile(customerID: acme, [.name: "X", .mobile: "12345"], by: "portal", at: 300)) {
                XCTAssertEqual($0 as? PortalError, .invalid(.mobile, "12345", reason: "not an E.164 number (+ and 8 to 15 digits)"))
            }
            let user = try store.portalUser(customerID: acme)
            XCTAssertEqual([user[.name], user[.email], user[.language]], ["Ann Nowak", "ann@acme.example", "pl"],
                           "\(backend): nothing of a refused update is saved")
            XCTAssertEqual(try store.profileChanges(customerID: acme), [
                ProfileChange(customerID: acme, field: .name, oldValue: "", newValue: "Ann", changedBy: "portal", changedAt: 100),
                ProfileChange(customerID: acme, field: .email, oldValue: "", newValue: "ann@acme.example", changedBy: "portal", changedAt: 100),
                ProfileChange(customerID: acme, field: .name, oldValue: "Ann", newValue: "Ann Nowak", changedBy: "operator root", changedAt: 200),
                ProfileChange(customerID: acme, field: .language, oldValue: "en", newValue: "pl", changedBy: "operator root", changedAt: 200),
            ])
            XCTAssertThrowsError(try store.portalUser(customerID: 99)) { XCTAssertEqual($0 as? PortalError, .unknownCustomer(99)) }
        }
    }

    func testVerificationIsForTheAddressTheCodeWentTo() throws {
        try StoreBackend.eachEmptyStore { backend, store in
            let acme = try store.addCustomer(.init(accountCode: "A1", name: "Acme", channelsConfigured: 1, rateCardID: nil),
                                             createdAt: 0)
            try store.updateProfile(customerID: acme, [.email: "ann@acme.example"], by: "portal", at: 0)
            let hash = RecoveryCodes.sha256Hex("482913")
            try store.storeVerificationCode(customerID: acme, channel: .email, address: "ann@acme.example", codeHash: hash, at: 10)
            XCTAssertFalse(try store.verify(customerID: acme, channel: .email, codeHash: RecoveryCodes.sha256Hex("000000"),
                                            at: 20, maximumAge: 900))
            XCTAssertFalse(try store.verify(customerID: acme, channel: .email, codeHash: hash, at: 1_000, maximumAge: 900),
                           "\(backend): too old")
            XCTAssertTrue(try store.verify(customerID: acme, channel: .email, codeHash: hash, at: 20, maximumAge: 900))
            XCTAssertTrue(try store.portalUser(customerID: acme).isEmailVerified)
            XCTAssertFalse(try store.verify(customerID: acme, channel: .email, codeHash: hash, at: 21, maximumAge: 900),
                           "\(backend): a code is spent")
            try store.updateProfile(customerID: acme, [.email: "ann@other.example"], by: "portal", at: 30)
            XCTAssertFalse(try store.portalUser(customerID: acme).isEmailVerified, "a new address is not verified")
            try store.storeVerificationCode(customerID: acme, channel: .email, address: "ann@old.example", codeHash: hash, at: 40)
            XCTAssertFalse(try store.verify(customerID: acme, channel: .email, codeHash: hash, at: 41, maximumAge: 900),
                           "\(backend): a code sent to another address verifies nothing")
        }
    }

    func testTOTPStepsAndRecoveryCodesWorkOnce() throws {
        try StoreBackend.eachEmptyStore { backend, store in
            let acme = try store.addCustomer(.init(accountCode: "A1", name: "Acme", channelsConfigured: 1, rateCardID: nil),
                                             createdAt: 0)
            XCTAssertFalse(try store.acceptTOTPStep(customerID: acme, step: 5), "\(backend): no secret, no step")
            try store.enableTOTP(customerID: acme, secret: [1, 2, 3], recoveryCodeHashes: ["a", "b"], at: 0)
            XCTAssertEqual(try store.totpSecret(customerID: acme), [1, 2, 3])
            XCTAssertTrue(try store.portalUser(customerID: acme).totpEnabled)
            XCTAssertTrue(try store.acceptTOTPStep(customerID: acme, step: 5))
            XCTAssertFalse(try store.acceptTOTPStep(customerID: acme, step: 5))
            XCTAssertFalse(try store.acceptTOTPStep(customerID: acme, step: 4))
            XCTAssertTrue(try store.useRecoveryCode(customerID: acme, codeHash: "a", at: 1))
            XCTAssertFalse(try store.useRecoveryCode(customerID: acme, codeHash: "a", at: 2))
            XCTAssertEqual(try store.unusedRecoveryCodes(customerID: acme), 1)
            try store.disableTOTP(customerID: acme)
            XCTAssertNil(try store.totpSecret(customerID: acme))
            XCTAssertEqual(try store.unusedRecoveryCodes(customerID: acme), 0)
        }
    }
}
