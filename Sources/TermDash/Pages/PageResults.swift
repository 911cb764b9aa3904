import Metrics

/// The newest outcome of each pane of one page, in the page's pane order; nil for a pane whose query has not run yet.
struct PageResults: Equatable, Sendable {
    var title: String
    var outcomes: [Result<CustomQueryResult, CustomQueryError>?]
}
