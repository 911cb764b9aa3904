import Foundation
import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// The portal served as docs/portal.md says: a real sshd on loopback, one key per customer with
/// `restrict,pty,command="termdash portal --customer C"`. Each customer sees only their own data; a shell, another
/// command or other arguments get the same portal (or, without a terminal, nothing but its refusal).
final class PortalSSHEndToEndTests: XCTestCase {
    private var fixture: PortalFixture!
    private var lab: SSHLab!

    override func setUpWithError() throws {
        var random = seededRandom()
        fixture = try PortalFixture(using: &random)
        lab = try SSHLab(store: fixture.path, customers: [PortalFixture.target.code, PortalFixture.others[0].code])
    }

    override func tearDown() {
        lab?.stop()
        lab = nil
    }

    /// Logs in with `customer`'s key inside tmux (asking for `command` when given), waits for the portal's first
    /// frame showing `expected`, and returns that screen after quitting.
    private func screen(_ customer: String, command: String = "", expected: String) throws -> String {
        let ssh = (["/usr/bin/ssh"] + lab.client(customer, tty: true)).joined(separator: " ") + " " + command
        let tmux = try TmuxSession(command: ssh, width: 120, height: 40,
                                   environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color"])
        let shown: String
        do {
            shown = try tmux.waitForScreen(timeout: 20) { $0.contains(expected) && $0.contains("Overview") }
        } catch {
            XCTFail("\(error)\n\(lab.log)")
            throw error
        }
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(timeout: 10), 0, "q ends the session")
        return shown
    }

    func testEachCustomerSeesOnlyTheirOwnPortal() throws {
        let target = try screen(PortalFixture.target.code, expected: PortalFixture.target.name)
        XCTAssertEqual(fixture.leaks(in: target), [], target)
        XCTAssertTrue(target.contains("Route 1"), target)
        XCTAssertFalse(target.contains("Billing"), "no billing view in a portal")

        let other = PortalFixture.others[0]
        let theirs = try screen(other.code, expected: other.name)
        for text in [PortalFixture.target.name, PortalFixture.target.code, PortalFixture.targetDID,
                     PortalFixture.others[1].name, PortalFixture.others[1].code] + PortalFixture.carrierNames {
            XCTAssertFalse(theirs.contains(text), "\(text) in \(other.code)'s portal:\n\(theirs)")
        }
    }

    func testAnotherCommandOrOtherArgumentsGetTheSamePortal() throws {
        // Asked for with a terminal: the forced command runs instead, with its own customer.
        let asked = try screen(PortalFixture.target.code,
                               command: "\(EndToEnd.binary) portal --customer \(PortalFixture.others[0].code)",
                               expected: PortalFixture.target.name)
        XCTAssertEqual(fixture.leaks(in: asked), [], asked)
        let shell = try screen(PortalFixture.target.code, command: "/bin/sh -i", expected: PortalFixture.target.name)
        XCTAssertEqual(fixture.leaks(in: shell), [], shell)

        // Without a terminal, a command gets the portal's refusal and nothing else.
        for command in [["cat", "/etc/passwd"], ["/bin/sh", "-c", "id"], [EndToEnd.binary, "report", "customers"]] {
            let result = try EndToEnd.run("/usr/bin/ssh", lab.client(PortalFixture.target.code, tty: false) + command)
            XCTAssertNotEqual(result.status, 0, "\(command)")
            XCTAssertEqual(result.stdout, "", "\(command)")
            XCTAssertTrue(result.stderr.contains("the portal needs a terminal"), "\(command): \(result.stderr)")
        }
        // No port forwarding either: `restrict`.
        let forward = try EndToEnd.run("/usr/bin/ssh", lab.client(PortalFixture.target.code, tty: false)
            + ["-o", "ExitOnForwardFailure=yes", "-W", "127.0.0.1:\(lab.port)"])
        XCTAssertNotEqual(forward.status, 0, forward.stderr)
        XCTAssertFalse(forward.stdout.contains("SSH-2.0"), "stdio forwarding is refused")
    }

    /// A customer with 2FA on, logging in over the real sshd with tmux on the client side: asked for a code before
    /// anything of the portal shows, a wrong code refused, the code the test computes from the stored secret (TOTP)
    /// lets them in; a recovery code works once, and three wrong answers end the session with status 1.
    func testTwoFactorOverSSHAsksForACodeAndARecoveryCodeWorksOnce() throws {
        let id = fixture.targetID
        let secret = TOTP.newSecret()
        let recovery = RecoveryCodes.generate()
        try fixture.store.enableTOTP(customerID: id, secret: secret, recoveryCodeHashes: recovery.map(RecoveryCodes.hash),
                                     at: Int64(Date().timeIntervalSince1970))
        let ssh = (["/usr/bin/ssh"] + lab.client(PortalFixture.target.code, tty: true)).joined(separator: " ")
        func login() throws -> TmuxSession {
            let tmux = try TmuxSession(command: ssh, width: 80, height: 24,
                                       environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color"])
            let prompt = try tmux.waitForScreen(timeout: 20) { $0.contains("Authenticator code") }
            XCTAssertTrue(prompt.contains("Authenticator code"), prompt + "\n" + lab.log)
            XCTAssertFalse(prompt.contains(PortalFixture.target.name), "nothing of the portal before the code")
            return tmux
        }

        // A wrong code, then the right one.
        let first = try login()
        try first.send("000000", "Enter")
        let wrong = try first.waitForScreen(timeout: 10) { $0.contains("Wrong code") }
        XCTAssertTrue(wrong.contains("Wrong code, 2 tries left"), wrong)
        XCTAssertFalse(wrong.contains(PortalFixture.target.name), wrong)
        try first.send(TOTP(secret: secret).code(at: Int64(Date().timeIntervalSince1970)), "Enter")
        let inside = try first.waitForScreen(timeout: 20) { $0.contains(PortalFixture.target.name) && $0.contains("Overview") }
        XCTAssertTrue(inside.contains(PortalFixture.target.name), inside)
        XCTAssertEqual(fixture.leaks(in: inside), [], inside)
        try first.send("q")
        XCTAssertEqual(try first.waitForExit(timeout: 10), 0)

        // A recovery code, once.
        let second = try login()
        try second.send(recovery[0], "Enter")
        let recovered = try second.waitForScreen(timeout: 20) { $0.contains("Overview") }
        XCTAssertTrue(recovered.contains(PortalFixture.target.name), recovered)
        try second.send("q")
        XCTAssertEqual(try second.waitForExit(timeout: 10), 0)
        XCTAssertEqual(try fixture.store.unusedRecoveryCodes(customerID: id), RecoveryCodes.count - 1)

        let third = try login()
        for _ in 0..<3 {
            try third.send(recovery[0], "Enter")
            Thread.sleep(forTimeInterval: 0.3)
        }
        XCTAssertEqual(try third.waitForExit(timeout: 15), 1, "the spent recovery code three times: refused")
        let refused = try third.capture()
        XCTAssertTrue(refused.contains("Too many wrong codes"), refused)
        XCTAssertFalse(refused.contains(PortalFixture.target.name), refused)
    }
}
