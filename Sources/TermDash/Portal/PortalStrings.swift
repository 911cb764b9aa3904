import Metrics

/// The portal's own words, in every `PortalLanguage`: data, looked up in one place. Data from the store (names,
/// numbers) is never translated; `%1`, `%2` mark where it goes, and every language keeps the same marks.
enum PortalStrings {
    static let table: [String: [PortalLanguage: String]] = [
        "profile.title": [.english: "My profile", .polish: "Mój profil"],
        "profile.name": [.english: "Name", .polish: "Imię i nazwisko"],
        "profile.email": [.english: "Email", .polish: "E-mail"],
        "profile.department": [.english: "Department", .polish: "Dział"],
        "profile.phone": [.english: "Phone", .polish: "Telefon"],
        "profile.mobile": [.english: "Mobile", .polish: "Komórka"],
        "profile.language": [.english: "Language", .polish: "Język"],
        "profile.verified": [.english: "verified", .polish: "zweryfikowano"],
        "profile.unverified": [.english: "not verified", .polish: "niezweryfikowano"],
        "profile.hint": [.english: "Tab next · Enter save · Esc cancel",
                         .polish: "Tab dalej · Enter zapisz · Esc anuluj"],
        "profile.saved": [.english: "Saved", .polish: "Zapisano"],
        "profile.cancelled": [.english: "Cancelled", .polish: "Anulowano"],
        "profile.invalid": [.english: "%1: %2", .polish: "%1: %2"],
        "company.title": [.english: "Company profile", .polish: "Profil firmy"],
        "company.name": [.english: "Company", .polish: "Firma"],
        "company.contact": [.english: "Contact", .polish: "Kontakt"],
        "company.currency": [.english: "Currency", .polish: "Waluta"],
        "company.debit_limit": [.english: "Debit limit", .polish: "Limit debetu"],
        "company.tax": [.english: "Tax", .polish: "Podatek"],
        "company.paypal": [.english: "PayPal", .polish: "PayPal"],
        "blocks.title": [.english: "Number blocks", .polish: "Bloki numerów"],
        "blocks.in_use": [.english: "%1 of %2 in use", .polish: "%1 z %2 w użyciu"],
        "blocks.none": [.english: "No number blocks", .polish: "Brak bloków numerów"],
        "totp.prompt": [.english: "Authenticator code (or a recovery code): ",
                        .polish: "Kod z aplikacji uwierzytelniającej (lub kod odzyskiwania): "],
        "totp.wrong": [.english: "Wrong code, %1 tries left", .polish: "Błędny kod, pozostało prób: %1"],
        "totp.denied": [.english: "Too many wrong codes", .polish: "Zbyt wiele błędnych kodów"],
        "totp.recovery_used": [.english: "Recovery code used; %1 left", .polish: "Użyto kodu odzyskiwania; pozostało %1"],
        "totp.scan": [.english: "Scan with an authenticator app, or type the secret:",
                      .polish: "Zeskanuj aplikacją uwierzytelniającą lub wpisz klucz:"],
        "totp.too_small": [.english: "QR code: enlarge the terminal, or type the secret below",
                           .polish: "Kod QR: powiększ terminal lub wpisz klucz poniżej"],
        "totp.recovery_codes": [.english: "Recovery codes (each works once; keep them safe):",
                                .polish: "Kody odzyskiwania (każdy działa raz; przechowuj je bezpiecznie):"],
        "totp.enable.title": [.english: "Enable two-factor authentication", .polish: "Włącz uwierzytelnianie dwuskładnikowe"],
        "totp.disable.title": [.english: "Disable two-factor authentication: type a current code",
                               .polish: "Wyłącz uwierzytelnianie dwuskładnikowe: wpisz bieżący kod"],
        "totp.enabled": [.english: "Two-factor authentication is on", .polish: "Uwierzytelnianie dwuskładnikowe włączone"],
        "totp.disabled": [.english: "Two-factor authentication is off", .polish: "Uwierzytelnianie dwuskładnikowe wyłączone"],
        "totp.recovery_close": [.english: "Shown once: write them down, then press any key",
                                .polish: "Pokazane tylko raz: zapisz je, potem naciśnij dowolny klawisz"],
        "totp.status": [.english: "Two-factor", .polish: "Dwa składniki"],
        "totp.on": [.english: "on", .polish: "włączone"],
        "totp.off": [.english: "off", .polish: "wyłączone"],
        "code.prompt": [.english: "Code: ", .polish: "Kod: "],
        "code.hint": [.english: "Enter check · Esc cancel", .polish: "Enter sprawdź · Esc anuluj"],
        "code.wrong": [.english: "Wrong or expired code, %1 tries left", .polish: "Błędny lub wygasły kod, pozostało prób: %1"],
        "code.too_many": [.english: "Too many wrong codes: send a new one", .polish: "Zbyt wiele błędnych kodów: wyślij nowy"],
        "verify.title.email": [.english: "Verify your email address", .polish: "Zweryfikuj adres e-mail"],
        "verify.title.mobile": [.english: "Verify your mobile", .polish: "Zweryfikuj numer komórki"],
        "verify.sent": [.english: "A code was sent; it is valid for 15 minutes.",
                        .polish: "Wysłano kod; jest ważny 15 minut."],
        "verify.done": [.english: "Verified", .polish: "Zweryfikowano"],
        "verify.no_address": [.english: "Nothing to verify: save an address first",
                              .polish: "Brak adresu do weryfikacji: najpierw go zapisz"],
        "verify.not_sent": [.english: "The code was not sent: %1", .polish: "Kod nie został wysłany: %1"],
        "company.provider": [.english: "Provider", .polish: "Dostawca"],
        "language.set": [.english: "Language: English", .polish: "Język: polski"],
    ]

    /// The text of `key` in `language`, with `%1`, `%2`… replaced by `arguments` (sanitised: they come from data).
    /// A key missing from the table shows as itself, so a mistake is visible rather than blank.
    static func text(_ key: String, _ language: PortalLanguage, _ arguments: String...) -> String {
        var text = table[key]?[language] ?? table[key]?[.english] ?? key
        for (index, argument) in arguments.enumerated().reversed() {
            text = text.replacingOccurrences(of: "%\(index + 1)", with: Sanitizer.clean(argument))
        }
        return text
    }
}
