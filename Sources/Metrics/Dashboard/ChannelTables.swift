/// The channels tables for carriers and DIDs (the customers' are `topCustomers`/`bottomCustomers`).
public struct ChannelTables: Sendable, Equatable {
    /// Carriers holding channels now, most first (ties by name).
    public var topCarriers: [ChannelUsage]
    /// Active carriers, fewest channels in use first, idle ones included.
    public var bottomCarriers: [ChannelUsage]
    /// DIDs (by number) with calls in progress, most first. A DID has no configured limit.
    public var topDIDs: [ChannelUsage]
    /// Every DID, fewest channels in use first.
    public var bottomDIDs: [ChannelUsage]

    public init(topCarriers: [ChannelUsage], bottomCarriers: [ChannelUsage], topDIDs: [ChannelUsage],
                bottomDIDs: [ChannelUsage]) {
        self.topCarriers = topCarriers
        self.bottomCarriers = bottomCarriers
        self.topDIDs = topDIDs
        self.bottomDIDs = bottomDIDs
    }
}
