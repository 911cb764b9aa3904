import Metrics

/// Everything one frame shows, prepared by the session: the newest snapshot and summary grid, the user's state and
/// the context. Rendering from it is pure.
struct ScreenModel {
    var snapshot: DashboardSnapshot?
    var summary: SummaryGrid?
    var state: MonitorState
    var context: ViewContext
    /// The zone's offsets over the graphs' window, for axis labels.
    var graphZone: GraphZone = .utc
    /// ASR under which the quality table says LOW, and the attempts below which it does not judge.
    var lowASR: Double? = nil
    var minimumAttempts: Int64 = 1
    var keys: [KeyBinding] = KeyBinding.defaults
    /// Places for money (the currency's minor digits).
    var moneyDecimals = 2
    /// The custom page shown (`state.page`) and its panes' outcomes.
    var page: CustomPage? = nil
    var pageResults: PageResults? = nil
    /// A customer's portal: the issuer's profile the Account view shows.
    var company: CompanySettings? = nil
}
