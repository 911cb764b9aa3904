import Foundation
import Metrics

/// One read of the store, immutable, handed to the event loop.
struct MonitorFrame: Sendable {
    var dashboard: DashboardSnapshot
    var summary: SummaryGrid?
    /// What was asked for, so the loop can tell a frame read before a change of range or period.
    var request: FeedRequest
    /// The custom pages there are now; nil when this session has none to look for.
    var pages: PageSet? = nil
    /// The shown page's pane outcomes (`request.page`).
    var pageResults: PageResults? = nil
}
