/// The portal's accounts: My profile with its audit trail, verification codes, and two-factor authentication.
/// Codes are handed in as SHA-256 hex (`RecoveryCodes.sha256Hex`) and never stored in clear. Each requirement is a
/// transaction of its own.
public protocol PortalLedger: AnyObject, Sendable {
    /// The customer's portal user (the empty profile when none is stored). Throws `PortalError.unknownCustomer`.
    func portalUser(customerID: Int64) throws -> PortalUser

    /// Sets the fields given, each checked by `ProfileField.problem` (throws `PortalError.invalid`, nothing saved),
    /// and records one `ProfileChange` per field whose value changed. Returns those changes.
    @discardableResult
    func updateProfile(customerID: Int64, _ values: [ProfileField: String], by who: String, at now: Int64) throws
        -> [ProfileChange]

    /// The customer's profile changes, oldest first.
    func profileChanges(customerID: Int64) throws -> [ProfileChange]

    /// Keeps the code just sent to `address` (replacing an earlier one for the channel).
    func storeVerificationCode(customerID: Int64, channel: VerificationChannel, address: String, codeHash: String,
                               at now: Int64) throws

    /// True when `codeHash` is the code sent for the channel within `maximumAge` seconds to the address the profile
    /// still has: the address is then verified and the code spent.
    func verify(customerID: Int64, channel: VerificationChannel, codeHash: String, at now: Int64, maximumAge: Int64) throws
        -> Bool

    /// Turns 2FA on with `secret` and the recovery codes' hashes (replacing any earlier secret and codes).
    func enableTOTP(customerID: Int64, secret: [UInt8], recoveryCodeHashes: [String], at now: Int64) throws

    func disableTOTP(customerID: Int64) throws

    /// The secret while 2FA is on.
    func totpSecret(customerID: Int64) throws -> [UInt8]?

    /// Accepts a TOTP time step once: true and stored when it is later than the last one accepted.
    func acceptTOTPStep(customerID: Int64, step: Int64) throws -> Bool

    /// Spends an unused recovery code: true once per code.
    func useRecoveryCode(customerID: Int64, codeHash: String, at now: Int64) throws -> Bool

    /// How many recovery codes are left.
    func unusedRecoveryCodes(customerID: Int64) throws -> Int
}
