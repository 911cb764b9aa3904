/// Where a custom pane's query runs. The embedded store holds both in its one file; on the servers the ledger is
/// PostgreSQL's and the CDRs are ClickHouse's (each with its own SQL: docs/pages.md).
enum CustomPaneStore: String, CaseIterable, Sendable {
    /// Accounts, rate cards, invoices, tickets and the rest of the ledger (the default).
    case ledger
    /// The CDRs: on the servers, ClickHouse's view `cdrs`.
    case cdrs
}
