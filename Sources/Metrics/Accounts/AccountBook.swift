/// Every account as the store holds it now: what a writer that owns accounts (the simulator) or a listing reads.
public struct AccountBook: Sendable, Equatable {
    /// By id.
    public var customers: [CustomerAccount]
    /// By id.
    public var carriers: [CarrierAccount]
    /// By id.
    public var dids: [DIDAccount]

    public init(customers: [CustomerAccount], carriers: [CarrierAccount], dids: [DIDAccount]) {
        self.customers = customers
        self.carriers = carriers
        self.dids = dids
    }
}
