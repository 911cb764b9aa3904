import Foundation
import Metrics
import XCTest

/// `termdash profile` as an operator runs it: set validated and audited, a verification code sent through a
/// configured program (a script that writes its arguments to a file: no shell between), verified once; 2FA enabled
/// with its QR code, secret and recovery codes.
final class ProfileEndToEndTests: StoreEndToEndTestCase {
    func testSetShowSendCodeAndVerify() throws {
        let store = try SQLiteStore(path: db)
        try store.addCustomer(.init(accountCode: "ACME", name: "Acme", channelsConfigured: 1, rateCardID: nil), createdAt: 0)

        let bad = try EndToEnd.termdash(["profile", "set", "--customer", "ACME", "--mobile", "0601 234", "--db", db])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("--mobile: not an E.164 number"), bad.stderr)
        let set = try EndToEnd.termdash(["profile", "set", "--customer", "ACME", "--name", "Ann", "--email", "ann@acme.example",
                                         "--mobile", "+48601234567", "--db", db], environment: ["USER": "root"])
        XCTAssertEqual(set.stdout, "Changed name, email, mobile\n", set.stderr)

        let sent = directory.appendingPathComponent("sent.txt").path
        let script = directory.appendingPathComponent("send-code").path
        // Each argument on a line of its own: what arrives is exactly what was passed, with no shell splitting it.
        try "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >> \(sent)\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let config = directory.appendingPathComponent("config.toml").path
        try "[notify]\nemail_command = [\"\(script)\", \"--via\", \"mail; rm -rf x\"]\n".write(toFile: config, atomically: true, encoding: .utf8)

        let send = try EndToEnd.termdash(["profile", "send-code", "--customer", "ACME", "--channel", "email", "--db", db,
                                          "--config", config])
        XCTAssertEqual(send.status, 0, send.stderr)
        let arguments = try String(contentsOfFile: sent, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(arguments.prefix(3)), ["--via", "mail; rm -rf x", "ann@acme.example"])
        let code = try XCTUnwrap(arguments.last)
        XCTAssertNotNil(code.range(of: #"^\d{6}$"#, options: .regularExpression), code)

        let noSMS = try EndToEnd.termdash(["profile", "send-code", "--customer", "ACME", "--channel", "mobile", "--db", db,
                                           "--config", config])
        XCTAssertEqual(noSMS.status, 1)
        XCTAssertTrue(noSMS.stderr.contains("no command configured"), noSMS.stderr)

        let wrong = try EndToEnd.termdash(["profile", "verify", "--customer", "ACME", "--channel", "email",
                                           code == "000000" ? "111111" : "000000", "--db", db])
        XCTAssertEqual(wrong.status, 1)
        let right = try EndToEnd.termdash(["profile", "verify", "--customer", "ACME", "--channel", "email", code, "--db", db])
        XCTAssertEqual(right.stdout, "Verified the email\n", right.stderr)
        let spent = try EndToEnd.termdash(["profile", "verify", "--customer", "ACME", "--channel", "email", code, "--db", db])
        XCTAssertEqual(spent.status, 1, "a code works once")

        let show = try EndToEnd.termdash(["profile", "show", "--customer", "ACME", "--db", db])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("email       ann@acme.example  (verified)"), show.stdout)
        XCTAssertTrue(show.stdout.contains("mobile      +48601234567  (not verified)"), show.stdout)
        XCTAssertTrue(show.stdout.contains("by operator root: name \"\" -> \"Ann\""), show.stdout)
        XCTAssertTrue(show.stdout.contains("2FA         off"), show.stdout)
    }

    func testEnablingTwoFactorShowsQRSecretAndRecoveryCodes() throws {
        let store = try SQLiteStore(path: db)
        let acme = try store.addCustomer(.init(accountCode: "ACME", name: "Acme", channelsConfigured: 1, rateCardID: nil), createdAt: 0)
        let enabled = try EndToEnd.termdash(["profile", "2fa", "enable", "--customer", "ACME", "--db", db])
        XCTAssertEqual(enabled.status, 0, enabled.stderr)
        let lines = enabled.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.first, "Scan with an authenticator app, or type the secret:")
        let qrRows = lines.filter { $0.contains("▀") || $0.contains("▄") }
        XCTAssertGreaterThan(qrRows.count, 10, enabled.stdout)
        let secretText = try XCTUnwrap(lines.first { $0.range(of: #"^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$"#, options: .regularExpression) != nil })
        let secret = try XCTUnwrap(Base32.decode(secretText))
        XCTAssertEqual(try store.totpSecret(customerID: acme), secret, "the secret shown is the one stored")
        let codes = lines.filter { $0.range(of: #"^[a-z2-9]{5}-[a-z2-9]{5}$"#, options: .regularExpression) != nil }
        XCTAssertEqual(codes.count, 10)
        XCTAssertTrue(try store.useRecoveryCode(customerID: acme, codeHash: RecoveryCodes.hash(codes[0]), at: 1))
        let show = try EndToEnd.termdash(["profile", "show", "--customer", "ACME", "--db", db])
        XCTAssertTrue(show.stdout.contains("2FA         on, 9 recovery codes left"), show.stdout)
    }
}
