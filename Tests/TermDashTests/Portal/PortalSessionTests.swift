import Foundation
import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// A customer's portal session driven key by key on the real store: My profile's form saved with the audit trail,
/// a verification code wrong then right, 2FA turned on from the QR code drawn on the portal's screen (decoded by
/// zbarimg) and off again, the language switch, a draft for their own account from the summary, and exports of
/// their own invoice into their own folder only.
final class PortalSessionTests: PortalFixtureTestCase {

    private var exportBase: String { folder.appendingPathComponent("exports").path }
    private var exportDirectory: String {
        PortalExports.customerDirectory(base: exportBase, customerID: fixture.targetID)
    }

    private static func key(_ view: MonitorView) -> Key {
        KeyBinding.portal.first { $0.action == .show(view) }!.keys[0]
    }

    private static func typing(_ text: String) -> [TestBackend.Step] {
        text.map { .event(.key(.character($0))) }
    }

    /// Runs the portal over `script` and returns the terminal; the clock stands at `now`.
    private func session(_ script: [TestBackend.Step], width: Int = 80, height: Int = 24, unicode: Bool = false,
                         notify: NotifySettings = NotifySettings(), drafts: Bool = true,
                         now: Int64 = PortalFixture.now, made: (TestBackend) -> Void = { _ in }) -> TestBackend {
        let scoped = ScopedStoreReader(fixture.store, scope: CustomerScope(customerID: fixture.targetID))
        let store = fixture.store
        let portal = PortalSessionOptions(
            customerID: fixture.targetID, accountCode: PortalFixture.target.code,
            company: CompanySettings(name: "Telco Provider", email: "billing@telco.example", phone: "+41445550000",
                                     paypal: "pay@telco.example"),
            customerDrafts: drafts, exportDirectory: exportDirectory, reader: scoped, ledger: { store },
            notify: notify)
        let options = MonitorSession.Options(
            identity: StatusIdentity(version: "0.1.0", zone: "UTC"), zones: [("UTC", TimeZone(identifier: "UTC")!)],
            theme: .default, graphs: unicode ? "auto" : "ascii", refreshSeconds: 1, tableRows: 10, mouse: false,
            keys: KeyBinding.portalSession(customerDrafts: drafts), copy: CopySettings(osc52: .on),
            exportDirectory: exportDirectory,
            writer: drafts ? ScopedMonitorWriter(customerID: fixture.targetID, base: StoreWriter(open: { store })) : nil,
            views: KeyBinding.portalViews, portal: portal)
        let terminal = TestBackend(
            width: width, height: height,
            capabilities: TerminalCapabilities(unicode: unicode, colors: .none), script: script + [.tick])
        made(terminal)
        let engine = MetricsEngine(store: scoped)
        run(terminal, options: options, engine: engine, at: now)
        return terminal
    }

    private func shown(_ terminal: TestBackend) -> String {
        terminal.frames.map { $0.joined(separator: "\n") }.joined(separator: "\n")
    }

    // MARK: My profile

    func testTheProfileFormSavesWithTheAuditTrailAndAChangedEmailIsUnverified() throws {
        let id = fixture.targetID
        try fixture.store.updateProfile(customerID: id, [.email: "old@acme.example"], by: "operator", at: 100)
        try fixture.store.storeVerificationCode(customerID: id, channel: .email, address: "old@acme.example",
                                                codeHash: RecoveryCodes.sha256Hex("123456"), at: 100)
        XCTAssertTrue(try fixture.store.verify(customerID: id, channel: .email, codeHash: RecoveryCodes.sha256Hex("123456"),
                                               at: 101, maximumAge: 900))
        var script: [TestBackend.Step] = [.event(.key(Self.key(.account))), .event(.key(.character("e")))]
        script += Self.typing("Ann Acme")
        // A bell and an escape sequence's tail are not typed into the value; Tab to the email, erase it all.
        script += [.event(.key(.character("\u{07}"))), .event(.key(.tab))]
        script += Array(repeating: .event(.key(.backspace)), count: 20)
        script += Self.typing("ann@acme.example") + [.tick, .event(.key(.enter)), .tick]
        let terminal = session(script)
        let user = try fixture.store.portalUser(customerID: id)
        XCTAssertEqual(user[.name], "Ann Acme")
        XCTAssertEqual(user[.email], "ann@acme.example")
        XCTAssertFalse(user.isEmailVerified, "a changed address is not verified")
        let changes = try fixture.store.profileChanges(customerID: id).filter { $0.changedBy == "portal" }
        XCTAssertEqual(Set(changes.map(\.field)), Set<ProfileField>([.name, .email]))
        let text = shown(terminal)
        XCTAssertTrue(text.contains("> Email"), "the focused field is marked by a glyph")
        XCTAssertTrue(text.contains("Saved"))
        XCTAssertTrue(terminal.lines.joined().contains("ann@acme.example  (not verified)"), terminal.lines.joined(separator: "\n"))
        XCTAssertFalse(text.contains("\u{07}"))
    }

