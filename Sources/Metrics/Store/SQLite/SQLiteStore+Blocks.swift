import GRDB

/// Number blocks (`number_blocks`). The overlap check here names the block in the way; the trigger refuses an
/// overlap from any writer that skips it.
extension SQLiteStore: BlockLedger {
    @discardableResult
    public func addBlock(customerID: Int64, start: Int64, size: Int64, at now: Int64) throws -> NumberBlock {
        try write { (db: Database) in try Self.insertBlock(customerID: customerID, start: start, size: size, at: now, in: db) }
    }

    @discardableResult
    public func allocateBlock(customerID: Int64, systemStart: Int64, size: Int64, at now: Int64) throws -> NumberBlock {
        try write { (db: Database) in
            guard let start = NumberBlock.nextAutomaticStart(systemStart: systemStart, size: size,
                                                             existing: try Self.blocks(customerID: nil, in: db))
            else { throw BlockError.noRoom(systemStart: systemStart, size: size) }
            return try Self.insertBlock(customerID: customerID, start: start, size: size, at: now, in: db)
        }
    }

    public func blocks(customerID: Int64?) throws -> [NumberBlock] {
        try read { (db: Database) in try Self.blocks(customerID: customerID, in: db) }
    }

    @discardableResult
    public func removeBlock(_ id: Int64) throws -> NumberBlock {
        try write { (db: Database) in
            guard let block = try Self.blocks(where: "b.id = ?", [id], in: db).first else { throw BlockError.unknown(id) }
            try db.execute(sql: "DELETE FROM number_blocks WHERE id = ?", arguments: [id])
            return block
        }
    }

    public func extensionsInUse(customerID: Int64?, cdrsSince since: Int64) throws -> [ExtensionInUse] {
        try read { (db: Database) in try Self.extensionsInUse(customerID: customerID, cdrsSince: since, in: db) }
    }

    static func extensionsInUse(customerID: Int64?, cdrsSince since: Int64, in db: Database) throws -> [ExtensionInUse] {
        let blocks = try Self.blocks(customerID: customerID, in: db)
        let byCustomer = Dictionary(grouping: blocks, by: \.customerID)
        guard !byCustomer.isEmpty else { return [] }
        let customers = byCustomer.keys.sorted()
        let marks = customers.map { _ in "?" }.joined(separator: ", ")
        var seen = Set<ExtensionInUse>()
        func note(_ customer: Int64, _ text: String?, _ origin: ExtensionInUse.Origin, _ number: (String) -> Int64?) {
            guard let text, let number = number(text), let owned = byCustomer[customer] else { return }
            seen.insert(ExtensionInUse(customerID: customer, customerCode: owned[0].customerCode, number: number,
                                       origin: origin, blockID: owned.first { $0.contains(number) }?.id))
        }
        let registrations = try Row.fetchAll(db, sql: """
            SELECT customer_id, endpoint FROM registrations WHERE customer_id IN (\(marks))
            """, arguments: StatementArguments(customers))
        for row in registrations { note(row[0], row[1], .registration, Extension.fromEndpoint) }
        // Short digit strings only: the SQL narrows, `Extension` decides.
        let callers = try Row.fetchAll(db, sql: """
            SELECT DISTINCT customer_id, src FROM cdrs
            WHERE start_at >= ? AND customer_id IN (\(marks)) AND length(src) BETWEEN 2 AND 6
            """, arguments: StatementArguments([since] + customers))
        for row in callers { note(row[0], row[1], .cdr, Extension.fromCaller) }
        return seen.sorted {
            ($0.customerCode, $0.number, $0.origin.rawValue) < ($1.customerCode, $1.number, $1.origin.rawValue)
        }
    }

    private static func insertBlock(customerID: Int64, start: Int64, size: Int64, at now: Int64,
                                    in db: Database) throws -> NumberBlock {
        guard start >= 0, size >= 1, start <= NumberBlock.maximumNumber - size + 1 else {
            throw BlockError.outOfRange(start: start, size: size)
        }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM customers WHERE id = ?", arguments: [customerID]) != nil else {
            throw BlockError.unknownCustomer(customerID)
        }
        if let other = try blocks(where: "b.start < ? AND ? < b.start + b.size", [start + size, start], in: db).first {
            throw BlockError.overlaps(other)
        }
        try db.execute(sql: "INSERT INTO number_blocks (customer_id, start, size, created_at) VALUES (?, ?, ?, ?)",
                       arguments: [customerID, start, size, now])
        return try blocks(where: "b.id = ?", [db.lastInsertedRowID], in: db)[0]
    }

    static func blocks(customerID: Int64?, in db: Database) throws -> [NumberBlock] {
        if let customerID { return try blocks(where: "b.customer_id = ?", [customerID], in: db) }
        return try blocks(where: "1", [], in: db)
    }

    private static func blocks(where condition: String, _ arguments: [Int64], in db: Database) throws -> [NumberBlock] {
        try Row.fetchAll(db, sql: """
            SELECT b.id, b.customer_id, c.account_code, c.name, b.start, b.size, b.created_at
            FROM number_blocks b JOIN customers c ON c.id = b.customer_id
            WHERE \(condition) ORDER BY b.start
            """, arguments: StatementArguments(arguments)).map {
            NumberBlock(id: $0[0], customerID: $0[1], customerCode: $0[2], customerName: $0[3], start: $0[4],
                        size: $0[5], createdAt: $0[6])
        }
    }
}
