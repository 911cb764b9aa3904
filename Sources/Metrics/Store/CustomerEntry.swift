/// A customer as the panes and the checklist read it. Text is as stored (views sanitise it).
public struct CustomerEntry: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var accountCode: String
    /// Status `active` (else suspended).
    public var active: Bool
    public var channelsConfigured: Int
    public var currency: String
    /// What the customer has in credit (negative: owes).
    public var balance: Money
    /// How far below zero the balance may go, whatever its sign (docs/schema.md).
    public var debitLimit: Money
    /// Whether it has a sell rate card.
    public var hasRateCard: Bool
    public var profileVerified: Bool
    /// The name of the CDR file whose import created it, if any (and still stored).
    public var firstSeenFile: String?

    public init(id: Int64, name: String, accountCode: String, active: Bool, channelsConfigured: Int, currency: String,
                balance: Money, debitLimit: Money, hasRateCard: Bool, profileVerified: Bool, firstSeenFile: String?) {
        self.id = id
        self.name = name
        self.accountCode = accountCode
        self.active = active
        self.channelsConfigured = channelsConfigured
        self.currency = currency
        self.balance = balance
        self.debitLimit = debitLimit
        self.hasRateCard = hasRateCard
        self.profileVerified = profileVerified
        self.firstSeenFile = firstSeenFile
    }

    /// The lowest balance allowed: −|debit limit| (zero or negative).
    public var floor: Money { Money(micros: -abs(debitLimit.micros)) }
    /// Whether the balance is below that floor.
    public var isPastLimit: Bool { balance < floor }
}
