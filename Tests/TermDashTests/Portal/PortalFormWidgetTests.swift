import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// The portal's form widgets as literal lines: a code being typed (verification, 2FA off), the 2FA enrolment with
/// the QR code beside its text on 80×24 and the fallback line without room, the recovery codes, the invoice list's
/// cursor, and the provider's lines on the Account view; 0×0 and 1×1 draw nothing or one cell.
final class PortalFormWidgetTests: XCTestCase {
    private func entry(_ purpose: CodeEntry.Purpose, typed: String = "", message: String? = nil) -> CodeEntry {
        var entry = CodeEntry(purpose: purpose, language: .english)
        for character in typed { _ = entry.handle(.character(character)) }
        entry.message = message
        return entry
    }

    func testAVerificationCodeBeingTypedWithItsMessage() {
        let widget = CodeEntryWidget(entry: entry(.verify(.email), typed: "12\u{1B}[3", message: "Wrong or expired code, 2 tries left"),
                                     unicode: false)
        assertScreen(widget.lines(width: 44, height: 6), [
            "Verify your email address                   ",
            "A code was sent; it is valid for 15 minutes.",
            "Code: 123_                                  ",
            "Enter check · Esc cancel                    ",
            "Wrong or expired code, 2 tries left         ",
            "                                            ",
        ])
        assertScreen(widget.lines(width: 0, height: 0), [])
        assertScreen(widget.lines(width: 1, height: 1), ["V"])
    }

    func testTypingIsBoundedToLettersAndDigitsAndBackspaceEnterEscWork() {
        var code = entry(.disableTwoFactor)
        for character in "1234567890123456" { _ = code.handle(.character(character)) }
        XCTAssertEqual(code.typed, "123456789012", "at most 12")
        _ = code.handle(.backspace)
        XCTAssertEqual(code.handle(.enter), .submit("12345678901"))
        XCTAssertEqual(code.handle(.escape), .cancel)
        var empty = entry(.disableTwoFactor)
        XCTAssertEqual(empty.handle(.enter), .editing, "nothing typed: nothing to check")
        XCTAssertTrue(empty.wrong("a"))
        XCTAssertTrue(empty.wrong("b"))
        XCTAssertFalse(empty.wrong("c"), "three wrong codes")
    }

    func testEnrolmentOn80x24PutsTheCodeBesideItsText() {
        let secret = Array(repeating: UInt8(0), count: 20)
        let uri = TOTP(secret: secret).uri(issuer: "Telco Provider", account: "ACME01")
        let widget = CodeEntryWidget(entry: entry(.enableTwoFactor(secret: secret, uri: uri), typed: "1"), unicode: true)
        // The Account panel's inside on 80×24: 76×20.
        let lines = widget.lines(width: 76, height: 20)
        let matrix = QRMatrix(uri)!
        let qrWidth = matrix.width + 2
        // The first row: the quiet zone (light, drawn) over the finder pattern's top (dark, blank below).
        XCTAssertEqual(String(lines[0].prefix(2)), "█▀", lines[0])
        XCTAssertEqual(String(lines[0].dropFirst(qrWidth).prefix(2)), "  ", "two columns between the code and its text")
        let text = lines.map { String($0.dropFirst(qrWidth + 2)) }
        assertScreen(Array(text.prefix(7)), [
            "Enable two-factor authentication   ",
            "Scan with an authenticator app, or ",
            "type the secret:                   ",
            "AAAA AAAA AAAA AAAA                ",
            "AAAA AAAA AAAA AAAA                ",
            "Code: 1▏                           ",
            "Enter check · Esc cancel           ",
        ])
        // Too narrow for the code: the text, then the line saying so.
        let narrow = CodeEntryWidget(entry: entry(.enableTwoFactor(secret: secret, uri: uri)), unicode: true)
        assertScreen(narrow.lines(width: 40, height: 8), [
            "Enable two-factor authentication        ",
            "Scan with an authenticator app, or type ",
            "AAAA AAAA AAAA AAAA                     ",
            "AAAA AAAA AAAA AAAA                     ",
            "Code: ▏                                 ",
            "Enter check · Esc cancel                ",
            "QR code: enlarge the terminal, or type  ",
            "                                        ",
        ])
    }

    func testRecoveryCodesShownOnce() {
        let widget = PortalFormWidget(form: .recoveryCodes(["abcde-fghjk", "mnpqr-stuvw"], .polish), unicode: true)
        assertScreen(widget.lines(width: 64, height: 5), [
            "Uwierzytelnianie dwuskładnikowe włączone                        ",
            "Kody odzyskiwania (każdy działa raz; przechowuj je bezpiecznie):",
            "  abcde-fghjk                                                   ",
            "  mnpqr-stuvw                                                   ",
            "Pokazane tylko raz: zapisz je, potem naciśnij dowolny klawisz   ",
        ])
        assertScreen(widget.lines(width: 1, height: 1), ["U"])
    }

    func testTheInvoiceListMarksTheCursorByAGlyphAndKeepsItInView() {
        var invoices: [Invoice] = []
        for number in 1...4 {
            var invoice = InvoiceTextTests.invoice
            invoice.id = Int64(number)
            invoice.number = "INV-00000\(number)"
            invoices.append(invoice)
        }
        let widget = InvoiceListWidget(invoices: invoices, glyphs: .ascii, cursor: 3)
        assertScreen(widget.lines(width: 56, height: 4), [
            "  Number      Issued          Total  Left  Status       ",
            "  INV-000002  2026-11-01  12.31 PLN  7.31  partly paid  ",
            "  INV-000003  2026-11-01  12.31 PLN  7.31  partly paid  ",
            "> INV-000004  2026-11-01  12.31 PLN  7.31  partly paid  ",
        ])
        // At the top of a longer list: the rest counted on the last row.
        assertScreen(InvoiceListWidget(invoices: invoices, glyphs: .ascii, cursor: 0).lines(width: 56, height: 4), [
            "  Number      Issued          Total  Left  Status       ",
            "> INV-000001  2026-11-01  12.31 PLN  7.31  partly paid  ",
            "  INV-000002  2026-11-01  12.31 PLN  7.31  partly paid  ",
            "... 2 more                                              ",
        ])
        assertScreen(widget.lines(width: 0, height: 0), [])
    }

    func testTheAccountViewShowsTheProvidersContactAndPayPal() {
        let account = AccountFigures(customer: nil, billing: nil, blocks: [], inUse: [:],
                                     user: PortalUser(customerID: 1, values: [.language: "pl"]))
        let widget = AccountWidget(account: account, glyphs: .ascii, company: CompanySettings(
            name: "Telco\u{1B}[2J", email: "billing@telco.example", phone: "+41445550000", paypal: "pay@telco.example"))
        let lines = widget.lines().map(\.0)
        XCTAssertEqual(Array(lines.prefix(5)), [
            "Profil firmy",
            "  Podatek          –",
            "  Dostawca         Telco",
            "  Kontakt          billing@telco.example  +41445550000",
            "  PayPal           pay@telco.example",
        ])
        XCTAssertEqual(lines.last, "  Dwa składniki    wyłączone")
    }
}
