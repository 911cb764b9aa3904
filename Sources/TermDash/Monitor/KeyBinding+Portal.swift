/// The key table of a customer's portal: the monitor's defaults without the views that describe the network and
/// without the keys that write (tickets, draft invoices). Config `[keys]` never applies to it.
extension KeyBinding {
    /// The views a customer sees, in Tab order.
    static let portalViews: [MonitorView] = [.overview, .history, .quality, .summary, .checklist]

    static var portal: [KeyBinding] {
        defaults.filter { binding in
            switch binding.action {
            case .show(let view): return portalViews.contains(view)
            case .openTicket: return false
            case .grid(.generateInvoices), .grid(.toggleTick): return false
            default: return true
            }
        }
    }
}
