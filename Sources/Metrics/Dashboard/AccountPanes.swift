import GRDB

/// The channels tables for carriers and DIDs (the customers' are `topCustomers`/`bottomCustomers`).
public struct ChannelTables: Sendable, Equatable {
    /// Carriers holding channels now, most first (ties by name).
    public var topCarriers: [ChannelUsage]
    /// Active carriers, fewest channels in use first, idle ones included.
    public var bottomCarriers: [ChannelUsage]
    /// DIDs (by number) with calls in progress, most first. A DID has no configured limit.
    public var topDIDs: [ChannelUsage]
    /// Every DID, fewest channels in use first.
    public var bottomDIDs: [ChannelUsage]

    public init(topCarriers: [ChannelUsage], bottomCarriers: [ChannelUsage], topDIDs: [ChannelUsage],
                bottomDIDs: [ChannelUsage]) {
        self.topCarriers = topCarriers
        self.bottomCarriers = bottomCarriers
        self.topDIDs = topDIDs
        self.bottomDIDs = bottomDIDs
    }
}

/// Balance and debit limit of the active customers together, or of one customer.
///
/// Sign convention (docs/schema.md): `balance_micros` is what the customer has in credit (negative: owes);
/// `debit_limit_micros` says how far below zero the balance may go, whatever its sign (the simulator writes
/// -100.00 for "may owe 100.00"). The balance is past the limit when `balance < -|debit_limit|`.
public struct AccountBalance: Sendable, Equatable {
    /// Accounts added up: 1 for one customer.
    public var accounts: Int
    public var balance: Money
    /// The lowest balance allowed: −Σ|debit limit| (zero or negative).
    public var floor: Money
    /// The accounts' currency; nil when they use more than one (the sums then mix currencies).
    public var currency: String?
    /// Accounts whose own balance is below their own floor.
    public var accountsPastLimit: Int

    public init(accounts: Int, balance: Money, floor: Money, currency: String?, accountsPastLimit: Int) {
        self.accounts = accounts
        self.balance = balance
        self.floor = floor
        self.currency = currency
        self.accountsPastLimit = accountsPastLimit
    }

    /// Whether the balance shown is below the floor shown.
    public var isPastLimit: Bool { balance < floor }
    /// What can still be spent before the limit (negative once past it).
    public var available: Money { balance - floor }
}

extension MetricsEngine {
    /// Channels in use now per carrier and per DID, the `rows` busiest and idlest of each.
    public func channelTables(rows: Int) throws -> ChannelTables {
        try store.read { db in try channelTables(rows: rows, in: db) }
    }

