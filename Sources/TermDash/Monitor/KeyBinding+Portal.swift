/// The key table of a customer's portal: the monitor's defaults without the views that describe the network and
/// without the keys that write (tickets, draft invoices). Config `[keys]` never applies to it.
extension KeyBinding {
    /// The views a customer sees, in Tab order.
    static let portalViews: [MonitorView] = [.overview, .history, .quality, .summary, .checklist, .invoices,
                                                   .account]

    static var portal: [KeyBinding] {
        let invoices = KeyBinding(
            id: "view_\(MonitorView.invoices.rawValue)", action: .show(.invoices),
            keys: [.character(Character("\(MonitorView.invoices.rawValue)"))], name: "invoices",
            help: "Show your invoices")
        let account = KeyBinding(
            id: "view_\(MonitorView.account.rawValue)", action: .show(.account),
            keys: [.character(Character("\(MonitorView.account.rawValue)"))], name: "account",
            help: "Show your company profile, number blocks and My profile")
        return defaults.filter { binding in
            switch binding.action {
            case .show(let view): return portalViews.contains(view)
            case .openTicket: return false
            case .grid(.generateInvoices), .grid(.toggleTick): return false
            default: return true
            }
        } + [invoices, account]
    }
}
