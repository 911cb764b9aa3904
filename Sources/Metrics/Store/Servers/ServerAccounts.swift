import Metrics
import PostgresNIO

/// The SQL of accounts and rate cards on PostgreSQL, on the store's one connection (inside the caller's transaction
/// when there is one): what the ledger, a feed's write session and an import share.
///
/// Ids: every writer gives an account the largest id of its kind plus one, as SQLite does, counting the ids
/// importers have reserved (`account_ids`, `reserve`) as taken, so no two names ever share an id.
enum ServerAccounts {
    /// Customers, carriers and DIDs by the names files use for them, and the largest id of each (reserved ones
    /// included). A feed locks the tables and holds `ServerLock.accounts` until its transaction ends
    /// (`lockingTables`): the ids it hands out stay free until `create` takes them, as SQLite's write lock
    /// guarantees; a name an import reserved and has no row yet is created by the feed with the reserved id. An
    /// import reads without locking: its names first seen are reserved as it goes (`reserve`), which is where ids
    /// are decided.
    static func directory(_ postgres: PostgresLink, lockingTables: Bool) throws -> AccountDirectory {
        if lockingTables {
            // The tables against other feeds and the ledger's writers; `ServerLock.accounts` against importers'
            // reservations, which take no table lock (they never wait for an import's uncommitted rows).
            try ServerLock.accounts.take(on: postgres)
            try postgres.execute("LOCK TABLE customers, carriers, dids IN SHARE ROW EXCLUSIVE MODE")
        }
        // Names an import reserved with no row yet (it is still running, or it failed): a feed naming one creates
        // its row with the reserved id (that import, or the next to name it, then finds the row).
        func reserved(_ kind: ServerAccountKind) throws -> [String: Int64] {
            guard lockingTables else { return [:] }
            var ids: [String: Int64] = [:]
            for row in try postgres.execute("""
                SELECT name, id FROM account_ids a WHERE kind = '\(kind.rawValue)'
                    AND NOT EXISTS (SELECT 1 FROM \(kind.table) t WHERE t.\(kind.nameColumn) = a.name)
                """) {
                ids[try row.text(0)] = try row.int(1)
            }
            return ids
        }
        var customers: [String: AccountDirectory.Account] = [:]
        var carriers: [String: AccountDirectory.Account] = [:]
        var dids: [String: Int64] = [:]
        for row in try postgres.execute("SELECT account_code, id, rate_card_id FROM customers") {
            customers[try row.text(0)] = AccountDirectory.Account(id: try row.int(1), rateCardID: try row.optionalInt(2))
        }
        for row in try postgres.execute("SELECT name, id, rate_card_id FROM carriers") {
            carriers[try row.text(0)] = AccountDirectory.Account(id: try row.int(1), rateCardID: try row.optionalInt(2))
        }
        for row in try postgres.execute("SELECT number, id FROM dids") {
            dids[try row.text(0)] = try row.int(1)
        }
        let kinds: [ServerAccountKind] = [.customer, .carrier, .did]
        let last = try postgres.execute("SELECT " + kinds.map(\.largestID).joined(separator: ", "))[0]
        return AccountDirectory(
            customers: customers, carriers: carriers, dids: dids, lastCustomerID: try last.int(0),
            lastCarrierID: try last.int(1), lastDIDID: try last.int(2),
            reserved: (try reserved(.customer), try reserved(.carrier), try reserved(.did)))
    }

    /// The ids of accounts an import names first, in order, in a short transaction of their own on `link` (not the
    /// import's connection), committed before this returns: a name with an account or a reservation keeps its id,
    /// any other gets the largest id plus one. `ServerLock.accounts` orders it with `addCustomer` and the others
    /// and with a feed's directory; an importer waits only for another's reservation (or a feed's write), never for
    /// another import, so imports run at once.
    static func reserve(_ names: [(kind: ServerAccountKind, name: String)], on link: PostgresLink) throws -> [Int64] {
        guard !names.isEmpty else { return [] }
        try link.execute("BEGIN")
        do {
            try ServerLock.accounts.take(on: link)
            var ids: [Int64] = []
            for (kind, name) in names {
                // `DO UPDATE` (a no-op) rather than `DO NOTHING`, so that a name reserved before returns its id.
                ids.append(try link.execute("""
                    INSERT INTO account_ids (kind, name, id)
                    VALUES ($1, $2, coalesce((SELECT id FROM \(kind.table) WHERE \(kind.nameColumn) = $2), \(kind.largestID) + 1))
                    ON CONFLICT (kind, name) DO UPDATE SET name = excluded.name RETURNING id
                    """, [PostgresData(string: kind.rawValue), PostgresData(string: name)])[0].int(0))
            }
            try link.execute("COMMIT")
            return ids
        } catch {
            _ = try? link.execute("ROLLBACK")
            throw error
        }
    }

