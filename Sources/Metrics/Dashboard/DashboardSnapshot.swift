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

/// What one snapshot reads. The feed builds it from the view's state before each read: the history range the user
/// chose, the table sizes that fit the terminal, the scope of a customer view.
public struct SnapshotRequest: Sendable, Equatable {
    /// Seconds of the live-channels series.
    public var liveWindow: Int
    /// Rows of each top/bottom table (customers, carriers, DIDs).
    public var tableRows: Int
    /// The range of the history graphs and the quality table; nil reads neither.
    public var history: HistoryRange?
    /// Whether to read the carrier and DID channels tables.
    public var channelTables: Bool
    /// The checklist's thresholds; nil reads no checklist.
    public var checklist: ChecklistThresholds?
    /// Whether to read the account balance.
    public var balance: Bool
    /// A customer-scoped view: the balance and the checklist are that customer's only.
    public var customerID: Int64?
    /// Carriers the user took out of the quality figures: when any are, the snapshot also carries the history's
    /// figures over the other carriers only (`qualityHistory`), for the ASR, ACD and DTMF graphs.
    public var excludedCarriers: Set<Int64> = []

    public init(
        liveWindow: Int = 600, tableRows: Int = 10, history: HistoryRange? = .oneHour, channelTables: Bool = true,
        checklist: ChecklistThresholds? = ChecklistThresholds(), balance: Bool = true, customerID: Int64? = nil
    ) {
        self.liveWindow = liveWindow
        self.tableRows = tableRows
        self.history = history
        self.channelTables = channelTables
        self.checklist = checklist
        self.balance = balance
        self.customerID = customerID
    }

    /// Only what the first dashboard showed: counters, live channels, customer tables.
    public static func basic(liveWindow: Int, tableRows: Int) -> SnapshotRequest {
        SnapshotRequest(liveWindow: liveWindow, tableRows: tableRows, history: nil, channelTables: false,
                        checklist: nil, balance: false)
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
