import Foundation
import Metrics

/// What the monitor writes, and only on an explicit key: a help ticket, draft invoices for ticked customers.
/// The monitor itself reads through a read-only store; these go through a store opened for writing.
protocol MonitorWriter: AnyObject {
    /// Opens a ticket with the support block attached; returns its number.
    func openTicket(subject: String, support: String, at now: Int64) throws -> Int64

    /// A draft invoice for the customer over `period` (`InvoiceLedger.createDraft`); throws `InvoiceError` when the
    /// store refuses it.
    func createDraft(customerID: Int64, period: Period, at now: Int64) throws -> Invoice

    /// The zone the customer's billing periods start in (their billing profile); nil for UTC.
    func billingZone(customerID: Int64) throws -> TimeZone?
}
