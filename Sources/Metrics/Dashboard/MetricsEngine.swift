import Foundation

/// The engine's read side: turns what the store hands over (integers by level, grouping and time range, calls in
/// progress, accounts) into the figures the views show; every ratio is computed here. Every question it asks is
/// bounded by an index range or a small live table, so the cost of a snapshot does not grow with the number of
/// stored CDRs. It never reads the clock: every figure is taken at the `now` its caller gives (UTC Unix seconds),
/// which also places the retention horizon.
public final class MetricsEngine: Sendable {
    public let store: any StoreReader
    /// What the aggregates keep: figures never read a level beyond its horizon.
    public let retention: Retention

    /// The customer the store is narrowed to, if it is (`ScopedStoreReader`).
    public var scope: CustomerScope? { (store as? ScopedStoreReader)?.scope }

    public init(store: any StoreReader, retention: Retention = .standard) {
        self.store = store
        self.retention = retention
    }

    /// Everything the dashboard shows at `now` (UTC Unix seconds), read in one consistent transaction.
    /// - Parameters:
    ///   - liveWindow: how many seconds of the live-channels series to return, ending at `now`.
    ///   - tableRows: how many rows each top/bottom table gets.
    ///
    /// Only the first dashboard's panes (counters, live channels, customer tables): `dashboard(at:request:)` reads
    /// the others.
    public func dashboard(at now: Int64, liveWindow: Int = 600, tableRows: Int = 10) throws -> DashboardSnapshot {
        try dashboard(at: now, request: .basic(liveWindow: liveWindow, tableRows: tableRows))
    }

    /// Every pane `request` asks for at `now` (UTC Unix seconds), read in one consistent transaction.
    public func dashboard(at now: Int64, request wanted: SnapshotRequest) throws -> DashboardSnapshot {
        // A scoped store is one customer's: its balance and checklist are theirs, whatever the request says.
        var request = wanted
        if let scope { request.customerID = scope.customerID }
        return try store.read { session in
            // One read of the calls in progress (counted by group and start) and of the customers serves every pane.
            let live = try session.liveSummary()
            let customers = try session.customers()
            let carriers = try session.carriers()
            let byCustomer = Self.channelsInUse(live, groupedBy: .customer)
            var snapshot = DashboardSnapshot(
                takenAt: Date(timeIntervalSince1970: TimeInterval(now)),
                counters: Counters(live: live, customers: customers, carriers: carriers,
                                   rateCards: try session.rateCardCount()),
                liveChannels: try liveChannels(endingAt: now, seconds: request.liveWindow, live: live, in: session),
                topCustomers: Self.customersByChannels(customers, inUse: byCustomer, highestFirst: true,
                                                       limit: request.tableRows),
                bottomCustomers: Self.customersByChannels(customers, inUse: byCustomer, highestFirst: false,
                                                          limit: request.tableRows),
                storePath: store.location)
            if let range = request.history {
                snapshot.history = try history(range, at: now, live: live, in: session)
                snapshot.quality = try carrierQuality(range, at: now, carriers: carriers, in: session)
                if !request.excludedCarriers.isEmpty {
                    snapshot.qualityHistory = try figuresByBucket(
                        range, at: now, excludingCarriers: request.excludedCarriers, in: session)
                }
            }
            if request.channelTables {
                snapshot.channelTables = try channelTables(rows: request.tableRows, live: live, carriers: carriers,
                                                           in: session)
            }
            if let thresholds = request.checklist {
                snapshot.checklist = try checklist(
                    at: now, thresholds: thresholds, customerID: request.customerID,
                    lastHour: request.history == .oneHour ? snapshot.quality : nil, customers: customers,
                    carriers: carriers, in: session)
            }
            if request.billing {
                snapshot.billing = try session.billingFigures(at: now)
            }
            if request.account, let id = request.customerID {
                let used = try session.extensionsInUse(customerID: id, cdrsSince: now - AccountFigures.callerWindow)
                snapshot.account = AccountFigures(
                    customer: customers.first { $0.id == id }, billing: try session.billingProfile(customerID: id),
                    blocks: try session.numberBlocks(customerID: id), inUse: AccountFigures.inUseCounts(used),
                    user: try session.portalUser(customerID: id))
            }
            if request.invoices {
                snapshot.invoices = try session.invoices(InvoiceFilter(customerID: request.customerID, limit: 500))
            }
            if request.balance {
                snapshot.balance = AccountBalance(customers, customerID: request.customerID)
            }
            return snapshot
        }
    }
}
