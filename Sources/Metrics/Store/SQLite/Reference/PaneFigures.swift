import Metrics

/// The figures of every pane, as compared between the engine and plain SQL.
public struct PaneFigures: Equatable {
    public var dashboard: DashboardSnapshot
    public var liveSummary: Grid
    public var dailySummary: Grid
    public var carrierTotals: [Int64: NamedCounts]
    public var customerTotals: [Int64: NamedCounts]
    public var last24Hours: [Int64: RollupCounts]
    /// The dashboard's checklist as both sides name it (`dashboard.checklist` is left out of the comparison).
    public var checklist: [ChecklistKey]

    public init(
        dashboard: DashboardSnapshot, liveSummary: Grid, dailySummary: Grid, carrierTotals: [Int64: NamedCounts],
        customerTotals: [Int64: NamedCounts], last24Hours: [Int64: RollupCounts], checklist: [ChecklistKey]
    ) {
        self.dashboard = dashboard
        self.liveSummary = liveSummary
        self.dailySummary = dailySummary
        self.carrierTotals = carrierTotals
        self.customerTotals = customerTotals
        self.last24Hours = last24Hours
        self.checklist = checklist
    }
}
