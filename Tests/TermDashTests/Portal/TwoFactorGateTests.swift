import Foundation
import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// The code every portal start asks for once 2FA is on: a right code passes once, three wrong ones refuse, a
/// recovery code works once, and without 2FA nothing is asked.
final class TwoFactorGateTests: XCTestCase {
    private let now: Int64 = 1_800_000_000

    private func gate(_ inputs: [String], store: SQLiteStore, customer: Int64, language: PortalLanguage = .english,
                      at time: Int64? = nil) throws -> (TwoFactorGate.Result, [String]) {
        var queue = inputs
        var said: [String] = []
        let result = try TwoFactorGate(customerID: customer, store: store, language: language).run(
            readCode: { queue.isEmpty ? nil : queue.removeFirst() }, say: { said.append($0) }, now: { time ?? self.now })
        return (result, said)
    }

    func testCodesRecoveryCodesAndThreeTries() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let acme = try store.addCustomer(.init(accountCode: "ACME", name: "Acme", channelsConfigured: 1, rateCardID: nil),
                                         createdAt: 0)
        XCTAssertEqual(try gate([], store: store, customer: acme).0, .open, "no 2FA: nothing is asked")

        let secret = TOTP.newSecret()
        let recovery = RecoveryCodes.generate()
        try store.enableTOTP(customerID: acme, secret: secret, recoveryCodeHashes: recovery.map(RecoveryCodes.hash), at: now)
        let code = TOTP(secret: secret).code(at: now)

        let (passed, said) = try gate(["000000", code], store: store, customer: acme)
        XCTAssertEqual(passed, .passed)
        XCTAssertEqual(said, ["Authenticator code (or a recovery code): ", "Wrong code, 2 tries left",
                              "Authenticator code (or a recovery code): "])
        let (replayed, _) = try gate([code, code, code], store: store, customer: acme)
        XCTAssertEqual(replayed, .refused, "a code works once")

        let (wrong, wrongSaid) = try gate(["1", "2", "3", TOTP(secret: secret).code(at: now + 60)], store: store,
                                          customer: acme, language: .polish, at: now + 60)
        XCTAssertEqual(wrong, .refused, "three tries, the fourth is never read")
        XCTAssertEqual(wrongSaid.last, "Zbyt wiele błędnych kodów")

        let (recovered, recoveredSaid) = try gate([recovery[3].uppercased()], store: store, customer: acme)
        XCTAssertEqual(recovered, .passed)
        XCTAssertEqual(recoveredSaid.last, "Recovery code used; 9 left")
        XCTAssertEqual(try gate([recovery[3], "x", "y"], store: store, customer: acme).0, .refused,
                       "a recovery code works once")
        XCTAssertEqual(try gate([], store: store, customer: acme).0, .refused, "end of input is a refusal")
    }
}
