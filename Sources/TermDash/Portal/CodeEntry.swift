import Metrics

/// One short code typed in the portal: a verification code, or an authenticator code to turn 2FA on or off. Only
/// digits and letters are taken, at most `maximumLength`; nothing typed reaches the terminal but those.
struct CodeEntry: Equatable {
    static let maximumLength = 12
    static let tries = 3

    enum Purpose: Equatable {
        case verify(VerificationChannel)
        /// Enabling: the new secret (not stored until a code from it is typed) and the QR code's text.
        case enableTwoFactor(secret: [UInt8], uri: String)
        case disableTwoFactor
    }

    var purpose: Purpose
    var language: PortalLanguage
    var typed = ""
    var triesLeft = CodeEntry.tries
    var message: String?

    enum Outcome: Equatable { case editing, submit(String), cancel }

    mutating func handle(_ key: Key) -> Outcome {
        switch PortalFormKey.action(for: key) {
        case .save?:
            guard !typed.isEmpty else { return .editing }
            return .submit(typed)
        case .cancel?: return .cancel
        case .erase?:
            if !typed.isEmpty { typed.removeLast() }
            return .editing
        case .next?, .previous?, nil: break
        }
        guard case .character(let character) = key, character.isASCII, character.isLetter || character.isNumber,
              typed.count < Self.maximumLength else { return .editing }
        typed.append(character)
        return .editing
    }

    /// After a wrong code: the message, one try fewer; false when none are left.
    mutating func wrong(_ text: String) -> Bool {
        triesLeft -= 1
        typed = ""
        message = text
        return triesLeft > 0
    }
}
