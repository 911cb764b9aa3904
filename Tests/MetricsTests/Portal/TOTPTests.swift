import XCTest
@testable import Metrics

/// TOTP against RFC 6238 appendix B (SHA-1, 8 digits, the ASCII secret "12345678901234567890"), base32 against RFC
/// 4648 section 10, and the one-step drift window a portal start accepts.
final class TOTPTests: XCTestCase {
    let rfcSecret = Array("12345678901234567890".utf8)

    func testRFC6238AppendixBVectors() {
        let totp = TOTP(secret: rfcSecret, digits: 8)
        let vectors: [(Int64, String)] = [
            (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
        ]
        for (time, expected) in vectors { XCTAssertEqual(totp.code(at: time), expected, "T = \(time)") }
        XCTAssertEqual(TOTP(secret: rfcSecret).code(at: 59), "287082", "six digits are the last six of the eight")
    }

    func testMatchingAllowsOneStepOfDriftAndNothingElse() {
        let totp = TOTP(secret: rfcSecret)
        let now: Int64 = 1_234_567_890
        XCTAssertEqual(totp.matchingStep(totp.code(at: now), at: now), now / 30)
        XCTAssertEqual(totp.matchingStep(totp.code(at: now - 30), at: now), now / 30 - 1)
        XCTAssertEqual(totp.matchingStep(totp.code(at: now + 30), at: now), now / 30 + 1)
        XCTAssertNil(totp.matchingStep(totp.code(at: now - 60), at: now))
        XCTAssertNil(totp.matchingStep("12345", at: now))
    }

    func testBase32RFC4648Vectors() {
        let vectors = ["": "", "f": "MY", "fo": "MZXQ", "foo": "MZXW6", "foob": "MZXW6YQ", "fooba": "MZXW6YTB",
                       "foobar": "MZXW6YTBOI"]
        for (plain, encoded) in vectors {
            XCTAssertEqual(Base32.encode(Array(plain.utf8)), encoded)
            XCTAssertEqual(Base32.decode(encoded.lowercased() + "===="), Array(plain.utf8))
        }
        XCTAssertEqual(Base32.encode(rfcSecret), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        XCTAssertNil(Base32.decode("MZ1W"), "1 is not in the alphabet")
    }

    func testURIHasTheSecretAndEscapesNames() {
        let uri = TOTP(secret: rfcSecret).uri(issuer: "TermDash", account: "ACME Telecom")
        XCTAssertEqual(uri, "otpauth://totp/TermDash:ACME%20Telecom?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=TermDash")
    }

    func testRecoveryCodesAreTenDistinctAndHashIgnoresTyping() {
        let codes = RecoveryCodes.generate()
        XCTAssertEqual(Set(codes).count, 10)
        XCTAssertTrue(codes.allSatisfy { $0.count == 11 && $0.dropFirst(5).first == "-" })
        XCTAssertEqual(RecoveryCodes.hash("ABCDE-fghjk"), RecoveryCodes.hash(" abcdefghjk "))
        XCTAssertEqual(RecoveryCodes.sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
