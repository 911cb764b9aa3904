import Metrics

/// What every portal start asks once 2FA is on: an authenticator code, or one of the recovery codes, with three
/// tries. A TOTP code works once (its time step is stored); a recovery code works once. The caller exits non-zero
/// when the gate refuses.
struct TwoFactorGate {
    static let tries = 3

    var customerID: Int64
    var store: any PortalLedger
    var language: PortalLanguage

    enum Result: Equatable { case open, passed, refused }

    /// `readCode` returns a typed line, nil at end of input; `say` shows a line; `now` is the caller's clock.
    func run(readCode: () -> String?, say: (String) -> Void, now: () -> Int64) throws -> Result {
        guard let secret = try store.totpSecret(customerID: customerID) else { return .open }
        let totp = TOTP(secret: secret)
        for attempt in 1...Self.tries {
            say(PortalStrings.text("totp.prompt", language))
            guard let typed = readCode() else { break }
            let time = now()
            if let step = totp.matchingStep(typed, at: time), try store.acceptTOTPStep(customerID: customerID, step: step) {
                return .passed
            }
            if RecoveryCodes.normalized(typed).count == 10,
               try store.useRecoveryCode(customerID: customerID, codeHash: RecoveryCodes.hash(typed), at: time) {
                let left = try store.unusedRecoveryCodes(customerID: customerID)
                say(PortalStrings.text("totp.recovery_used", language, String(left)))
                return .passed
            }
            if attempt < Self.tries { say(PortalStrings.text("totp.wrong", language, String(Self.tries - attempt))) }
        }
        say(PortalStrings.text("totp.denied", language))
        return .refused
    }
}
