/// The channels tables: who holds channels now, counted from one read of the calls in progress and ranked over the
/// accounts in the store's name order, so that only the rows shown need their name.
extension MetricsEngine {
    /// Channels in use now per carrier and per DID, the `rows` busiest and idlest of each.
    public func channelTables(rows: Int) throws -> ChannelTables {
        try store.read { session in
            try channelTables(rows: rows, live: try session.liveSummary(), carriers: try session.carriers(),
                              in: session)
        }
    }

    func channelTables(rows limit: Int, live: LiveSummary, carriers: [CarrierEntry],
                       in session: any StoreReadSession) throws -> ChannelTables {
        guard limit > 0 else { return ChannelTables(topCarriers: [], bottomCarriers: [], topDIDs: [], bottomDIDs: []) }
        let byCarrier = Self.channelsInUse(live, groupedBy: .carrier)
        let byDID = Self.channelsInUse(live, groupedBy: .did)
        let carrierRows = carriers.map { RankedAccount(id: $0.id, inUse: byCarrier[$0.id]) }
        let activeCarriers = zip(carriers, carrierRows).filter { $0.0.active }.map(\.1)
        let dids = try session.didIDs().map { RankedAccount(id: $0, inUse: byDID[$0]) }
        let topCarriers = RankedAccount.ranked(carrierRows.filter { $0.inUse > 0 }, highestFirst: true, limit: limit)
        let bottomCarriers = RankedAccount.ranked(activeCarriers, highestFirst: false, limit: limit)
        let topDIDs = RankedAccount.ranked(dids.filter { $0.inUse > 0 }, highestFirst: true, limit: limit)
        let bottomDIDs = RankedAccount.ranked(dids, highestFirst: false, limit: limit)
        let carrierByID = Dictionary(carriers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let numbers = try session.didNumbers(Array(Set((topDIDs + bottomDIDs).map(\.id))).sorted())
        func carrier(_ row: RankedAccount) -> ChannelUsage {
            ChannelUsage(name: carrierByID[row.id]?.name ?? "", inUse: row.inUse,
                         configured: carrierByID[row.id]?.channelsConfigured)
        }
        func did(_ row: RankedAccount) -> ChannelUsage {
            ChannelUsage(name: numbers[row.id] ?? "", inUse: row.inUse, configured: nil)
        }
        return ChannelTables(topCarriers: topCarriers.map(carrier), bottomCarriers: bottomCarriers.map(carrier),
                             topDIDs: topDIDs.map(did), bottomDIDs: bottomDIDs.map(did))
    }

    /// The customers table: highest first, only customers holding channels; lowest first, every active customer,
    /// idle ones included. Ties by name.
    static func customersByChannels(_ customers: [CustomerEntry], inUse: SumsByID<Int>, highestFirst: Bool,
                                    limit: Int) -> [ChannelUsage] {
        let rows = customers.enumerated().compactMap { index, customer -> RankedAccount? in
            let used = inUse[customer.id]
            guard highestFirst ? used > 0 : customer.active else { return nil }
            // The row's index in the name order stands for its id: one lookup back, no dictionary.
            return RankedAccount(id: Int64(index), inUse: used)
        }
        return RankedAccount.ranked(rows, highestFirst: highestFirst, limit: limit).map { row in
            let customer = customers[Int(row.id)]
            return ChannelUsage(name: customer.name, inUse: row.inUse, configured: customer.channelsConfigured)
        }
    }

    /// Channels in use now by every customer (active ones, and others holding channels) or every carrier, busiest
    /// first, ties by name.
    public func channelUsage(byCarrier: Bool) throws -> [ChannelUsage] {
        try store.read { session in
            let live = try session.liveSummary()
            let accounts: [(name: String, configured: Int, inUse: Int)]
            if byCarrier {
                let inUse = Self.channelsInUse(live, groupedBy: .carrier)
                accounts = try session.carriers().map { ($0.name, $0.channelsConfigured, inUse[$0.id]) }
            } else {
                let inUse = Self.channelsInUse(live, groupedBy: .customer)
                accounts = try session.customers().compactMap { customer in
                    let used = inUse[customer.id]
                    return customer.active || used > 0 ? (customer.name, customer.channelsConfigured, used) : nil
                }
            }
            let rows = accounts.indices.map { RankedAccount(id: Int64($0), inUse: accounts[$0].inUse) }
            return RankedAccount.ranked(rows, highestFirst: true, limit: rows.count).map { row in
                let account = accounts[Int(row.id)]
                return ChannelUsage(name: account.name, inUse: row.inUse, configured: account.configured)
            }
        }
    }

    /// Channels in use now (calls in progress) per customer, carrier or DID; `.total` gives one count under 0.
    public func channelsInUse(groupedBy grouping: FigureGrouping) throws -> [Int64: Int] {
        try store.read { session in
            guard case .customerCarrier = grouping else {
                return Self.channelsInUse(try session.liveSummary(), groupedBy: grouping).dictionary
            }
            // One customer's calls per carrier are not counted live: from the calls themselves.
            var result: [Int64: Int] = [:]
            for call in try session.callsInProgress() {
                if let group = grouping.group(of: call) { result[group, default: 0] += 1 }
            }
            return result
        }
    }

    /// The calls of `live` per group (0: unknown); only groups holding a channel are present.
    static func channelsInUse(_ live: LiveSummary, groupedBy grouping: FigureGrouping) -> SumsByID<Int> {
        var result = SumsByID<Int>()
        let counts: [Int64: Int]
        switch grouping {
        case .total: counts = [0: live.count]
        case .customer: counts = live.byCustomer
        case .carrier: counts = live.byCarrier
        case .did: counts = live.byDID
        // A customer's calls per carrier are not counted live (`channelsInUse(groupedBy:)` counts the calls).
        case .customerCarrier: counts = [:]
        }
        for (group, calls) in counts where calls != 0 { result[group] += calls }
        return result
    }
}
