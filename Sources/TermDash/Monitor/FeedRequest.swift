import Foundation
import Metrics

/// What the feed reads each time: the snapshot's panes and, when the summary view is open, its grid.
struct FeedRequest: Equatable, Sendable {
    var snapshot: SnapshotRequest
    var summary: SummaryPeriod?
    /// The summary's page of buckets back from now.
    var summaryPage = 0
    /// The custom page shown (its title): only its panes' queries run.
    var page: String? = nil
}
