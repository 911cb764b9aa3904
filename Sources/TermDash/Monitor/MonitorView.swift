/// The monitor's views, in the order number keys and Tab reach them.
enum MonitorView: Int, CaseIterable, Sendable {
    case overview = 1, channels, history, quality, summary, checklist, billing
    /// A customer's own invoices: in their portal only.
    case invoices
    /// A customer's company profile, number blocks and My profile: in their portal only.
    case account

    /// The operator's views, in Tab order: every one but the portal's own.
    static let operatorViews: [MonitorView] = allCases.filter { $0 != .invoices && $0 != .account }

    var title: String {
        switch self {
        case .overview: return "Overview"
        case .channels: return "Channels"
        case .history: return "History"
        case .quality: return "Quality"
        case .summary: return "Summary"
        case .checklist: return "Checklist"
        case .billing: return "Billing"
        case .invoices: return "Invoices"
        case .account: return "Account"
        }
    }
}
