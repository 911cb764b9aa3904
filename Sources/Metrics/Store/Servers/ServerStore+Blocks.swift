import Metrics
import PostgresNIO

/// Number blocks (`number_blocks`). The overlap check here names the block in the way; the exclusion constraint
/// refuses an overlap from any writer that skips it (or races this one).
extension ServerStore {
    @discardableResult
    public func addBlock(customerID: Int64, start: Int64, size: Int64, at now: Int64) throws -> NumberBlock {
        try transaction { try insertBlock(customerID: customerID, start: start, size: size, at: now) }
    }

    @discardableResult
    public func allocateBlock(customerID: Int64, systemStart: Int64, size: Int64, at now: Int64) throws -> NumberBlock {
        try transaction {
            guard let start = NumberBlock.nextAutomaticStart(systemStart: systemStart, size: size,
                                                             existing: try blocks(where: "true", []))
            else { throw BlockError.noRoom(systemStart: systemStart, size: size) }
            return try insertBlock(customerID: customerID, start: start, size: size, at: now)
        }
    }

    public func blocks(customerID: Int64?) throws -> [NumberBlock] {
        try reading { try numberBlocks(customerID: customerID) }
    }

    @discardableResult
    public func removeBlock(_ id: Int64) throws -> NumberBlock {
        try transaction {
            guard let block = try blocks(where: "b.id = $1", [id]).first else { throw BlockError.unknown(id) }
            try postgres.execute("DELETE FROM number_blocks WHERE id = $1", [PostgresData(int64: id)])
            return block
        }
    }

    public func extensionsInUse(customerID: Int64?, cdrsSince since: Int64) throws -> [ExtensionInUse] {
        try reading { try extensions(customerID: customerID, cdrsSince: since) }
    }

    func numberBlocks(customerID: Int64?) throws -> [NumberBlock] {
        if let customerID { return try blocks(where: "b.customer_id = $1", [customerID]) }
        return try blocks(where: "true", [])
    }

    /// `extensionsInUse`: registrations from PostgreSQL, callers of the CDRs from ClickHouse; `Extension` decides
    /// what is an extension, as on SQLite.
    func extensions(customerID: Int64?, cdrsSince since: Int64) throws -> [ExtensionInUse] {
        let byCustomer = Dictionary(grouping: try numberBlocks(customerID: customerID), by: \.customerID)
        guard !byCustomer.isEmpty else { return [] }
        let customers = byCustomer.keys.sorted()
        var seen = Set<ExtensionInUse>()
        func note(_ customer: Int64, _ text: String, _ origin: ExtensionInUse.Origin, _ number: (String) -> Int64?) {
            guard let number = number(text), let owned = byCustomer[customer] else { return }
            seen.insert(ExtensionInUse(customerID: customer, customerCode: owned[0].customerCode, number: number,
                                       origin: origin, blockID: owned.first { $0.contains(number) }?.id))
        }
        let list = customers.map(String.init).joined(separator: ",")
        for row in try postgres.execute(
            "SELECT customer_id, endpoint FROM registrations WHERE customer_id IN (\(list))") {
            note(try row.int(0), try row.text(1), .registration, Extension.fromEndpoint)
        }
        // Short strings only (characters, as SQLite's length): the SQL narrows, `Extension` decides. DISTINCT makes
        // a CDR stored twice one caller, so no FINAL is needed.
        for row in try clickhouse[0].rows("""
            SELECT DISTINCT customer_id, src FROM \(cdrTable)
            WHERE start_at >= \(since) AND customer_id IN (\(list)) AND lengthUTF8(src) BETWEEN 2 AND 6
            """) where row.count == 2 {
            guard let customer = Int64(row[0]) else { continue }
            note(customer, ClickHouseText.unescaped(row[1]), .cdr, Extension.fromCaller)
        }
        return seen.sorted {
            ($0.customerCode, $0.number, $0.origin.rawValue) < ($1.customerCode, $1.number, $1.origin.rawValue)
        }
    }

    private func insertBlock(customerID: Int64, start: Int64, size: Int64, at now: Int64) throws -> NumberBlock {
        guard start >= 0, size >= 1, start <= NumberBlock.maximumNumber - size + 1 else {
            throw BlockError.outOfRange(start: start, size: size)
        }
        guard !(try postgres.execute("SELECT 1 FROM customers WHERE id = $1", [PostgresData(int64: customerID)])).isEmpty
        else { throw BlockError.unknownCustomer(customerID) }
        if let other = try blocks(where: "b.start < $1 AND $2 < b.start + b.size", [start + size, start]).first {
            throw BlockError.overlaps(other)
        }
        let id = try postgres.execute("""
            INSERT INTO number_blocks (customer_id, start, size, created_at) VALUES ($1, $2, $3, $4) RETURNING id
            """, [PostgresData(int64: customerID), PostgresData(int64: start), PostgresData(int64: size),
                  PostgresData(int64: now)])[0].int(0)
        return try blocks(where: "b.id = $1", [id])[0]
    }

    private func blocks(where condition: String, _ arguments: [Int64]) throws -> [NumberBlock] {
        try postgres.execute("""
            SELECT b.id, b.customer_id, c.account_code, c.name, b.start, b.size, b.created_at
            FROM number_blocks b JOIN customers c ON c.id = b.customer_id
            WHERE \(condition) ORDER BY b.start
            """, arguments.map { PostgresData(int64: $0) }).map {
            NumberBlock(id: try $0.int(0), customerID: try $0.int(1), customerCode: try $0.text(2),
                        customerName: try $0.text(3), start: try $0.int(4), size: try $0.int(5),
                        createdAt: try $0.int(6))
        }
    }
}
