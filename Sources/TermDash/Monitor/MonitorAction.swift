/// What a key press can do in the monitor.
enum MonitorAction: Equatable, Sendable {
    case quit, help, refresh, nextView, previousView
    case show(MonitorView)
    /// Shows the custom page of that title.
    case showPage(String)
    /// History and quality: 1 h → 24 h → 7 d.
    case cycleRange
    /// The clock's zone: the configured one, UTC, the system's, then any in `[display] zones`.
    case cycleZone
    /// Copies Version, Zone, the time in UTC and the store path for a ticket.
    case copySupport
    /// Opens a help ticket with the support block attached.
    case openTicket
    case grid(GridCommand)
    /// Portal: the cursor in the invoice list, and the selected invoice's PDF or CDR CSV into the customer's folder.
    case invoiceList(ListCommand)
    case exportInvoice(PortalExports.Kind)
    /// Portal, Account view: open a form (text entry until Enter or Esc).
    case openForm(PortalFormKind)
    /// Portal, Account view: the next language, stored with the profile.
    case switchLanguage
    case list(ListCommand)
}
