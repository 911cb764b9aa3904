/// The monitor's views, in the order number keys and Tab reach them.
enum MonitorView: Int, CaseIterable, Sendable {
    case overview = 1, channels, history, quality, summary, checklist, billing
    /// A customer's own invoices: in their portal only.
    case invoices
    /// A customer's company profile, number blocks and My profile: in their portal only.
    case account
    /// A custom page (`[[pages]]`, `termdash page push`); which one is `MonitorState.page`. Never a tab of its own:
    /// each page is.
    case page = 0

    /// The operator's views, in Tab order: every one but the portal's own.
    static let operatorViews: [MonitorView] = builtIn.filter { $0 != .invoices && $0 != .account }

    /// The views with a tab and a number key (every one but `page`).
    static let builtIn: [MonitorView] = allCases.filter { $0 != .page }

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
        case .page: return "Page"
        }
    }
}
