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
    /// Whether to read the billing dashboard's figures.
    public var billing = false
    /// Whether to read the invoices of the customer (`customerID`; every customer's when nil), newest first.
    public var invoices = false
    /// Whether to read the customer's (`customerID`) Account view.
    public var account = false

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
