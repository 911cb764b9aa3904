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
    /// Where the figures come from, for the support block: the store's `location` (a path, or a URL without
    /// credentials).
    public var storePath: String

    // The panes below are nil when the request did not ask for them.

    /// The history graphs of the requested range.
    public var history: HistorySnapshot?
    /// ASR, ACD and DTMF per carrier over the same range (the view applies the carriers toggled out).
    public var quality: QualitySnapshot?
    /// Channels in use by carrier and by DID, top and bottom.
    public var channelTables: ChannelTables?
    /// Outstanding items, alerts first.
    public var checklist: [ChecklistItem]?
    /// Balance and debit limit of the active customers, or of the requested customer.
    public var balance: AccountBalance?
    /// The history range's figures per bucket over the carriers not excluded by the request; nil when none is.
    public var qualityHistory: [TrafficFigures]?
    /// The billing dashboard's figures.
    public var billing: BillingFigures?
    /// The invoices the request asked for (a customer's, in their portal), newest first.
    public var invoices: [Invoice]?
    /// The customer's Account view (company profile, number blocks, My profile), when asked.
    public var account: AccountFigures?

    public init(
        takenAt: Date, counters: Counters, liveChannels: [Int],
        topCustomers: [ChannelUsage], bottomCustomers: [ChannelUsage], storePath: String,
        history: HistorySnapshot? = nil, quality: QualitySnapshot? = nil, channelTables: ChannelTables? = nil,
        checklist: [ChecklistItem]? = nil, balance: AccountBalance? = nil
    ) {
        self.takenAt = takenAt
        self.counters = counters
        self.liveChannels = liveChannels
        self.topCustomers = topCustomers
        self.bottomCustomers = bottomCustomers
        self.storePath = storePath
        self.history = history
        self.quality = quality
        self.channelTables = channelTables
        self.checklist = checklist
        self.balance = balance
    }
}
