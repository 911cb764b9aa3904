/// The key table of a customer's portal: the monitor's defaults without the views that describe the network and
/// without the operator's writing keys (tickets, drafts for ticked customers), plus the portal's own: the invoice
/// list's cursor and exports, and the Account view's forms. Config `[keys]` never applies to it.
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
        } + [invoices, account] + portalOwn
    }

    /// The portal session's table: with `[portal] customer_drafts`, Space ticks the customer's own row of the
    /// summary and `i` drafts an invoice for it over the selected period (`ScopedMonitorWriter` keeps it theirs).
    static func portalSession(customerDrafts: Bool) -> [KeyBinding] {
        guard customerDrafts else { return portal }
        let drafts = defaults.filter { binding in
            switch binding.action {
            case .grid(.generateInvoices), .grid(.toggleTick): return true
            default: return false
            }
        }
        return portal + drafts.map { binding in
            var binding = binding
            if binding.action == .grid(.generateInvoices) {
                binding.help = "Draft an invoice for your account over the selected period"
            }
            return binding
        }
    }

    /// The invoice list's cursor and exports, the Account view's forms.
    private static var portalOwn: [KeyBinding] {
        [
            KeyBinding(id: "invoices.up", action: .invoiceList(.up), keys: [.up, .character("k")], view: .invoices,
                       name: "up", help: "Previous invoice"),
            KeyBinding(id: "invoices.down", action: .invoiceList(.down), keys: [.down, .character("j")],
                       view: .invoices, name: "down", help: "Next invoice"),
            KeyBinding(id: "invoices.pdf", action: .exportInvoice(.pdf), keys: [.character("p")], view: .invoices,
                       name: "PDF", help: "Write the selected invoice as PDF into your export folder", footer: true),
            KeyBinding(id: "invoices.csv", action: .exportInvoice(.csv), keys: [.character("e")], view: .invoices,
                       name: "CSV", help: "Write the selected invoice's calls as CSV into your export folder",
                       footer: true),
            KeyBinding(id: "account.edit", action: .openForm(.profile), keys: [.character("e")], view: .account,
                       name: "edit", help: "Edit My profile (name, email, department, phone, mobile, language)",
                       footer: true),
            KeyBinding(id: "account.verify_email", action: .openForm(.verify(.email)), keys: [.character("v")],
                       view: .account, name: "verify email", help: "Send a code to your email address and enter it",
                       footer: true),
            KeyBinding(id: "account.verify_mobile", action: .openForm(.verify(.mobile)), keys: [.character("m")],
                       view: .account, name: "verify mobile", help: "Send a code to your mobile and enter it",
                       footer: true),
            KeyBinding(id: "account.two_factor", action: .openForm(.twoFactor), keys: [.character("f")],
                       view: .account, name: "2FA", help: "Turn two-factor authentication on (QR code) or off",
                       footer: true),
            KeyBinding(id: "account.language", action: .switchLanguage, keys: [.character("L")], view: .account,
                       name: "language", help: "Switch the portal's language (English, Polish)", footer: true),
        ]
    }
}
