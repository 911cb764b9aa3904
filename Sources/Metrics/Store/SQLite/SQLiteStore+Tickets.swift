import GRDB

/// Help tickets (`help_tickets`), each requirement in a transaction of its own.
extension SQLiteStore: TicketLedger {
    @discardableResult
    public func openTicket(subject: String, customerID: Int64?, support: String, at now: Int64) throws -> Int64 {
        guard !subject.allSatisfy(\.isWhitespace) else { throw TicketError.emptySubject }
        return try write { (db: Database) in
            try db.execute(sql: """
                INSERT INTO help_tickets (subject, customer_id, support, opened_at) VALUES (?, ?, ?, ?)
                """, arguments: [subject, customerID, support, now])
            return db.lastInsertedRowID
        }
    }

    public func tickets(openOnly: Bool) throws -> [HelpTicket] {
        try read { (db: Database) in
            try Row.fetchAll(db, sql: """
                SELECT t.id, t.subject, t.customer_id, c.name, t.support, t.opened_at, t.closed_at
                FROM help_tickets t LEFT JOIN customers c ON c.id = t.customer_id
                \(openOnly ? "WHERE t.closed_at IS NULL" : "")
                ORDER BY t.id DESC
                """).map(Self.ticket)
        }
    }

    @discardableResult
    public func closeTicket(_ id: Int64, at now: Int64) throws -> HelpTicket {
        try write { (db: Database) in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT t.id, t.subject, t.customer_id, c.name, t.support, t.opened_at, t.closed_at
                FROM help_tickets t LEFT JOIN customers c ON c.id = t.customer_id WHERE t.id = ?
                """, arguments: [id])
            else { throw TicketError.unknown(id) }
            var ticket = Self.ticket(row)
            if let closed = ticket.closedAt { throw TicketError.alreadyClosed(id, at: closed) }
            // A clock set back must not close a ticket before it was opened.
            let closedAt = max(now, ticket.openedAt)
            try db.execute(sql: "UPDATE help_tickets SET closed_at = ? WHERE id = ?", arguments: [closedAt, id])
            ticket.closedAt = closedAt
            return ticket
        }
    }

    private static func ticket(_ row: Row) -> HelpTicket {
        HelpTicket(id: row[0], subject: row[1], customerID: row[2], customerName: row[3], support: row[4],
                   openedAt: row[5], closedAt: row[6])
    }
}
