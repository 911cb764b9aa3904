import Metrics

/// The forms the Account view opens: My profile, entering a verification code, and turning 2FA on or off.
enum PortalFormKind: Sendable, Equatable {
    case profile
    case verify(VerificationChannel)
    case twoFactor
}
