import Foundation
import Metrics

/// Runs the panes of the page shown, each when its `refresh_seconds` have passed since it last ran; a pane not yet
/// due keeps its last outcome. Called by the snapshot source on its own thread (never by a widget): a slow query
/// holds that thread at most its time limit, and the monitor's loop draws on with the results it has.
final class PageQueries: @unchecked Sendable {
    /// Where each pane's query runs: one reader for both on the embedded store.
    private let readers: [CustomPaneStore: any CustomQueryReading]
    private let customer: Int64?
    private let limits: CustomQueryLimits
    /// By page title and pane index; the SQL is kept so an edited pane runs again at once.
    private var last: [String: [Int: (sql: String, store: CustomPaneStore, at: Date,
                                       outcome: Result<CustomQueryResult, CustomQueryError>)]] = [:]

    /// `customer`: a customer's session, bound to `:customer` in every query.
    convenience init(reader: any CustomQueryReading, customer: Int64?, limits: CustomQueryLimits = CustomQueryLimits()) {
        self.init(ledger: reader, cdrs: reader, customer: customer, limits: limits)
    }

    /// On the servers: the ledger's panes on PostgreSQL, the CDRs' on ClickHouse.
    init(ledger: any CustomQueryReading, cdrs: any CustomQueryReading, customer: Int64?,
         limits: CustomQueryLimits = CustomQueryLimits()) {
        readers = [.ledger: ledger, .cdrs: cdrs]
        self.customer = customer
        self.limits = limits
    }

    /// The outcomes of `page`'s panes at `now`, running those that are due.
    func results(for page: CustomPage, now: Date) -> PageResults {
        var mine = last[page.title] ?? [:]
        var outcomes: [Result<CustomQueryResult, CustomQueryError>?] = []
        for (index, pane) in page.panes.enumerated() {
            if let previous = mine[index], previous.sql == pane.sql, previous.store == pane.store,
               now.timeIntervalSince(previous.at) < pane.refreshSeconds, now >= previous.at {
                outcomes.append(previous.outcome)
                continue
            }
            let outcome = readers[pane.store]!.run(pane.sql, customer: customer, limits: limits)
            mine[index] = (pane.sql, pane.store, now, outcome)
            outcomes.append(outcome)
        }
        // Panes the page no longer has are forgotten.
        mine = mine.filter { $0.key < page.panes.count }
        last[page.title] = mine
        return PageResults(title: page.title, outcomes: outcomes)
    }
}