    /// The id an account created by hand gets (`addCustomer` and the others, holding `ServerLock.accounts`): the
    /// one reserved for its name by an import, else the largest plus one.
    static func newID(_ kind: ServerAccountKind, nameParameter: String) -> String {
        "coalesce((SELECT id FROM account_ids WHERE kind = '\(kind.rawValue)' AND name = \(nameParameter)), "
            + "\(kind.largestID) + 1)"
    }

    /// Inserts the accounts a directory decided, with its ids (customers unverified, as on SQLite), then moves each
    /// id sequence past them so that `addCustomer` and the others never hand out one of these ids again.
    static func create(_ creations: [AccountDirectory.Creation], at now: Int64, _ postgres: PostgresLink) throws {
        guard !creations.isEmpty else { return }
        var tables: Set<String> = []
        for creation in creations {
            switch creation {
            case .customer(let id, let accountCode):
                try postgres.execute("""
                    INSERT INTO customers (id, account_code, name, active, channels_configured, balance_micros,
                        debit_limit_micros, created_at, profile_verified)
                    VALUES ($1, $2, $2, true, 0, 0, 0, $3, false)
                    """, [PostgresData(int64: id), PostgresData(string: accountCode), PostgresData(int64: now)])
                tables.insert("customers")
            case .carrier(let id, let name):
                try postgres.execute("INSERT INTO carriers (id, name, channels_configured) VALUES ($1, $2, 0)",
                                     [PostgresData(int64: id), PostgresData(string: name)])
                tables.insert("carriers")
            case .did(let id, let number, let customer):
                try postgres.execute("INSERT INTO dids (id, number, customer_id) VALUES ($1, $2, $3)",
                                     [PostgresData(int64: id), PostgresData(string: number), ServerWriteSession.data(customer)])
                tables.insert("dids")
            }
        }
        for table in tables.sorted() {
            try postgres.execute(
                "SELECT setval(pg_get_serial_sequence('\(table)', 'id'), (SELECT max(id) FROM \(table)))")
        }
    }

    /// Inserts the rows of accounts an import reserved (`reserve`), in its own transaction, remembering the file
    /// that named them first; one another writer created meanwhile is left as it is (same name, same id). In the
    /// order of their ids, so two imports creating the same accounts wait for each other rather than deadlock.
    static func createRows(_ creations: [AccountDirectory.Creation], firstSeenIn file: Int64, at now: Int64,
                           _ postgres: PostgresLink) throws {
        for creation in creations.sorted(by: { order($0) < order($1) }) {
            switch creation {
            case .customer(let id, let accountCode):
                try postgres.execute("""
                    INSERT INTO customers (id, account_code, name, active, channels_configured, balance_micros,
                        debit_limit_micros, created_at, profile_verified, first_seen_file_id)
                    VALUES ($1, $2, $2, true, 0, 0, 0, $3, false, $4) ON CONFLICT DO NOTHING
                    """, [PostgresData(int64: id), PostgresData(string: accountCode), PostgresData(int64: now),
                          PostgresData(int64: file)])
            case .carrier(let id, let name):
                try postgres.execute("""
                    INSERT INTO carriers (id, name, channels_configured, first_seen_file_id) VALUES ($1, $2, 0, $3)
                    ON CONFLICT DO NOTHING
                    """, [PostgresData(int64: id), PostgresData(string: name), PostgresData(int64: file)])
            case .did(let id, let number, let customer):
                try postgres.execute("INSERT INTO dids (id, number, customer_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                                     [PostgresData(int64: id), PostgresData(string: number), ServerWriteSession.data(customer)])
            }
        }
    }

    /// Kinds, then ids: the order in which `createRows` inserts.
    private static func order(_ creation: AccountDirectory.Creation) -> (Int, Int64) {
        switch creation {
        case .customer(let id, _): (0, id)
        case .carrier(let id, _): (1, id)
        case .did(let id, _, _): (2, id)
        }
    }
}
