/// Reference data: customers, carriers, DIDs and rate cards. Writers create them through the store's ledger
/// (`StoreLedger`); the monitor only reads them.
public enum Accounts {
    public struct NewCustomer: Sendable {
        public var accountCode: String
        public var name: String
        public var active: Bool
        public var channelsConfigured: Int
        public var balance: Money
        public var debitLimit: Money
        public var rateCardID: Int64?

        public init(
            accountCode: String, name: String, active: Bool = true, channelsConfigured: Int,
            balance: Money = Money(micros: 0), debitLimit: Money = Money(micros: 0), rateCardID: Int64?
        ) {
            self.accountCode = accountCode
            self.name = name
            self.active = active
            self.channelsConfigured = channelsConfigured
            self.balance = balance
            self.debitLimit = debitLimit
            self.rateCardID = rateCardID
        }
    }
}
