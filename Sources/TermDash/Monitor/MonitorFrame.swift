import Foundation
import Metrics

/// One read of the store, immutable, handed to the event loop.
struct MonitorFrame: Sendable {
    var dashboard: DashboardSnapshot
    var summary: SummaryGrid?
    /// What was asked for, so the loop can tell a frame read before a change of range or period.
    var request: FeedRequest
}
