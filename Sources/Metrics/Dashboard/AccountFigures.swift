/// A customer's Account view in their portal: the company profile (read-only), their number blocks with the
/// extensions in use in each, and their portal user (My profile).
public struct AccountFigures: Sendable, Equatable {
    public var customer: CustomerEntry?
    public var billing: BillingProfile?
    public var blocks: [NumberBlock]
    /// Distinct extensions in use per block id (registrations and the last day's callers).
    public var inUse: [Int64: Int]
    public var user: PortalUser?

    public init(customer: CustomerEntry?, billing: BillingProfile?, blocks: [NumberBlock], inUse: [Int64: Int],
                user: PortalUser?) {
        self.customer = customer
        self.billing = billing
        self.blocks = blocks
        self.inUse = inUse
        self.user = user
    }

    /// How far back a CDR's caller counts as an extension in use in the view (it is read each refresh).
    public static let callerWindow: Int64 = 86_400

    /// Distinct extensions per block (a number seen in a registration and a CDR counts once).
    public static func inUseCounts(_ used: [ExtensionInUse]) -> [Int64: Int] {
        var numbers: [Int64: Set<Int64>] = [:]
        for use in used { if let block = use.blockID { numbers[block, default: []].insert(use.number) } }
        return numbers.mapValues(\.count)
    }
}
