import Metrics
import TermDashTestSupport
import XCTest

@testable import TermDash

/// My profile as a form: focus, typing, backspace, Enter saves only valid values, Esc cancels; drawn as literal
/// lines in English and Polish, at 0×0 and 1×1, with hostile data sanitised.
final class ProfileFormTests: XCTestCase {
    private let user = PortalUser(customerID: 1, values: [.name: "Ann", .email: "ann@acme.example", .mobile: "+41791234567"],
                                  emailVerified: "ann@acme.example")

    private func type(_ text: String, into form: inout ProfileForm) {
        for character in text { _ = form.handle(.character(character)) }
    }

    func testTypingBackspaceAndEnterSaveOnlyTheChangedValidFields() {
        var form = ProfileForm(user: user)
        XCTAssertEqual(form.focusedField, .name)
        _ = form.handle(.backspace)
        type("a Nowak", into: &form)
        XCTAssertEqual(form.values[.name], "Ana Nowak")
        _ = form.handle(.tab)
        _ = form.handle(.tab)
        type("Sales\u{1B}[2J", into: &form)
        XCTAssertEqual(form.values[.department], "Sales[2J", "control characters never enter a value")
        XCTAssertEqual(form.handle(.enter), .save([.name: "Ana Nowak", .department: "Sales[2J"]))
        XCTAssertEqual(form.message, "Saved")
    }

    func testInvalidValuesAreRefusedWithTheFieldFocused() {
        var form = ProfileForm(user: user)
        _ = form.handle(.down)
        for _ in 0..<30 { _ = form.handle(.backspace) }
        type("ann(at)acme", into: &form)
        _ = form.handle(.up)
        XCTAssertEqual(form.handle(.enter), .editing)
        XCTAssertEqual(form.focusedField, .email)
        XCTAssertEqual(form.message, "Email: not an email address (name@domain.tld)")
        XCTAssertEqual(form.handle(.escape), .cancel)
        XCTAssertEqual(form.values[.email], "ann@acme.example", "Esc puts the saved values back")
    }

    func testPhonesMustBeE164() {
        XCTAssertNil(ProfileField.phone.problem(with: "+48221234567"))
        XCTAssertNil(ProfileField.mobile.problem(with: ""))
        XCTAssertNotNil(ProfileField.phone.problem(with: "0221234567"))
        XCTAssertNotNil(ProfileField.phone.problem(with: "+0221234567"))
        XCTAssertNotNil(ProfileField.phone.problem(with: "+1234567890123456"))
        XCTAssertNotNil(ProfileField.mobile.problem(with: "+48 22 123"))
        XCTAssertNil(ProfileField.email.problem(with: "a.b@c-d.example.pl"))
        for bad in ["a@b", "@b.pl", "a b@c.pl", "a@b@c.pl", "a@.pl", "a@b.p1"] {
            XCTAssertNotNil(ProfileField.email.problem(with: bad), bad)
        }
    }

    func testRenderedInEnglishAndPolish() {
        var form = ProfileForm(user: user)
        _ = form.handle(.down)
        assertScreen(ProfileFormWidget(form: form, unicode: true).lines(width: 50, height: 9), [
            "My profile",
            "  Name        Ann",
            "› Email       ann@acme.example▏  (verified)",
            "  Department  ",
            "  Phone       ",
            "  Mobile      +41791234567  (not verified)",
            "  Language    en",
            "Tab next · Enter save · Esc cancel",
            "",
        ].map { $0.padding(toLength: 50, withPad: " ", startingAt: 0) })

        var polish = user
        polish.values[.language] = "pl"
        var form2 = ProfileForm(user: polish)
        for _ in 0..<5 { _ = form2.handle(.tab) }
        _ = form2.handle(.character(" "))
        XCTAssertEqual(form2.values[.language], "en", "space steps through the languages")
        assertScreen(ProfileFormWidget(form: form2, unicode: false).lines(width: 44, height: 8), [
            "Mój profil",
            "  Imię i nazwisko  Ann",
            "  E-mail           ann@acm~  (zweryfikowano)",
            "  Dział",
            "  Telefon",
            "  Komórka          +417~  (niezweryfikowano)",
            "> Język            en_",
            "Tab dalej · Enter zapisz · Esc anuluj",
        ].map { $0.padding(toLength: 44, withPad: " ", startingAt: 0) })
    }

    func testZeroOneAndHostileData() {
        var hostile = user
        hostile.values[.name] = "\u{1B}]52;c;ZXZpbA==\u{07}Eve"
        let widget = ProfileFormWidget(form: ProfileForm(user: hostile), unicode: true)
        assertScreen(widget.lines(width: 0, height: 0), [])
        assertScreen(widget.lines(width: 1, height: 1), ["M"])
        XCTAssertFalse(widget.lines(width: 60, height: 9).joined().contains("\u{1B}"))
    }
}
