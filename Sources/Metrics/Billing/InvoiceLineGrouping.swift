/// How an invoice's usage is split into lines: one per destination (the rate card's prefix and description) or
/// one per local day of the customer's billing zone.
public enum InvoiceLineGrouping: String, Sendable, CaseIterable {
    case destination
    case day
}
