/// One outstanding item of the checklist.
public struct ChecklistItem: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case noCarriers, feedDown, cdrFileError, importInterrupted, balancePastLimit, lowASR, customerWithoutRateCard, carrierWithoutRateCard,
            profileNotVerified, extensionOutsideBlock, contactNotVerified
    }

    public enum Severity: Int, Sendable, Comparable, CaseIterable {
        case warning = 1, alert = 2

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var kind: Kind
    public var severity: Severity
    /// A few words: "CDR file in error".
    public var title: String
    /// What and which, naming the thing as stored (views sanitise it): "Master.csv: line 3: broken quote".
    public var reason: String
    /// The customer, carrier or CDR file the item is about; nil for a network-wide or summing item.
    public var subjectID: Int64?

    public init(kind: Kind, severity: Severity, title: String, reason: String, subjectID: Int64?) {
        self.kind = kind
        self.severity = severity
        self.title = title
        self.reason = reason
        self.subjectID = subjectID
    }
}

extension ChecklistItem.Kind {
    public var severity: ChecklistItem.Severity {
        switch self {
        case .noCarriers, .feedDown, .cdrFileError, .importInterrupted, .balancePastLimit, .lowASR: return .alert
        case .customerWithoutRateCard, .carrierWithoutRateCard, .profileNotVerified, .extensionOutsideBlock,
             .contactNotVerified: return .warning
        }
    }

    public var title: String {
        switch self {
        case .noCarriers: return "No carriers configured"
        case .feedDown: return "Switch feed down"
        case .cdrFileError: return "CDR file in error"
        case .importInterrupted: return "Import interrupted"
        case .balancePastLimit: return "Balance past debit limit"
        case .lowASR: return "ASR under threshold"
        case .customerWithoutRateCard: return "Customer without rate card"
        case .carrierWithoutRateCard: return "Carrier without rate card"
        case .profileNotVerified: return "Profile not verified"
        case .extensionOutsideBlock: return "Extension outside its block"
        case .contactNotVerified: return "Email or mobile not verified"
        }
    }

    /// What the summing item says of the rest: "12 more files in error".
    var more: String {
        switch self {
        case .noCarriers: return "more"
        case .feedDown: return "more feeds down"
        case .cdrFileError: return "more files in error"
        case .importInterrupted: return "more imports interrupted"
        case .balancePastLimit: return "more customers past their limit"
        case .lowASR: return "more carriers under the ASR threshold"
        case .customerWithoutRateCard: return "more customers without a rate card"
        case .carrierWithoutRateCard: return "more carriers without a rate card"
        case .profileNotVerified: return "more unverified profiles"
        case .extensionOutsideBlock: return "more extensions outside their blocks"
        case .contactNotVerified: return "more addresses to verify"
        }
    }
}
