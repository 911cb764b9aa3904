/// What the billing dashboard reads, in the engine's one consistent read.
public protocol BillingReading {
    /// The books, CDR files, tickets and invoices as `BillingFigures` describes them, at `now` (UTC Unix seconds).
    func billingFigures(at now: Int64) throws -> BillingFigures
}
