import Metrics
import PostgresNIO

/// Help tickets (`help_tickets`), as SQLite keeps them: numbers from a sequence, never given twice.
extension ServerStore {
    @discardableResult
    public func openTicket(subject: String, customerID: Int64?, support: String, at now: Int64) throws -> Int64 {
        guard !subject.allSatisfy(\.isWhitespace) else { throw TicketError.emptySubject }
        return try transaction {
            try postgres.execute("""
                INSERT INTO help_tickets (subject, customer_id, support, opened_at) VALUES ($1, $2, $3, $4) RETURNING id
                """, [PostgresData(string: subject), .optional(customerID), PostgresData(string: support),
                      PostgresData(int64: now)])[0].int(0)
        }
    }

    public func tickets(openOnly: Bool) throws -> [HelpTicket] {
        try reading {
            try postgres.execute("""
                SELECT \(Self.ticketColumns) FROM help_tickets t LEFT JOIN customers c ON c.id = t.customer_id
                \(openOnly ? "WHERE t.closed_at IS NULL" : "") ORDER BY t.id DESC
                """).map(Self.ticket)
        }
    }

    @discardableResult
    public func closeTicket(_ id: Int64, at now: Int64) throws -> HelpTicket {
        try transaction {
            guard let row = try postgres.execute("""
                SELECT \(Self.ticketColumns) FROM help_tickets t LEFT JOIN customers c ON c.id = t.customer_id
                WHERE t.id = $1 FOR UPDATE OF t
                """, [PostgresData(int64: id)]).first else { throw TicketError.unknown(id) }
            var ticket = try Self.ticket(row)
            if let closed = ticket.closedAt { throw TicketError.alreadyClosed(id, at: closed) }
            // A clock set back must not close a ticket before it was opened.
            let closedAt = max(now, ticket.openedAt)
            try postgres.execute("UPDATE help_tickets SET closed_at = $2 WHERE id = $1",
                                 [PostgresData(int64: id), PostgresData(int64: closedAt)])
            ticket.closedAt = closedAt
            return ticket
        }
    }

    private static let ticketColumns = "t.id, t.subject, t.customer_id, c.name, t.support, t.opened_at, t.closed_at"

    private static func ticket(_ row: PostgresRow) throws -> HelpTicket {
        HelpTicket(id: try row.int(0), subject: try row.text(1), customerID: try row.optionalInt(2),
                   customerName: try row.optionalText(3), support: try row.text(4), openedAt: try row.int(5),
                   closedAt: try row.optionalInt(6))
    }
}
