/// The monitor's views, in the order number keys and Tab reach them.
enum MonitorView: Int, CaseIterable, Sendable {
    case overview = 1, channels, history, quality, summary, checklist, billing

    var title: String {
        switch self {
        case .overview: return "Overview"
        case .channels: return "Channels"
        case .history: return "History"
        case .quality: return "Quality"
        case .summary: return "Summary"
        case .checklist: return "Checklist"
        case .billing: return "Billing"
        }
    }
}
