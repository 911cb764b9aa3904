import Foundation

/// Everything one frame of the monitor shows, read from the store in one go and handed to the views.
/// Immutable: the draw path never touches the store.
public struct DashboardSnapshot: Sendable, Equatable {
    /// The instant the figures describe (UTC).
    public var takenAt: Date
    public var counters: Counters
    /// Channels in use at each second of the window that ends at `takenAt`, oldest first.
    public var liveChannels: [Int]
    /// Customers with the most channels in use, highest first.
    public var topCustomers: [ChannelUsage]
    /// Active customers with the fewest channels in use, lowest first.
    public var bottomCustomers: [ChannelUsage]
    /// Where the figures come from, for the support block.
    public var storePath: String

    public init(
        takenAt: Date, counters: Counters, liveChannels: [Int],
        topCustomers: [ChannelUsage], bottomCustomers: [ChannelUsage], storePath: String
    ) {
        self.takenAt = takenAt
        self.counters = counters
        self.liveChannels = liveChannels
        self.topCustomers = topCustomers
        self.bottomCustomers = bottomCustomers
        self.storePath = storePath
    }
}

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
}

/// One row of a channels table: a customer, carrier or DID and the channels it holds now.
public struct ChannelUsage: Sendable, Equatable {
    /// As stored; views must sanitise it before drawing.
    public var name: String
    public var inUse: Int
    /// Channels configured for it, or nil where it has no limit.
    public var configured: Int?

    public init(name: String, inUse: Int, configured: Int?) {
        self.name = name
        self.inUse = inUse
        self.configured = configured
    }
}
