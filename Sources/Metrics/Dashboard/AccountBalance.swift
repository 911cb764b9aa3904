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

    /// The balance of every active customer together, or of `customerID` alone (whatever its status).
    init(_ customers: [CustomerEntry], customerID: Int64?) {
        var accounts = 0
        var balance = Money(micros: 0)
        var floor = Money(micros: 0)
        var currencies: Set<String> = []
        var pastLimit = 0
        for customer in customers where customerID.map({ customer.id == $0 }) ?? customer.active {
            accounts += 1
            balance = balance + customer.balance
            floor = floor + customer.floor
            currencies.insert(customer.currency)
            if customer.isPastLimit { pastLimit += 1 }
        }
        self.init(accounts: accounts, balance: balance, floor: floor,
                  currency: currencies.count == 1 ? currencies.first : nil, accountsPastLimit: pastLimit)
    }
}
