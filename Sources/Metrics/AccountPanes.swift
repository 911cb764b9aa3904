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

    /// One pass over the calls in progress, then the carriers and DIDs (names only): no GROUP BY on an unindexed
    /// column, four sorts in memory.
    func channelTables(rows limit: Int, in db: Database) throws -> ChannelTables {
        guard limit > 0 else { return ChannelTables(topCarriers: [], bottomCarriers: [], topDIDs: [], bottomDIDs: []) }
        var byCarrier: [Int64: Int] = [:]
        var byDID: [Int64: Int] = [:]
        try FastRows.forEach(db, sql: "SELECT carrier_id, did_id FROM calls_in_progress", arguments: []) { row in
            // NULL reads as 0, which no row id takes.
            let carrier = row.int(0), did = row.int(1)
            if carrier != 0 { byCarrier[carrier, default: 0] += 1 }
            if did != 0 { byDID[did, default: 0] += 1 }
        }
        var carriers: [(usage: ChannelUsage, active: Bool)] = []
        for row in try Row.fetchAll(db, sql: "SELECT id, name, channels_configured, status FROM carriers") {
            let usage = ChannelUsage(name: row[1], inUse: byCarrier[row[0]] ?? 0, configured: row[2])
            carriers.append((usage, (row[3] as String) == "active"))
        }
        var dids: [ChannelUsage] = []
        try Row.fetchCursor(db, sql: "SELECT id, number FROM dids").forEach { row in
            dids.append(ChannelUsage(name: row[1], inUse: byDID[row[0]] ?? 0, configured: nil))
        }
        func top(_ rows: [ChannelUsage]) -> [ChannelUsage] {
            Array(rows.filter { $0.inUse > 0 }.sorted { ($1.inUse, $0.name) < ($0.inUse, $1.name) }.prefix(limit))
        }
        func bottom(_ rows: [ChannelUsage]) -> [ChannelUsage] {
            Array(rows.sorted { ($0.inUse, $0.name) < ($1.inUse, $1.name) }.prefix(limit))
        }
        return ChannelTables(
            topCarriers: top(carriers.map(\.usage)), bottomCarriers: bottom(carriers.filter(\.active).map(\.usage)),
            topDIDs: top(dids), bottomDIDs: bottom(dids))
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
