/// The languages the portal's own strings come in (`PortalStrings`).
public enum PortalLanguage: String, Sendable, CaseIterable, Equatable {
    case english = "en"
    case polish = "pl"
}
