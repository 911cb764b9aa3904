import Metrics

/// The form open on the portal's Account view. While one is open every key goes to it (text entry): printable
/// characters are typed, the keys of `PortalFormKey.table` move, erase, save or cancel.
enum PortalForm: Equatable {
    case profile(ProfileForm)
    case code(CodeEntry)
    /// Shown once after 2FA was turned on: the recovery codes; any key closes it.
    case recoveryCodes([String], PortalLanguage)
}
