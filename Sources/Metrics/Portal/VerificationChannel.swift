/// What a verification code is sent to: the email address (through `[notify] email_command`) or the mobile
/// (`sms_command`).
public enum VerificationChannel: String, Sendable, CaseIterable {
    case email, mobile

    public var field: ProfileField { self == .email ? .email : .mobile }
}
