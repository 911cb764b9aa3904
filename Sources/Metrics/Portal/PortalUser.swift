/// A customer's portal user: My profile, the language, what is verified, and whether 2FA is on. One per customer;
/// a customer without a stored one has the empty profile in English.
public struct PortalUser: Sendable, Equatable {
    public var customerID: Int64
    public var values: [ProfileField: String]
    /// The address that was verified, if any; a changed address is no longer verified.
    public var emailVerified: String?
    public var mobileVerified: String?
    public var totpEnabled: Bool

    public init(customerID: Int64, values: [ProfileField: String] = [:], emailVerified: String? = nil,
                mobileVerified: String? = nil, totpEnabled: Bool = false) {
        self.customerID = customerID
        self.values = values
        self.emailVerified = emailVerified
        self.mobileVerified = mobileVerified
        self.totpEnabled = totpEnabled
    }

    public subscript(field: ProfileField) -> String { values[field] ?? (field == .language ? "en" : "") }

    public var language: PortalLanguage { PortalLanguage(rawValue: self[.language]) ?? .english }
    public var isEmailVerified: Bool { !self[.email].isEmpty && emailVerified == self[.email] }
    public var isMobileVerified: Bool { !self[.mobile].isEmpty && mobileVerified == self[.mobile] }
}
