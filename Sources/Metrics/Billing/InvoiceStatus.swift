/// Where an invoice is in its life: a draft (no number, recomputed until issued), issued (numbered, never changes),
/// paid (in full), or void (a credit note cancelling it; it keeps its number). Partly paid is an issued invoice
/// with payments, derived from them (`Invoice.isPartlyPaid`).
public enum InvoiceStatus: String, Sendable, CaseIterable {
    case draft
    case issued
    case paid
    case void
}
