/// The fields of My profile a portal user may change — only these — and the language the portal speaks to them.
public enum ProfileField: String, Sendable, CaseIterable, Equatable {
    case name, email, department, phone, mobile, language

    /// What a value must look like; nil when it is acceptable. Empty clears a field (language excepted).
    public func problem(with value: String) -> String? {
        if value.count > 200 { return "at most 200 characters" }
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "no control characters"
        }
        switch self {
        case .name, .department: return nil
        case .email: return value.isEmpty || Self.isEmail(value) ? nil : "not an email address (name@domain.tld)"
        case .phone, .mobile: return value.isEmpty || Self.isE164(value) ? nil : "not an E.164 number (+ and 8 to 15 digits)"
        case .language: return PortalLanguage(rawValue: value) == nil ? "en or pl" : nil
        }
    }

    /// One @, something before it, a dotted domain after it, no spaces: the shape, not deliverability (the
    /// verification code proves that).
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
            && labels.last!.count >= 2 && labels.last!.allSatisfy(\.isLetter)
    }

    /// ITU-T E.164 as written internationally: "+", a country code not starting with 0, at most 15 digits in all
    /// (8 at least: no country's full numbers are shorter).
    static func isE164(_ text: String) -> Bool {
        guard text.first == "+" else { return false }
        let digits = text.dropFirst()
        return (8...15).contains(digits.count) && digits.first != "0" && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