    func testABadEmailIsRefusedWithItsReasonAndEscCancels() throws {
        var script: [TestBackend.Step] = [.event(.key(Self.key(.account))), .event(.key(.character("e"))),
                                          .event(.key(.tab))]
        script += Self.typing("not-an-address") + [.event(.key(.enter)), .tick]
        let refused = session(script)
        XCTAssertTrue(refused.lines.joined(separator: "\n").contains("Email: "), refused.lines.joined(separator: "\n"))
        XCTAssertEqual(try fixture.store.portalUser(customerID: fixture.targetID)[.email], "")
        let cancelled = session(script + [.event(.key(.escape)), .tick])
        XCTAssertTrue(cancelled.lines.last!.contains("Cancelled"), cancelled.lines.last!)
        XCTAssertTrue(cancelled.lines.joined().contains("Company profile"), "back on the Account view")
        XCTAssertEqual(try fixture.store.profileChanges(customerID: fixture.targetID).count, 0)
    }

    func testTheFooterAndTheAccountViewNameTheKeysAndTheProvider() throws {
        let terminal = session([.event(.key(Self.key(.account))), .tick], width: 200, height: 50)
        let text = terminal.lines.joined(separator: "\n")
        for expected in ["e edit", "v verify email", "f 2FA", "L language", "billing@telco.example  +41445550000",
                         "pay@telco.example", "Two-factor", "off"] {
            XCTAssertTrue(text.contains(expected), "\(expected) in\n\(text)")
        }
        let form = session([.event(.key(Self.key(.account))), .event(.key(.character("e"))), .tick], width: 200, height: 50)
        XCTAssertTrue(form.lines.last!.contains("Enter save"), form.lines.last!)
        XCTAssertTrue(form.lines.last!.contains("Esc cancel"), form.lines.last!)
    }

    func testLanguageSwitchIsStoredWithTheProfile() throws {
        let terminal = session([.event(.key(Self.key(.account))), .event(.key(.character("L"))), .tick])
        XCTAssertEqual(try fixture.store.portalUser(customerID: fixture.targetID).language, .polish)
        XCTAssertTrue(terminal.lines.joined(separator: "\n").contains("Profil firmy"))
        XCTAssertEqual(try fixture.store.profileChanges(customerID: fixture.targetID).last?.field, .language)
    }

    // MARK: Verification

