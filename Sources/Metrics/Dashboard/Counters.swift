/// The top counters of the control-panel dashboard.
public struct Counters: Sendable, Equatable {
    /// Calls in progress now.
    public var liveChannels: Int
    /// Channels configured over all active customers (the denominator of "in use / configured").
    public var configuredChannels: Int
    /// Customers whose account is active.
    public var activeCustomers: Int
    public var carriers: Int
    public var rateCards: Int

    public init(liveChannels: Int, configuredChannels: Int, activeCustomers: Int, carriers: Int, rateCards: Int) {
        self.liveChannels = liveChannels
        self.configuredChannels = configuredChannels
        self.activeCustomers = activeCustomers
        self.carriers = carriers
        self.rateCards = rateCards
    }

    /// The counters of the calls in progress and the accounts as read.
    init(live: LiveSummary, customers: [CustomerEntry], carriers: [CarrierEntry], rateCards: Int) {
        var configured = 0
        var active = 0
        for customer in customers where customer.active {
            configured += customer.channelsConfigured
            active += 1
        }
        self.init(liveChannels: live.count, configuredChannels: configured, activeCustomers: active,
                  carriers: carriers.count, rateCards: rateCards)
    }
}
