import Foundation
import Metrics
import XCTest

/// `termdash portal --customer C` once C enabled 2FA, in a real terminal (tmux): three wrong codes exit 1 before
/// anything of the portal is drawn; the right code opens it; a recovery code opens it once; Polish when chosen.
final class PortalTwoFactorEndToEndTests: StoreEndToEndTestCase {
    private func portal(_ customer: String) throws -> TmuxSession {
        try TmuxSession(command: "\(EndToEnd.binary) portal --customer \(customer) --db \(db)", width: 100, height: 30,
                        environment: ["LANG": "C.UTF-8", "HOME": directory.path, "XDG_CONFIG_HOME": directory.path,
                                      "XDG_STATE_HOME": directory.path])
    }

    func testWrongCodesExitAndARightOneOpensThePortal() throws {
        let store = try SQLiteStore(path: db)
        let acme = try store.addCustomer(.init(accountCode: "ACME", name: "Acme", channelsConfigured: 1, rateCardID: nil), createdAt: 0)
        let secret = TOTP.newSecret()
        let recovery = RecoveryCodes.generate()
        try store.enableTOTP(customerID: acme, secret: secret, recoveryCodeHashes: recovery.map(RecoveryCodes.hash), at: 0)

        let refused = try portal("ACME")
        for attempt in 0..<3 {
            try refused.waitForScreen(timeout: 20) { $0.components(separatedBy: "Authenticator code").count > attempt + 1 }
            try refused.send("12345x", "Enter")
        }
        XCTAssertEqual(try refused.waitForExit(timeout: 20), 1)
        let screen = try refused.capture()
        XCTAssertTrue(screen.contains("Too many wrong codes"), screen)
        XCTAssertFalse(screen.contains("Overview"), "nothing of the portal was shown:\n\(screen)")

        let opened = try portal("ACME")
        try opened.waitForScreen(timeout: 20) { $0.contains("Authenticator code") }
        try opened.send(TOTP(secret: secret).code(at: Int64(Date().timeIntervalSince1970)), "Enter")
        let up = try opened.waitForScreen(timeout: 30) { $0.contains("Overview") }
        XCTAssertTrue(up.contains("Overview"), up)
        try opened.send("q")
        XCTAssertEqual(try opened.waitForExit(timeout: 20), 0)

        try store.updateProfile(customerID: acme, [.language: "pl"], by: "portal", at: 0)
        let recovered = try portal("ACME")
        try recovered.waitForScreen(timeout: 20) { $0.contains("Kod z aplikacji") }
        // The monitor clears the screen at once: what was said before is read from the terminal's output.
        let output = directory.appendingPathComponent("output.txt").path
        try recovered.recordOutput(to: output)
        try recovered.send(recovery[0], "Enter")
        try recovered.waitForScreen(timeout: 30) { $0.contains("Overview") }
        let said = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertTrue(said.contains("Użyto kodu odzyskiwania; pozostało 9"), said)
        try recovered.send("q")
        XCTAssertEqual(try recovered.waitForExit(timeout: 20), 0)
        XCTAssertEqual(try store.unusedRecoveryCodes(customerID: acme), 9)
    }
}