    func testAVerificationCodeSentThroughNotifyWrongThenRight() throws {
        let id = fixture.targetID
        try fixture.store.updateProfile(customerID: id, [.email: "ann@acme.example"], by: "operator", at: 100)
        let sent = folder.appendingPathComponent("sent").path
        let script = folder.appendingPathComponent("send-code").path
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" >> \(sent)\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        var steps: [TestBackend.Step] = [.event(.key(Self.key(.account))), .event(.key(.character("v"))), .tick]
        steps += Self.typing("000000") + [.event(.key(.enter)), .tick]
        steps.append(.later {
            let lines = (try? String(contentsOfFile: sent, encoding: .utf8))?.split(separator: "\n") ?? []
            let code = lines.last.map(String.init) ?? ""
            return code.map { .key(.character($0)) } + [.key(.enter)]
        })
        let terminal = session(steps, notify: NotifySettings(emailCommand: [script, "--via"]))
        let text = shown(terminal)
        XCTAssertTrue(text.contains("Verify your email address"), text)
        XCTAssertTrue(text.contains("Wrong or expired code, 2 tries left"), text)
        XCTAssertTrue(text.contains("Verified"))
        XCTAssertTrue(try fixture.store.portalUser(customerID: id).isEmailVerified)
        let arguments = try String(contentsOfFile: sent, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(Array(arguments.prefix(2)), ["--via", "ann@acme.example"])
    }

    func testThreeWrongCodesCloseTheEntryAndNoAddressNothingToSend() throws {
        let id = fixture.targetID
        let none = session([.event(.key(Self.key(.account))), .event(.key(.character("m"))), .tick])
        XCTAssertTrue(none.lines.last!.contains("Nothing to verify"), none.lines.last!)
        try fixture.store.updateProfile(customerID: id, [.mobile: "+41791234567"], by: "operator", at: 100)
        var steps: [TestBackend.Step] = [.event(.key(Self.key(.account))), .event(.key(.character("m")))]
        for _ in 0..<3 { steps += Self.typing("999999") + [.event(.key(.enter)), .tick] }
        let terminal = session(steps, notify: NotifySettings(smsCommand: ["/bin/true"]))
        XCTAssertTrue(terminal.lines.last!.contains("Too many wrong codes"), terminal.lines.last!)
        XCTAssertFalse(try fixture.store.portalUser(customerID: id).isMobileVerified)
        let broken = session([.event(.key(Self.key(.account))), .event(.key(.character("m"))), .tick],
                             notify: NotifySettings(smsCommand: ["/bin/false"]))
        XCTAssertTrue(broken.lines.last!.contains("The code was not sent"), broken.lines.last!)
    }

    // MARK: 2FA

    /// The secret as the enabling form prints it: base32 in groups of four, four groups a line.
    private static func secret(in lines: [String]) -> [UInt8]? {
        let pattern = try! NSRegularExpression(pattern: "(?<![A-Z0-9])(?:[A-Z2-7]{4} ){3}[A-Z2-7]{4}(?![A-Z0-9])")
        var letters = ""
        for line in lines {
            for match in pattern.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                letters += (line as NSString).substring(with: match.range).replacingOccurrences(of: " ", with: "")
            }
        }
        return letters.count == 32 ? Base32.decode(letters) : nil
    }

    func testTwoFactorOnFromTheQRCodeOnTheScreenThenOffWithACode() throws {
        let id = fixture.targetID
        let now = PortalFixture.now
        var enrolment: [String] = []
        var steps: [TestBackend.Step] = [.event(.key(Self.key(.account))), .event(.key(.character("f"))), .tick]
        steps += Self.typing("12") + [.event(.key(.enter)), .tick]
        var running: TestBackend?
        steps.append(.later {
            let lines = running?.lines ?? []
            enrolment = lines
            guard let secret = Self.secret(in: lines) else { return [] }
            return TOTP(secret: secret).code(at: now).map { .key(.character($0)) } + [.key(.enter)]
        })
        steps.append(.tick)
        let terminal = session(steps, unicode: true, made: { running = $0 })
        let text = shown(terminal)
        XCTAssertTrue(text.contains("Enable two-factor authentication"), enrolment.joined(separator: "\n"))
        XCTAssertTrue(text.contains("Wrong or expired code"), text)
        XCTAssertTrue(text.contains("Recovery codes"), text)
        let secret = try XCTUnwrap(try fixture.store.totpSecret(customerID: id))
        XCTAssertEqual(Self.secret(in: enrolment), secret)
        XCTAssertEqual(try fixture.store.unusedRecoveryCodes(customerID: id), RecoveryCodes.count)
        try decodeQR(enrolment, expecting: "otpauth://totp/")

        // Off: a code of a later step.
        let later = now + 60
        var off: [TestBackend.Step] = [.event(.key(Self.key(.account))), .event(.key(.character("f"))), .tick]
        off += TOTP(secret: secret).code(at: later).map { .event(.key(.character($0))) } + [.event(.key(.enter)), .tick]
        let disabled = session(off, now: later)
        XCTAssertTrue(shown(disabled).contains("Disable two-factor authentication"))
        XCTAssertNil(try fixture.store.totpSecret(customerID: id))
    }

