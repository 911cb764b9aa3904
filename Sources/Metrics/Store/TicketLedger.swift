/// Help tickets, so the billing view's "open help tickets" counts something real. Each requirement is a transaction
/// of its own; ids are the store's and never reused.
public protocol TicketLedger: AnyObject, Sendable {
    /// Opens a ticket with the support block attached; returns its number.
    @discardableResult
    func openTicket(subject: String, customerID: Int64?, support: String, at now: Int64) throws -> Int64

    /// The tickets, newest first; only the open ones with `openOnly`.
    func tickets(openOnly: Bool) throws -> [HelpTicket]

    /// Closes ticket `id` at `now` and returns it as closed. Throws `TicketError.unknown` for a number that was never
    /// given, `.alreadyClosed` for a closed one (which keeps its first closing time).
    @discardableResult
    func closeTicket(_ id: Int64, at now: Int64) throws -> HelpTicket
}
