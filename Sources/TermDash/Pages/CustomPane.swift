/// One pane of a custom page: a read-only query, how it is drawn, and how often it runs again.
struct CustomPane: Equatable, Sendable {
    var title: String
    var sql: String
    var kind: CustomPaneKind
    var refreshSeconds: Double
    /// Where its query runs (the same file on the embedded store).
    var store: CustomPaneStore = .ledger
}
