import Foundation
import Metrics

/// The portal's writer: drafts for its own customer only, whatever customer id a caller hands in, and no tickets.
/// The summary a scoped session reads holds only that customer's row, so this is the second wall, not the first.
final class ScopedMonitorWriter: MonitorWriter {
    let customerID: Int64
    private let base: any MonitorWriter

    init(customerID: Int64, base: any MonitorWriter) {
        self.customerID = customerID
        self.base = base
    }

    struct Refused: Error, CustomStringConvertible {
        var description: String
    }

    func openTicket(subject: String, support: String, at now: Int64) throws -> Int64 {
        throw Refused(description: "tickets are not opened from the portal")
    }

    func createDraft(customerID: Int64, period: Period, at now: Int64) throws -> Invoice {
        guard customerID == self.customerID else { throw Refused(description: "not your account") }
        return try base.createDraft(customerID: customerID, period: period, at: now)
    }

    func billingZone(customerID: Int64) throws -> TimeZone? {
        guard customerID == self.customerID else { throw Refused(description: "not your account") }
        return try base.billingZone(customerID: customerID)
    }
}