    /// One pass over the calls in progress, then the carriers and DIDs in name order: no GROUP BY on an unindexed
    /// column, no string comparison, a linear ranking.
    func channelTables(rows limit: Int, live: LiveCalls? = nil, in db: Database) throws -> ChannelTables {
        guard limit > 0 else { return ChannelTables(topCarriers: [], bottomCarriers: [], topDIDs: [], bottomDIDs: []) }
        var byCarrier = SumsByID<Int>()
        var byDID = SumsByID<Int>()
        // NULL reads as 0, which no row id takes.
        if let live {
            for carrier in live.carriers { byCarrier[carrier] += 1 }
            for did in live.dids { byDID[did] += 1 }
        } else {
            try FastRows.forEach(db, sql: "SELECT carrier_id, did_id FROM calls_in_progress", arguments: []) { row in
                byCarrier[row.int(0)] += 1
                byDID[row.int(1)] += 1
            }
        }
        // Ids come in name order from the names' unique index; ranking by count keeps that order among equal
        // counts, so ties go by name without comparing a string, and only the rows shown get their name read.
        var carriers: [Ranked] = []
        var activeCarriers: [Ranked] = []
        try FastRows.forEach(db, sql: "SELECT id, status = 'active' FROM carriers ORDER BY name", arguments: []) { row in
            let entry = Ranked(id: row.int(0), inUse: byCarrier[row.int(0)])
            carriers.append(entry)
            if row.int(1) != 0 { activeCarriers.append(entry) }
        }
        var dids: [Ranked] = []
        try FastRows.forEach(db, sql: "SELECT id FROM dids ORDER BY number", arguments: []) { row in
            dids.append(Ranked(id: row.int(0), inUse: byDID[row.int(0)]))
        }
        let topCarriers = Self.ranked(carriers.filter { $0.inUse > 0 }, highestFirst: true, limit: limit)
        let bottomCarriers = Self.ranked(activeCarriers, highestFirst: false, limit: limit)
        let topDIDs = Self.ranked(dids.filter { $0.inUse > 0 }, highestFirst: true, limit: limit)
        let bottomDIDs = Self.ranked(dids, highestFirst: false, limit: limit)
        var carrierRows: [Int64: (name: String, configured: Int)] = [:]
        try FastRows.forEach(db, sql: """
            SELECT id, name, channels_configured FROM carriers WHERE id IN (\(Self.list(topCarriers + bottomCarriers)))
            """, arguments: [], cached: false) { row in carrierRows[row.int(0)] = (row.text(1), Int(row.int(2))) }
        var numbers: [Int64: String] = [:]
        try FastRows.forEach(db, sql: "SELECT id, number FROM dids WHERE id IN (\(Self.list(topDIDs + bottomDIDs)))",
                             arguments: [], cached: false) { row in numbers[row.int(0)] = row.text(1) }
        func carrier(_ entry: Ranked) -> ChannelUsage {
            ChannelUsage(name: carrierRows[entry.id]?.name ?? "", inUse: entry.inUse, configured: carrierRows[entry.id]?.configured)
        }
        func did(_ entry: Ranked) -> ChannelUsage {
            ChannelUsage(name: numbers[entry.id] ?? "", inUse: entry.inUse, configured: nil)
        }
        return ChannelTables(topCarriers: topCarriers.map(carrier), bottomCarriers: bottomCarriers.map(carrier),
                             topDIDs: topDIDs.map(did), bottomDIDs: bottomDIDs.map(did))
    }

    /// A row of a channels table before its name is read.
    struct Ranked {
        var id: Int64
        var inUse: Int
    }

    /// The first `limit` rows by channels in use (most or fewest first), rows of equal use in their given order:
    /// a stable counting sort, linear in the rows.
    static func ranked(_ rows: [Ranked], highestFirst: Bool, limit: Int) -> [Ranked] {
        guard let most = rows.map(\.inUse).max() else { return [] }
        var byUse = [[Ranked]](repeating: [], count: most + 1)
        for row in rows { byUse[max(0, row.inUse)].append(row) }
        var result: [Ranked] = []
        for use in highestFirst ? Array((0...most).reversed()) : Array(0...most) {
            result += byUse[use].prefix(limit - result.count)
            if result.count == limit { break }
        }
        return result
    }

    /// Row ids for an `IN (…)` list (integers, so safe to write into the SQL); "NULL" for none.
    static func list(_ rows: [Ranked]) -> String {
        rows.isEmpty ? "NULL" : rows.map { String($0.id) }.joined(separator: ",")
    }

    /// The balance of every active customer together, or of `customerID` alone (whatever its status).
    public func accountBalance(customerID: Int64? = nil) throws -> AccountBalance {
        try store.read { db in try accountBalance(customerID: customerID, in: db) }
    }

    func accountBalance(customerID: Int64?, in db: Database) throws -> AccountBalance {
        let filter = customerID == nil ? "status = 'active'" : "id = ?"
        let row = try Row.fetchOne(db, sql: """
            SELECT COUNT(*), COALESCE(SUM(balance_micros), 0), COALESCE(SUM(ABS(debit_limit_micros)), 0),
                COUNT(DISTINCT currency), MIN(currency), COALESCE(SUM(balance_micros < -ABS(debit_limit_micros)), 0)
            FROM customers WHERE \(filter)
            """, arguments: customerID.map { [$0] } ?? [])!
        let currencies: Int = row[3]
        return AccountBalance(
            accounts: row[0], balance: Money(micros: row[1]), floor: Money(micros: -(row[2] as Int64)),
            currency: currencies == 1 ? row[4] : nil, accountsPastLimit: row[5])
    }
}
