/// Why the store refused an invoice operation; the description is the message a user reads.
public enum InvoiceError: Error, Equatable, CustomStringConvertible {
    case unknownCustomer(String)
    case unknownInvoice(Int64)
    /// The period overlaps an invoice of the same customer that is not void (its number, or "draft N").
    case overlaps(existing: String, period: Period)
    /// No billable CDR of the customer in the period.
    case noTraffic(customer: String, period: Period)
    /// Answered CDRs no rate matched: how many, and their dialled numbers' leading digits (first few).
    case unrated(count: Int, destinations: [String])
    /// The operation is not allowed in the invoice's status.
    case wrongStatus(reference: String, status: String, action: String)
    /// A payment larger than what is left.
    case overpayment(reference: String, left: Money, currency: String)
    case invalidAmount(String)
    case unknownZone(String)

    public var description: String {
        switch self {
        case .unknownCustomer(let name): return "no customer \(name) (give its account code, name or id)"
        case .unknownInvoice(let id): return "no invoice \(id)"
        case .overlaps(let existing, let period):
            return "the period \(period) overlaps invoice \(existing) of the same customer; void it first to replace it"
        case .noTraffic(let customer, let period): return "\(customer) has no billable calls in \(period)"
        case .unrated(let count, let destinations):
            return "\(count) answered call\(count == 1 ? "" : "s") in the period \(count == 1 ? "has" : "have") no rate "
                + "(destinations \(destinations.joined(separator: ", "))): add them to the customer's rate card, "
                + "then issue again"
        case .wrongStatus(let reference, let status, let action):
            return "invoice \(reference) is \(status): it cannot be \(action)"
        case .overpayment(let reference, let left, let currency):
            return "invoice \(reference) has only \(left.formatted(decimals: 2)) \(currency) left to pay"
        case .invalidAmount(let text): return "\(text): not a positive amount"
        case .unknownZone(let name): return "\(name): not a time zone (use an IANA name such as Europe/Warsaw)"
        }
    }
}
