import Foundation
import Metrics

/// A `MonitorWriter` on a store opened for writing on first use, so a monitor with read access alone runs until a
/// key asks for a write, and then says why it cannot.
final class StoreWriter: MonitorWriter {
    private let open: () throws -> any MetricStore
    private var store: (any MetricStore)?

    init(open: @escaping () throws -> any MetricStore) {
        self.open = open
    }

    private func writable() throws -> any MetricStore {
        if let store { return store }
        let opened = try open()
        store = opened
        return opened
    }

    func openTicket(subject: String, support: String, at now: Int64) throws -> Int64 {
        try writable().openTicket(subject: subject, customerID: nil, support: support, at: now)
    }

    func createDraft(customerID: Int64, period: Period, at now: Int64) throws -> Invoice {
        try writable().createDraft(customerID: customerID, period: period, at: now)
    }

    func billingZone(customerID: Int64) throws -> TimeZone? {
        let name = try writable().read { session in try session.billingProfile(customerID: customerID)?.zone }
        guard let name else { return nil }
        guard let zone = TimeZone(identifier: name) else { throw InvoiceError.unknownZone(name) }
        return zone
    }
}
