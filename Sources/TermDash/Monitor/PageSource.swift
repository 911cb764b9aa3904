import Foundation

/// The custom pages half of a read: which pages there are now, and the shown page's pane outcomes. The snapshot
/// feed calls it with each read; tests call it with their own clock.
final class PageSource: @unchecked Sendable {
    private let catalog: PageCatalog
    private let queries: PageQueries

    init(catalog: PageCatalog, queries: PageQueries) {
        self.catalog = catalog
        self.queries = queries
    }

    /// The pages, and when `shown` names one of them, its panes' outcomes at `now`.
    func read(shown: String?, now: Date) -> (pages: PageSet, results: PageResults?) {
        let pages = catalog.read()
        let page = shown.flatMap { title in pages.pages.first { $0.title == title } }
        return (pages, page.map { queries.results(for: $0, now: now) })
    }
}