    /// The QR code's half-block rows on `lines`, turned back into an image, decode (zbarimg) to a text starting
    /// with `prefix`.
    private func decodeQR(_ lines: [String], expecting prefix: String) throws {
        let zbarimg = "/usr/bin/zbarimg"
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: zbarimg), "zbarimg (zbar-tools) is not installed")
        let codeLines = lines.filter { $0.contains("█") }
        XCTAssertGreaterThan(codeLines.count, 10)
        var rows: [[Int]] = []
        for line in codeLines {
            let characters = Array(line)
            guard let first = characters.firstIndex(where: { "█▀▄".contains($0) }),
                  let last = characters.lastIndex(where: { "█▀▄".contains($0) }) else { continue }
            var top: [Int] = [], bottom: [Int] = []
            for character in characters[first...last] {
                top.append(character == "█" || character == "▀" ? 0 : 1)
                bottom.append(character == "█" || character == "▄" ? 0 : 1)
            }
            rows += [top, bottom]
        }
        let widest = rows.map(\.count).max() ?? 0
        rows = rows.map { $0 + Array(repeating: 1, count: widest - $0.count) }
        let scale = 4, pad = 4
        let width = (widest + 2 * pad) * scale
        var pbm = "P1\n\(width) \((rows.count + 2 * pad) * scale)\n"
        // Around the code: the terminal's blank cells, dark (1), as on the screen the customer scans.
        let blank = String(repeating: "1 ", count: width) + "\n"
        pbm += String(repeating: blank, count: pad * scale)
        for row in rows {
            let padded = Array(repeating: 1, count: pad) + row + Array(repeating: 1, count: pad)
            pbm += String(repeating: padded.flatMap { Array(repeating: String($0), count: scale) }.joined(separator: " ")
                          + "\n", count: scale)
        }
        pbm += String(repeating: blank, count: pad * scale)
        let file = folder.appendingPathComponent("portal-qr.pbm")
        try pbm.write(to: file, atomically: true, encoding: .ascii)
        let decoded = try EndToEnd.run(zbarimg, ["--raw", "-q", file.path])
        XCTAssertEqual(decoded.status, 0, decoded.stderr + "\n" + lines.joined(separator: "\n"))
        XCTAssertTrue(decoded.stdout.hasPrefix(prefix), decoded.stdout)
    }

    // MARK: Drafts and exports

    func testSpaceAndIDraftAnInvoiceForTheirOwnAccountOnlyAndTheWriterRefusesAnyOther() throws {
        // Their issued invoice covers the last day: the draft over the current hour overlaps it and is refused.
        let own = try fixture.store.read { try $0.invoices(InvoiceFilter()) }.first { $0.customerID == fixture.targetID }!
        let refused = session([.event(.key(Self.key(.summary))), .tick, .event(.key(.character(" "))),
                               .event(.key(.character("i"))), .tick], width: 200, height: 50)
        XCTAssertTrue(refused.lines.last!.contains("Refused: Acme Target (overlaps invoice INV-000002)"),
                      refused.lines.last!)
        _ = try fixture.store.voidInvoice(id: own.id, at: PortalFixture.now)
        let before = try fixture.store.read { try $0.invoices(InvoiceFilter()) }
        let terminal = session([.event(.key(Self.key(.summary))), .tick, .event(.key(.character(" "))),
                                .event(.key(.character("i"))), .tick], width: 200, height: 50)
        let after = try fixture.store.read { try $0.invoices(InvoiceFilter()) }
        let made = after.filter { invoice in !before.contains { $0.id == invoice.id } }
        XCTAssertEqual(made.map(\.customerID), [fixture.targetID], terminal.lines.joined(separator: "\n"))
        XCTAssertTrue(shown(terminal).contains("Draft invoice"))

        let writer = ScopedMonitorWriter(customerID: fixture.targetID, base: StoreWriter(open: { [fixture] in fixture!.store }))
        let others = try fixture.store.read { try $0.customers() }.filter { $0.id != fixture.targetID }
        for other in others {
            XCTAssertThrowsError(try writer.createDraft(customerID: other.id, period: Period(from: 0, to: PortalFixture.now)!,
                                                        at: PortalFixture.now))
            XCTAssertThrowsError(try writer.billingZone(customerID: other.id))
        }
        XCTAssertThrowsError(try writer.openTicket(subject: "x", support: "y", at: 1))

        let off = session([.event(.key(Self.key(.summary))), .tick, .event(.key(.character(" "))),
                           .event(.key(.character("i"))), .tick], width: 200, height: 50, drafts: false)
        XCTAssertEqual(try fixture.store.read { try $0.invoices(InvoiceFilter()) }.count, after.count, shown(off))
    }

    func testInvoiceExportsLandOnlyInTheirFolderAndAnotherCustomersInvoiceIsRefused() throws {
        let terminal = session([.event(.key(Self.key(.invoices))), .tick, .event(.key(.character("p"))), .tick,
                                .event(.key(.character("e"))), .tick], width: 200, height: 50)
        let text = shown(terminal)
        let files = try FileManager.default.contentsOfDirectory(atPath: exportDirectory).sorted()
        let own = try fixture.store.read { try $0.invoices(InvoiceFilter()) }.first { $0.customerID == fixture.targetID }!
        XCTAssertEqual(files, ["invoice-\(own.id)-cdrs.csv", "invoice-\(own.id).pdf"], text)
        XCTAssertTrue(text.contains("Exported INV-000002"), text)
        XCTAssertTrue(text.contains("copied to your clipboard"), text)
        // Only their folder under the base; private modes.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: exportBase), ["\(fixture.targetID)"])
        var info = stat()
        XCTAssertEqual(stat(exportDirectory, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o700)
        for file in files {
            XCTAssertEqual(stat((exportDirectory as NSString).appendingPathComponent(file), &info), 0)
            XCTAssertEqual(info.st_mode & 0o777, 0o600, file)
        }
        let pdf = try Data(contentsOf: URL(fileURLWithPath: (exportDirectory as NSString).appendingPathComponent(files[1])))
        XCTAssertEqual(Array(pdf.prefix(5)), Array("%PDF-".utf8))
        let csv = try String(contentsOfFile: (exportDirectory as NSString).appendingPathComponent(files[0]), encoding: .utf8)
        XCTAssertEqual(fixture.leaks(in: csv + text), [])

        // Another customer's invoice, asked for by id: not found through the session's reader, nothing written.
        let scoped = ScopedStoreReader(fixture.store, scope: CustomerScope(customerID: fixture.targetID))
        let exports = PortalExports(reader: scoped, directory: exportDirectory, company: CompanySettings())
        let others = try fixture.store.read { try $0.invoices(InvoiceFilter()) }.filter { $0.customerID != fixture.targetID }
        XCTAssertFalse(others.isEmpty)
        for invoice in others {
            for kind in [PortalExports.Kind.pdf, .csv] {
                let result = exports.export(invoiceID: invoice.id, as: kind)
                XCTAssertNil(result.path)
                XCTAssertTrue(result.message.hasPrefix("Export refused"), result.message)
            }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: exportDirectory).count, 2)
    }

    func testTheSummaryCSVGoesToTheirFolder() throws {
        _ = session([.event(.key(Self.key(.summary))), .tick, .event(.key(.character("a"))),
                     .event(.key(.character("e"))), .tick], width: 200, height: 50)
        let files = try FileManager.default.contentsOfDirectory(atPath: exportDirectory)
        XCTAssertEqual(files.count, 1)
        XCTAssertTrue(files[0].hasPrefix("summary-"), files[0])
        let csv = try String(contentsOfFile: (exportDirectory as NSString).appendingPathComponent(files[0]), encoding: .utf8)
        XCTAssertTrue(csv.contains(PortalFixture.target.name))
        XCTAssertEqual(fixture.leaks(in: csv), [])
    }
}
