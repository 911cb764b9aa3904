/// Customers, carriers and DIDs by the names files use for them, with their rate cards; decides the ones a file
/// names first, so the import can create them inside its transaction (a rolled-back import leaves no stray account).
///
/// Lookups never touch the store, so they can run on the thread that reads the file while another writes: an
/// account first seen gets the next free id at once (the import's transaction holds the write lock, so nobody else
/// can take it), and is queued in `creations` for the writer to create (`ImportTransaction.createAccounts`) before
/// the CDRs that name it — as the id the store would have given it.
public struct AccountDirectory: Sendable {
    /// An account as an import needs it: its id and its rate card.
    public struct Account: Sendable, Equatable {
        public var id: Int64
        public var rateCardID: Int64?

        public init(id: Int64, rateCardID: Int64?) {
            self.id = id
            self.rateCardID = rateCardID
        }
    }

    /// An account the writer must create (ids as allocated here).
    public enum Creation: Sendable, Equatable {
        case customer(id: Int64, accountCode: String)
        case carrier(id: Int64, name: String)
        case did(id: Int64, number: String, customer: Int64?)
    }

    /// Every id of a kind of account is taken.
    public struct IDsExhausted: Error, CustomStringConvertible {
        public var last: Int64
        public var description: String { "no account id left after \(last)" }
    }

    private var customers: [String: Account]
    private var carriers: [String: Account]
    private var dids: [String: Int64]
    private var lastIDs: (customer: Int64, carrier: Int64, did: Int64)
    /// Account codes and carrier names created by this import, in the order first seen.
    private(set) var newCustomers: [String] = []
    private(set) var newCarriers: [String] = []
    /// Accounts decided since the last `takeCreations()`.
    private var creations: [Creation] = []
    /// Ids the store has set aside for names with no account yet (the servers: an import reserved them, and did not
    /// commit): such a name is created with its id, never given another.
    private var reserved: (customers: [String: Int64], carriers: [String: Int64], dids: [String: Int64]) = ([:], [:], [:])

    /// The accounts as stored: customers by account code, carriers by name, DIDs by number, and the largest id of
    /// each kind (0 for none).
    public init(
        customers: [String: Account], carriers: [String: Account], dids: [String: Int64], lastCustomerID: Int64,
        lastCarrierID: Int64, lastDIDID: Int64
    ) {
        self.customers = customers
        self.carriers = carriers
        self.dids = dids
        lastIDs = (lastCustomerID, lastCarrierID, lastDIDID)
    }

    /// The same, with the ids set aside for names that have no account yet (`reserved`).
    public init(
        customers: [String: Account], carriers: [String: Account], dids: [String: Int64], lastCustomerID: Int64,
        lastCarrierID: Int64, lastDIDID: Int64,
        reserved: (customers: [String: Int64], carriers: [String: Int64], dids: [String: Int64])
    ) {
        self.init(customers: customers, carriers: carriers, dids: dids, lastCustomerID: lastCustomerID,
                  lastCarrierID: lastCarrierID, lastDIDID: lastDIDID)
        self.reserved = reserved
    }

    /// The customer with this account code; one the store does not have is created (unverified, no rate card).
    public mutating func customer(_ accountCode: String) throws -> Account? {
        guard !accountCode.isEmpty else { return nil }
        if let known = customers[accountCode] { return known }
        let account = Account(id: try reserved.customers[accountCode] ?? Self.next(&lastIDs.customer), rateCardID: nil)
        customers[accountCode] = account
        newCustomers.append(accountCode)
        creations.append(.customer(id: account.id, accountCode: accountCode))
        return account
    }

    public mutating func carrier(_ name: String) throws -> Account? {
        guard !name.isEmpty else { return nil }
        if let known = carriers[name] { return known }
        let account = Account(id: try reserved.carriers[name] ?? Self.next(&lastIDs.carrier), rateCardID: nil)
        carriers[name] = account
        newCarriers.append(name)
        creations.append(.carrier(id: account.id, name: name))
        return account
    }

    public mutating func did(_ number: String, customer: Int64?) throws -> Int64? {
        guard !number.isEmpty else { return nil }
        if let known = dids[number] { return known }
        let id = try reserved.dids[number] ?? Self.next(&lastIDs.did)
        dids[number] = id
        creations.append(.did(id: id, number: number, customer: customer))
        return id
    }

    /// The accounts decided since the last call, for `ImportTransaction.createAccounts`.
    public mutating func takeCreations() -> [Creation] {
        defer { creations.removeAll() }
        return creations
    }

    /// The id the store gives the next account of a kind whose largest id is `last`.
    private static func next(_ last: inout Int64) throws -> Int64 {
        guard last < Int64.max else { throw IDsExhausted(last: last) }
        last += 1
        return last
    }
}
